import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from '../helpers/dashboard-pages.ts';
import { companyWithStaff, overflowsSideways, timeToShow } from '../helpers/page-checks.ts';
import { type DashboardHarness, newContext, RAPID_OWNER, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';

const STAFF = 'staff-agent@rapidrooter.example';

describe('the Agent and Knowledge pages', { timeout: 90_000 }, () => {
  let h: DashboardHarness;
  let companyId: string;
  const timings: Record<string, number> = {};
  beforeAll(async () => {
    h = await startDashboard();
    companyId = await companyWithStaff(h.t, RAPID_OWNER, { email: STAFF, password: 'staff-password-1' });
  });
  afterAll(async () => {
    process.stdout.write(`page data shown in (ms): ${JSON.stringify(timings)}\n`);
    await h?.close();
  });

  it('an owner changes the greeting, sees it in the test chat and in the versions, and is told of a lost edit', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    timings.agent = await timeToShow(page, `/companies/${companyId}/agent`, 'Version 1');
    await expectNoSeriousAxeViolations(page, 'agent-settings');
    await screenshot(page, 'agent-settings');

    const greeting = 'Hello from the dashboard test, this is {agentName} at {companyName}.';
    await page.getByLabel('Greeting during opening hours').fill(greeting);
    await page.getByLabel('Greeting after hours').fill(greeting);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Version 2', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Test your agent' }).click();
    await page.getByRole('button', { name: 'Start a conversation' }).click();
    await expect.poll(() => page.getByTestId('agent-line').first().textContent()).toBe('Hello from the dashboard test, this is Rosa at Rapid Rooter Plumbing.');
    await page.getByLabel('What the caller says').fill('Do you sponsor the little league baseball team?');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByTestId('agent-line').count()).toBe(2);
    expect(await page.getByRole('link', { name: 'The conversation record' }).getAttribute('href')).toMatch(new RegExp(`^/companies/${companyId}/calls/[0-9a-f-]{36}$`));
    await expectNoSeriousAxeViolations(page, 'agent-test-chat');
    await screenshot(page, 'agent-test-chat');

    await page.getByRole('tab', { name: 'Versions' }).click();
    const changes = page.getByRole('table', { name: 'Changes in version 2' });
    await changes.waitFor();
    expect(await changes.textContent()).toContain('Greeting during opening hours');
    await expectNoSeriousAxeViolations(page, 'agent-versions');
    await screenshot(page, 'agent-versions');

    // Someone else saves version 3 while this form still stands on version 2.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Agent name').fill('Rosie');
    const other = await page.request.put(`/api/companies/${companyId}/agent-settings`, { data: { settings: { agentName: 'Maria' }, expectedVersion: 2 } });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Someone else saved the agent settings while you were editing').waitFor();
    expect(await page.getByLabel('Agent name').inputValue()).toBe('Rosie');
    await page.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => page.getByLabel('Agent name').inputValue()).toBe('Maria');
    await page.getByLabel('Agent name').fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('is required').first().waitFor();

    await page.getByRole('tab', { name: 'Voice' }).click();
    await page.getByRole('button', { name: 'Hear the opening-hours greeting' }).click();
    await page.getByText("spoken by your browser's voice", { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page, 'agent-voice');
    await screenshot(page, 'agent-voice');
    await context.close();
  });

  it('turns an unanswered question into an entry that the ask panel then ranks first', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    // Ask the agent something it cannot answer, through the chat endpoint.
    const question = 'Is your owner related to the mayor?';
    const hello = await (await page.request.post(`/api/companies/${companyId}/agent/chat`, { data: {} })).json();
    const reply = await (await page.request.post(`/api/companies/${companyId}/agent/chat`, { data: { conversationId: hello.conversationId, text: question } })).json();
    expect(reply.say).toMatch(/don't have an answer/);

    timings['knowledge-unanswered'] = await timeToShow(page, `/companies/${companyId}/knowledge?tab=unanswered`, question);
    expect(await page.getByTestId('unanswered-question').filter({ hasText: question }).textContent()).toContain('Asked 1 time');
    await expectNoSeriousAxeViolations(page, 'knowledge-unanswered');
    await screenshot(page, 'knowledge-unanswered');
    await page.getByRole('button', { name: `Answer it: ${question}` }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Question').inputValue()).toBe(question);
    await dialog.getByLabel('Answer').fill('No, the owner is not related to the mayor; we are a family business.');
    await dialog.getByRole('button', { name: 'Save entry' }).click();
    // It leaves the list (the little-league question asked in the first test stays).
    await expect.poll(() => page.getByTestId('unanswered-question').filter({ hasText: question }).count()).toBe(0);
    await page.getByText('Do you sponsor the little league baseball team?').waitFor();

    await page.getByRole('tab', { name: 'Ask a question' }).click();
    await page.getByLabel('A caller asks').fill('is the owner related to the mayor');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.getByText('The agent would answer').waitFor();
    const first = page.getByTestId('search-hit').first();
    expect(await first.textContent()).toContain(question);
    expect(await first.textContent()).toContain('Yours');
    await expectNoSeriousAxeViolations(page, 'knowledge-ask');
    await screenshot(page, 'knowledge-ask');

    timings['knowledge-entries'] = await timeToShow(page, `/companies/${companyId}/knowledge`, question);
    await page.getByTestId('inherited-entry').first().waitFor();
    await expectNoSeriousAxeViolations(page, 'knowledge-entries');
    await screenshot(page, 'knowledge-entries');
    await context.close();
  });

  it('imports a CSV with one bad row: shows that row and writes nothing', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    await timeToShow(page, `/companies/${companyId}/knowledge?tab=import`, 'Download CSV');
    const csv = 'question,answer\nDo you clean gutters?,No; we are plumbers.\nDo you fix roofs?,\n';
    await page.locator('input[type=file]').setInputFiles({ name: 'entries.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bad = page.getByTestId('import-row-error');
    await bad.first().waitFor();
    expect(await bad.count()).toBe(1);
    expect(await bad.first().textContent()).toMatch(/^3answer/);
    await expectNoSeriousAxeViolations(page, 'knowledge-import-errors');
    await screenshot(page, 'knowledge-import-errors');
    const listed = await (await page.request.get(`/api/companies/${companyId}/knowledge?q=gutters`)).json();
    expect(listed.items).toEqual([]);
    await context.close();
  });

  it('shows a staff user no owner-only controls, and the API refuses their save', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, STAFF, 'staff-password-1');
    await timeToShow(page, `/companies/${companyId}/agent`, 'Only an owner can change these settings');
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await page.getByLabel('Agent name').isDisabled()).toBe(true);
    await screenshot(page, 'agent-as-staff');
    await page.getByRole('tab', { name: 'Voice' }).click();
    await page.getByText('Only an owner can change the voice.').waitFor();
    expect(await page.getByRole('button', { name: 'Save voice' }).count()).toBe(0);
    const put = await page.request.put(`/api/companies/${companyId}/agent-settings`, { data: { settings: { agentName: 'Staffer' } } });
    expect([put.status(), (await put.json()).error.code]).toEqual([403, 'FORBIDDEN']);

    await timeToShow(page, `/companies/${companyId}/knowledge?tab=import`, 'Download CSV');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await screenshot(page, 'knowledge-as-staff');
    await context.close();
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const context = await newContext(h, 375);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    for (const [path, ready, name] of [
      ['agent', 'Agent name', 'agent-phone'], ['agent?tab=test', 'Start a conversation', 'agent-test-phone'], ['agent?tab=history', 'Version 1', 'agent-versions-phone'],
      ['knowledge', 'From your trades', 'knowledge-phone'], ['knowledge?tab=import', 'Download CSV', 'knowledge-import-phone'],
    ] as const) {
      await timeToShow(page, `/companies/${companyId}/${path}`, ready);
      expect(await overflowsSideways(page), path).toBe(false);
      await screenshot(page, name);
    }
    await context.close();
  });
});
