import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCall } from '../helpers/call-records.ts';
import { type DashboardHarness, RAPID_OWNER, screenshot, startDashboard } from '../helpers/dashboard.ts';
import { expectNoSeriousAxeViolations, pageTimings, signedInPages } from '../helpers/dashboard-pages.ts';

/**
 * Unbooked leads, the CSV downloads and the daily digest in the browser against the real server
 * and demo data: a lead is a click from its transcript, "Followed up" moves at once and rolls
 * back (said in words) when the change does not reach the server.
 */
let h: DashboardHarness;
let companyId: string;
let pageAs: ReturnType<typeof signedInPages>;
const timings = pageTimings('leads');
const { dataShown } = timings;
const axe = expectNoSeriousAxeViolations;
const lead: Record<string, string> = {};

beforeAll(async () => {
  h = await startDashboard();
  companyId = (await h.t.app.ctx.services.phoneNumbers.lookup('+13125550142'))!.companyId;
  const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000);
  lead.riley = await recordCall(h.t.app, companyId, { at: hoursAgo(3), from: '+13125550161', facts: { name: 'Riley Stone', problem: 'the basement floor drain backs up' }, intents: ['book.name', 'book.zip'] });
  lead.quinn = await recordCall(h.t.app, companyId, { at: hoursAgo(5), from: '+13125550162', outcome: 'emergency', facts: { name: 'Quinn Avery', emergency: true }, intents: ['emergency.flooding'] });
  pageAs = signedInPages(h);
}, 60_000);
afterAll(async () => {
  timings.write();
  await h?.close();
});

describe('leads in the dashboard', () => {
  it('lists unbooked leads, a click from the transcript, and marks one followed up', async () => {
    const page = await pageAs(RAPID_OWNER);
    await page.goto(`/companies/${companyId}/leads`);
    await dataShown(page, 'leads', 'ul[aria-label="Unbooked leads"] li');
    const riley = page.getByRole('listitem').filter({ hasText: 'Riley Stone' });
    expect(await riley.getByText('the basement floor drain backs up').isVisible()).toBe(true);
    expect(await page.getByRole('listitem').filter({ hasText: 'Quinn Avery' }).getByText('Emergency', { exact: true }).isVisible()).toBe(true);
    await axe(page, 'leads');
    await screenshot(page, 'leads');

    await riley.getByRole('link', { name: 'Transcript' }).click();
    await page.waitForURL(new RegExp(`/calls/${lead.riley}$`));
    await page.goBack();

    await page.getByRole('switch', { name: 'Followed up: Riley Stone' }).click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Riley Stone' }).count()).toBe(0);
    const marked = await page.request.get(`/api/companies/${companyId}/leads/unbooked?includeFollowedUp=true`);
    const items = (await marked.json()).items as { callId: string; followedUp: { by: string } | null }[];
    expect(items.find((l) => l.callId === lead.riley)?.followedUp?.by).toBe(RAPID_OWNER);

    await page.getByRole('checkbox', { name: 'Show followed-up leads too' }).click();
    await page.waitForURL(/all=1/);
    await expect.poll(() => page.getByRole('switch', { name: 'Followed up: Riley Stone' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it('puts the switch back and says why when the change does not reach the server', async () => {
    const page = await pageAs(RAPID_OWNER);
    await page.goto(`/companies/${companyId}/leads`);
    const quinn = page.getByRole('switch', { name: 'Followed up: Quinn Avery' });
    await quinn.waitFor();
    await page.route('**/follow-up', (route) => route.abort('internetdisconnected'));
    await quinn.click();
    await expect.poll(() => page.getByText('Could not change "followed up"; it is back as it was').isVisible()).toBe(true);
    await expect.poll(() => quinn.isChecked()).toBe(false);
    await screenshot(page, 'leads-refused');
    await page.context().close();
  });

  it('downloads the calls of a range as CSV from the Calls page', async () => {
    const page = await pageAs(RAPID_OWNER);
    await page.goto(`/companies/${companyId}/calls`);
    const link = page.getByRole('link', { name: 'Download CSV' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/api/companies/${companyId}/calls/export\\.csv\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}$`));
    const res = await page.request.get(href);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toContain(lead.riley);
    await axe(page, 'calls-with-download');
    await page.goto(`/companies/${companyId}/schedule`);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toMatch(/\/bookings\/export\.csv\?/);
    await page.context().close();
  });

  it('turns on the daily digest by email on the Account page', async () => {
    const page = await pageAs(RAPID_OWNER);
    await page.goto('/account');
    await page.getByRole('checkbox', { name: `By email to ${RAPID_OWNER}` }).check();
    await page.getByRole('button', { name: 'Save digest' }).click();
    await expect.poll(() => page.getByText('Daily digest saved.').isVisible()).toBe(true);
    await axe(page, 'account-digest');
    await screenshot(page, 'account-digest');
    const saved = await page.request.get(`/api/companies/${companyId}/digest-subscription`);
    expect(await saved.json()).toMatchObject({ email: true, sms: false });
    await page.context().close();
  });
});
