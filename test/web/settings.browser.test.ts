import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from '../helpers/dashboard-pages.ts';
import { companyWithStaff, overflowsSideways, timeToShow } from '../helpers/page-checks.ts';
import { type DashboardHarness, newContext, RAPID_OWNER, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';

const STAFF = 'staff-settings@rapidrooter.example';
const STAFF_PASSWORD = 'staff-password-2';

const TABS = [
  ['profile', 'Save trades', 'Plumbing'],
  ['phone-numbers', 'Add number', '(312) 555-0142'],
  ['users', 'Add user', RAPID_OWNER],
  ['widget', 'Save websites', 'widget.js'],
  ['api-tokens', 'Create token', 'New token'],
  ['secrets', 'ElevenLabs API key', 'Twilio auth token'],
  ['audit', 'Audit log', 'Newer'],
  ['config', 'Download configuration', 'Upload and apply'],
] as const;

describe('the Settings page', { timeout: 90_000 }, () => {
  let h: DashboardHarness;
  let companyId: string;
  const timings: Record<string, number> = {};
  beforeAll(async () => {
    h = await startDashboard();
    companyId = await companyWithStaff(h.t, RAPID_OWNER, { email: STAFF, password: STAFF_PASSWORD });
  });
  afterAll(async () => {
    process.stdout.write(`settings data shown in (ms): ${JSON.stringify(timings)}\n`);
    await h?.close();
  });

  it('shows every section with its data and no serious accessibility problem', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    for (const [tab, ready, data] of TABS) {
      timings[tab] = await timeToShow(page, `/companies/${companyId}/settings?tab=${tab}`, ready);
      await page.getByText(data).first().waitFor();
      await expectNoSeriousAxeViolations(page, tab);
      await screenshot(page, `settings-${tab}`);
    }
    await context.close();
  });

  it('gives the website chat line, saves the allowed sites, and a replaced key retires the old one', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    await page.goto(`/companies/${companyId}/settings?tab=widget`);
    const snippet = page.getByLabel('Widget snippet');
    const before = (await snippet.textContent())!;
    const oldKey = /data-key="([^"]+)"/.exec(before)![1]!;
    await page.getByLabel('Websites allowed to use the chat').fill('https://www.rapidrooter.example\nhttps://book.rapidrooter.example');
    await page.getByRole('button', { name: 'Save websites' }).click();
    await expect.poll(async () => (await h.t.app.ctx.services.widget.get(companyId)).allowedOrigins)
      .toEqual(['https://www.rapidrooter.example', 'https://book.rapidrooter.example']);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Replace the key' }).click();
    await expect.poll(() => snippet.textContent()).not.toBe(before);
    const chat = await h.t.app.inject({ method: 'POST', url: `/api/widget/${oldKey}/chat`, payload: {} });
    expect(chat.statusCode).toBe(404);
    await context.close();
  });

  it('shows a new API token once, then only its last four', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    await timeToShow(page, `/companies/${companyId}/settings?tab=api-tokens`, 'Create token');
    await page.getByLabel('Token name').fill('Zapier');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent())!;
    expect(token.length).toBeGreaterThan(20);
    const row = page.getByRole('row').filter({ hasText: 'Zapier' });
    expect(await row.textContent()).toContain(`…${token.slice(-4)}`);
    await screenshot(page, 'settings-api-token-created');
    // The token works, and after a reload it is nowhere on the page.
    const used = await h.t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/calls`, headers: { authorization: `Bearer ${token}` } });
    expect(used.statusCode).toBe(200);
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Zapier' }).waitFor();
    expect(await page.content()).not.toContain(token);

    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke Zapier' }).click();
    await page.getByRole('row').filter({ hasText: 'Zapier' }).getByText('Revoked').waitFor();
    const refused = await h.t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/calls`, headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    await context.close();
  });

  it('sets a secret and shows only its last four; a bad configuration document names the path of its problem', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, RAPID_OWNER);
    await timeToShow(page, `/companies/${companyId}/settings?tab=secrets`, 'ElevenLabs API key');
    const secret = 'xi-secret-value-ab12cd9876';
    const card = page.getByTestId('secret-elevenLabsApiKey');
    await card.getByLabel('ElevenLabs API key').fill(secret);
    await card.getByRole('button', { name: 'Set' }).click();
    await expect.poll(() => card.getByTestId('secret-status').textContent()).toBe('Set · …9876');
    expect(await page.content()).not.toContain(secret);
    const listed = await (await page.request.get(`/api/companies/${companyId}/secrets`)).text();
    expect(listed).not.toContain(secret);
    await screenshot(page, 'settings-secret-set');

    const doc = await (await page.request.get(`/api/companies/${companyId}/config`)).json();
    doc.booking.services[0].durationMinutes = -5;
    await timeToShow(page, `/companies/${companyId}/settings?tab=config`, 'Upload and apply');
    await page.locator('input[type=file]').setInputFiles({ name: 'config.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByRole('button', { name: 'Upload and apply' }).click();
    const problem = page.getByTestId('config-problem').first();
    await problem.waitFor();
    expect(await problem.textContent()).toContain('booking.services[0].durationMinutes');
    await expectNoSeriousAxeViolations(page, 'settings-config-errors');
    await screenshot(page, 'settings-config-errors');
    await context.close();
  });

  it('gives staff no owner-only controls, and the API refuses them', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, STAFF, STAFF_PASSWORD);
    await page.getByRole('link', { name: 'Agent' }).waitFor();
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await timeToShow(page, `/companies/${companyId}/settings`, 'Only an owner can change settings');
    for (const owner of ['API tokens', 'Secrets', 'Audit log', 'Configuration']) expect(await page.getByRole('tab', { name: owner }).count(), owner).toBe(0);
    expect(await page.getByRole('button', { name: 'Save profile' }).count()).toBe(0);
    expect(await page.getByLabel('Company name').isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByText(RAPID_OWNER).waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'settings-as-staff');
    await screenshot(page, 'settings-as-staff');
    const refused = await page.request.patch(`/api/companies/${companyId}/secrets`, { data: { llmApiKey: 'sk-staff-attempt-123' } });
    expect([refused.status(), (await refused.json()).error.code]).toEqual([403, 'FORBIDDEN']);
    await context.close();
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const context = await newContext(h, 375);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    for (const [tab, ready] of TABS) {
      await timeToShow(page, `/companies/${companyId}/settings?tab=${tab}`, ready);
      expect(await overflowsSideways(page), tab).toBe(false);
      await screenshot(page, `settings-${tab}-phone`);
    }
    await context.close();
  });
});
