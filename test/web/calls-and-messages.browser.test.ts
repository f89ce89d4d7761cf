import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import type { SimulatedCall } from '../../src/cli/call/simulated-call.ts';
import { phoneCall } from '../helpers/calls.ts';
import { type DashboardHarness, newContext, RAPID_OWNER, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';
import { recordTiming, writeTimings } from '../helpers/page-timing.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';

/**
 * The owner's working day in the browser against the real server and demo data: the overview,
 * the call log and a call's transcript, a call arriving while the log is open, messages,
 * contacts; on a phone's width; with axe on every page.
 */
const RAPID_ROOTER = '+13125550142';
const ELEVEN_KEY = 'platform-eleven-key-0123456789';

let h: DashboardHarness;
let eleven: ElevenLabsStub;
let companyId: string;

async function converse(call: SimulatedCall, lines: string[]) {
  await call.start();
  for (const line of lines) if (call.listening) await call.say(line);
  await call.hangUp();
}

/** Waits for a page's data and returns the ms from navigation start to that moment. */
async function dataShown(page: Page, name: string, selector: string): Promise<void> {
  // Runs in the page, whose DOM the test's TypeScript does not know (and whose CSP forbids eval of a string).
  const handle = await page.waitForFunction(
    (sel) => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(sel) && performance.now(),
    selector,
    { timeout: 15_000 },
  );
  recordTiming(name, Math.round((await handle.jsonValue()) as number));
}

async function axe(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;
/** A fresh browser profile already signed in as the owner (signed in once, through the page). */
const ownerPage = async (width = 1280) => (await h.browser.newContext({ baseURL: h.baseUrl, viewport: { width, height: 900 }, timezoneId: 'America/New_York', storageState: signedIn })).newPage();

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
  const first = await newContext(h);
  const signInPage = await first.newPage();
  await signIn(signInPage, RAPID_OWNER);
  signedIn = await first.storageState();
  await first.close();
  await h.t.app.ctx.services.messages.create(SYSTEM_ACTOR, companyId, { callId: null, callerName: 'Priya Shah', callbackNumber: '+13125550166', body: 'Water heater is leaking, please call.', urgent: true, sourceKey: null });
}, 60_000);
afterAll(async () => {
  writeTimings('calls-and-messages');
  await h?.close();
  await eleven?.close();
});

describe('calls and messages in the dashboard', () => {
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

  it('marks a message handled, and calls back from it', async () => {
    const page = await ownerPage();
    await page.goto(`/companies/${companyId}/messages`);
    await dataShown(page, 'messages', 'li[aria-label^="Message from"]');
    const card = page.getByRole('listitem', { name: 'Message from Priya Shah' });
    expect(await card.getByRole('link', { name: /^Call back/ }).getAttribute('href')).toBe('tel:+13125550166');
    await axe(page, 'messages');
    await screenshot(page, 'messages');
    await card.getByRole('button', { name: 'Mark handled' }).click();
    await expect.poll(() => page.getByText('Message from Priya Shah marked handled.').isVisible()).toBe(true);
    await expect.poll(() => card.count()).toBe(0);
    const handled = (await api(page, '/messages?status=handled')).items as { callerName: string }[];
    expect(handled.map((m) => m.callerName)).toContain('Priya Shah');
    await page.locator('.mantine-SegmentedControl-root').getByText('Handled', { exact: true }).click();
    await page.waitForURL(/status=handled/);
    await expect.poll(() => page.getByRole('listitem', { name: 'Message from Priya Shah' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('finds a contact by name or number and edits it, with the API’s field errors shown', async () => {
    const page = await ownerPage();
    await page.goto(`/companies/${companyId}/contacts`);
    await dataShown(page, 'contacts', 'ul[aria-label="Contacts"] li');
    await axe(page, 'contacts');
    await screenshot(page, 'contacts');
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('555-0107');
    await page.waitForURL(/q=555-0107/);
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('cart');
    await page.waitForURL(/q=cart/);
    await page.getByRole('link', { name: 'James Carter' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    const contactId = page.url().split('/').at(-1)!;
    await page.goto(`/companies/${companyId}/contacts/${contactId}`);
    await dataShown(page, 'contact', 'form[aria-label="Edit contact"]');

    const phones = page.getByRole('textbox', { name: 'Phone numbers' });
    await phones.fill('(312) 555-0107, call me');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not a valid phone number');
    expect(await phones.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => page.getByText('Not an email address.').isVisible()).toBe(true);

    await phones.fill('(312) 555-0107');
    await page.getByRole('textbox', { name: 'Email' }).fill('james.carter@example.com');
    await page.getByRole('textbox', { name: 'Address' }).fill('1500 N Dearborn St');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => page.getByText('James Carter saved.').isVisible()).toBe(true);
    expect(await api(page, `/contacts/${contactId}`)).toMatchObject({ address: '1500 N Dearborn St', email: 'james.carter@example.com', phones: ['+13125550107'] });
    await screenshot(page, 'contact');
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
