import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneCall } from '../helpers/calls.ts';
import { type DashboardHarness, RAPID_OWNER, screenshot, startDashboard } from '../helpers/dashboard.ts';
import { converse, expectNoSeriousAxeViolations, pageTimings, signedInPages } from '../helpers/dashboard-pages.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';

/**
 * The owner's calls in the browser against the real server and demo data: the overview, the
 * call log and a call's transcript, a call arriving while the log is open; on a phone's width;
 * with axe on every page.
 */
const RAPID_ROOTER = '+13125550142';
const ELEVEN_KEY = 'platform-eleven-key-0123456789';

let h: DashboardHarness;
let eleven: ElevenLabsStub;
let companyId: string;

const timings = pageTimings('calls');
const { dataShown } = timings;
const axe = expectNoSeriousAxeViolations;
let ownerPage: (width?: number) => Promise<Page>;

const api = async (page: Page, path: string) => {
  const res = await page.request.get(`/api/companies/${companyId}${path}`);
  expect(res.status()).toBe(200);
  return res.json();
};

beforeAll(async () => {
  eleven = await startElevenLabsStub({ apiKeys: [ELEVEN_KEY] });
  h = await startDashboard({ env: { ELEVENLABS_BASE_URL: eleven.url, ELEVENLABS_API_KEY: ELEVEN_KEY, SPEECH_BUDGET_MS: '3000' } });
  companyId = (await h.t.app.ctx.services.phoneNumbers.lookup(RAPID_ROOTER))!.companyId;
  // The demo has no calls: two come in through the real phone path before anyone signs in.
  await converse(phoneCall(h.t.app, h.t.config, RAPID_ROOTER, '+13125550144'), ['I smell gas in my basement']);
  await converse(phoneCall(h.t.app, h.t.config, RAPID_ROOTER, '+13125550133'), ['do you sell gift cards for the holidays', 'yes please', 'Morgan Lee', 'yes', 'please call me back about gift cards']);
  const pages = signedInPages(h);
  ownerPage = (width) => pages(RAPID_OWNER, width);
}, 60_000);
afterAll(async () => {
  timings.write();
  await h?.close();
  await eleven?.close();
});

describe('calls in the dashboard', () => {
  it("shows the overview's figures as the API counts them, each opening its list", async () => {
    const page = await ownerPage();
    await page.goto(`/companies/${companyId}/overview`);
    await dataShown(page, 'overview', '[data-testid="figure-Messages waiting"]');
    const overview = await api(page, '/overview');
    const today = page.getByRole('region', { name: 'Today' });
    const figure = (within: Locator, label: string) => within.getByTestId(`figure-${label}`).textContent();
    expect(overview.today.calls).toBeGreaterThanOrEqual(2);
    await expect.poll(() => figure(today, 'Calls')).toBe(String(overview.today.calls));
    expect(await figure(today, 'Emergencies')).toBe(String(overview.today.emergencies));
    expect(await figure(today, 'Message taken')).toBe(String(overview.today.outcomes.message));
    expect(await figure(page.getByRole('region', { name: 'This week' }), 'Calls')).toBe(String(overview.week.calls));
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    expect(await figure(waiting, 'Messages waiting')).toBe(String(overview.messagesWaiting));
    expect(await figure(waiting, 'Unanswered questions')).toBe(String(overview.unansweredQuestions));
    expect(await waiting.getByRole('link', { name: /Unanswered questions/ }).getAttribute('href')).toBe(`/companies/${companyId}/knowledge?tab=unanswered`);
    expect(await waiting.getByRole('link', { name: /Messages waiting/ }).getAttribute('href')).toBe(`/companies/${companyId}/messages?status=new`);
    await axe(page, 'overview');
    await screenshot(page, 'overview');

    await today.getByRole('link', { name: /Emergencies/ }).click();
    await page.waitForURL(/\/calls\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('emergency')).toBe('true');
    expect(url.searchParams.get('from')).toBe(url.searchParams.get('to'));
    await expect.poll(() => page.getByRole('row').count()).toBe(overview.today.emergencies + 1);
    await page.context().close();
  });

  it("opens a call's transcript turn by turn, with the agent's clips, and the contact linked", async () => {
    const page = await ownerPage();
    await page.goto(`/companies/${companyId}/calls`);
    await dataShown(page, 'calls', 'table tbody tr');
    await axe(page, 'calls');
    await screenshot(page, 'calls');
    const { items } = await api(page, '/calls?caller=0144');
    const gas = await api(page, `/calls/${items[0].id}`);
    await page.goto(`/companies/${companyId}/calls/${gas.id}`);
    await dataShown(page, 'call', 'ol[aria-label="Transcript"] li');
    const transcript = page.getByRole('list', { name: 'Transcript' });
    await expect.poll(() => transcript.getByText('I smell gas in my basement').isVisible()).toBe(true);
    expect(await transcript.locator(':scope > li').count()).toBe(gas.transcript.length);
    const clips = gas.transcript.flatMap((t: { clips: string[] }) => t.clips);
    expect(clips.length).toBeGreaterThan(0);
    expect(await page.locator('audio[controls]').count()).toBe(clips.length);
    expect((await page.request.get(clips[0])).headers()['content-type']).toBe('audio/mpeg');
    const transfer = gas.transcript.find((t: { transferTo: string | null }) => t.transferTo);
    if (transfer) expect(await page.getByText('Transferred to').first().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Open contact' }).click();
    await page.waitForURL(new RegExp(`/contacts/${gas.contactId}$`));
    await axe(page, 'contact');
    await page.goBack();
    await page.waitForSelector('ol[aria-label="Transcript"] li');
    await axe(page, 'call');
    await screenshot(page, 'call');
    await page.context().close();
  });

  it('shows a new call in the log without a reload', async () => {
    const page = await ownerPage();
    await page.goto(`/companies/${companyId}/calls`);
    await page.waitForSelector('table tbody tr');
    await page.evaluate('window.stayed = true');
    await converse(phoneCall(h.t.app, h.t.config, RAPID_ROOTER, '+17735550999'), ['what are your hours']);
    await expect.poll(() => page.getByRole('cell', { name: '(773) 555-0999' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate('window.stayed')).toBe(true);
    await page.context().close();
  });

  it('fits the calls page and a call page on a 375 px phone', async () => {
    const page = await ownerPage(375);
    await page.goto(`/companies/${companyId}/calls`);
    await page.waitForSelector('ul[aria-label="Calls"] li');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshot(page, 'calls-375');
    await page.getByRole('list', { name: 'Calls' }).getByRole('link').first().click();
    await page.waitForSelector('ol[aria-label="Transcript"] li');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshot(page, 'call-375');
    await axe(page, 'call at 375 px');
    await page.context().close();
  });
});
