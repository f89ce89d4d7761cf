import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { type DashboardHarness, DEMO_PASSWORD, POLAR_OWNER, RAPID_OWNER, screenshot, startDashboard } from '../helpers/dashboard.ts';
import { expectNoSeriousAxeViolations, pageTimings, signedInPages } from '../helpers/dashboard-pages.ts';

/**
 * Messages and contacts in the browser against the real server and demo data: the owner marks
 * a message handled and edits a contact; staff do the same work; a refused change is rolled
 * back and said in words; another company's ids are the not-found page.
 */
const RAPID_STAFF = 'staff@rapidrooter.example';

let h: DashboardHarness;
let companyId: string;
let polarId: string;
let pageAs: ReturnType<typeof signedInPages>;
const timings = pageTimings('messages-and-contacts');
const { dataShown } = timings;
const axe = expectNoSeriousAxeViolations;
const ownerPage = (width?: number) => pageAs(RAPID_OWNER, width);

const api = async (page: Page, path: string) => {
  const res = await page.request.get(`/api/companies/${companyId}${path}`);
  expect(res.status()).toBe(200);
  return res.json();
};
const message = (company: string, callerName: string, body: string, urgent = false) =>
  h.t.app.ctx.services.messages.create(SYSTEM_ACTOR, company, { callId: null, callerName, callbackNumber: '+13125550166', body, urgent, sourceKey: null });

beforeAll(async () => {
  h = await startDashboard();
  const services = h.t.app.ctx.services;
  companyId = (await services.phoneNumbers.lookup('+13125550142'))!.companyId;
  polarId = (await services.phoneNumbers.lookup('+13035550175'))!.companyId;
  await services.users.ensureCompanyUser(companyId, { email: RAPID_STAFF, name: 'Sam Staff', password: DEMO_PASSWORD, role: 'staff' });
  await message(companyId, 'Priya Shah', 'Water heater is leaking, please call.', true);
  await message(companyId, 'Morgan Lee', 'Please call me back about gift cards.');
  await message(polarId, 'Linda Brooks', 'Furnace tune-up, please call.');
  pageAs = signedInPages(h);
}, 60_000);
afterAll(async () => {
  timings.write();
  await h?.close();
});

describe('messages and contacts in the dashboard', () => {
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

  it('lets staff mark a message handled too', async () => {
    const page = await pageAs(RAPID_STAFF);
    await page.goto(`/companies/${companyId}/messages`);
    const card = page.getByRole('listitem', { name: 'Message from Morgan Lee' });
    await card.getByRole('button', { name: 'Mark handled' }).click();
    await expect.poll(() => page.getByText('Message from Morgan Lee marked handled.').isVisible()).toBe(true);
    const handled = (await api(page, '/messages?status=handled')).items as { callerName: string }[];
    expect(handled.map((m) => m.callerName)).toContain('Morgan Lee');
    await page.context().close();
  });

  it('puts a message back and says why when the change does not reach the server', async () => {
    const page = await pageAs(POLAR_OWNER);
    await page.goto(`/companies/${polarId}/messages`);
    const card = page.getByRole('listitem', { name: 'Message from Linda Brooks' });
    await card.waitFor();
    // The connection drops as the change is sent (the network, not our code, fails), and stays
    // down: the page cannot learn the truth by asking again, only by undoing its own guess.
    await page.route('**/api/companies/*/messages**', (route) => route.abort('internetdisconnected'));
    await card.getByRole('button', { name: 'Mark handled' }).click();
    await expect.poll(() => page.getByText('Could not update the message from Linda Brooks').isVisible()).toBe(true);
    await expect.poll(() => card.getByText('Waiting', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: 'Mark handled' }).isVisible()).toBe(true);
    await screenshot(page, 'messages-refused');
    await page.unrouteAll();
    const res = await page.request.get(`/api/companies/${polarId}/messages?status=new`);
    expect((await res.json()).items.map((m: { callerName: string }) => m.callerName)).toContain('Linda Brooks');
    await page.context().close();
  });

  it("shows the not-found page for another company's call or contact, and none of its data", async () => {
    const carter = (await h.t.app.ctx.services.contacts.list(companyId, { q: 'James Carter' }, { limit: 1, offset: 0 })).items[0]!;
    const { call } = await h.t.app.ctx.services.calls.begin(companyId, { callSid: 'CAcrossTenant', channel: 'phone', from: '+13125550107', to: '+13125550142', at: new Date() });
    const page = await pageAs(POLAR_OWNER);
    for (const path of [`calls/${call.id}`, `contacts/${carter.id}`, 'calls/not-an-id']) {
      await page.goto(`/companies/${polarId}/${path}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
      expect(await page.getByText('James Carter').count()).toBe(0);
      expect(await page.getByText('555-0107').count()).toBe(0);
    }
    await page.context().close();
  });
});
