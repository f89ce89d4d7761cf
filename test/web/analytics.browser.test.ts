import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneCall } from '../helpers/calls.ts';
import { type DashboardHarness, RAPID_OWNER, screenshot, startDashboard } from '../helpers/dashboard.ts';
import { converse, expectNoSeriousAxeViolations, pageTimings, signedInPages } from '../helpers/dashboard-pages.ts';

/**
 * The Analytics page on demo data against the real server: the figures are the API's for the
 * range picked (company-local dates), the heat map and the question lists are there, axe is
 * clean, at 1280 px and on a 375 px phone.
 */
const RAPID_ROOTER = '+13125550142';

let h: DashboardHarness;
let companyId: string;
let ownerPage: (width?: number) => Promise<Page>;
const timings = pageTimings('analytics');

beforeAll(async () => {
  h = await startDashboard();
  companyId = (await h.t.app.ctx.services.phoneNumbers.lookup(RAPID_ROOTER))!.companyId;
  // The demo has no calls: an emergency and an unanswered question come in through the phone path.
  await converse(phoneCall(h.t.app, h.t.config, RAPID_ROOTER, '+13125550144'), ['I smell gas in my basement']);
  await converse(phoneCall(h.t.app, h.t.config, RAPID_ROOTER, '+13125550133'), ['do you sell gift cards for the holidays', 'no']);
  const pages = signedInPages(h);
  ownerPage = (width) => pages(RAPID_OWNER, width);
}, 60_000);
afterAll(async () => {
  timings.write();
  await h?.close();
});

const figure = (page: Page, label: string) => page.getByTestId(`figure-${label}`).textContent();

describe('the Analytics page', () => {
  it("shows the API's figures for the last 7 days and for this week, with the heat map and the knowledge gaps", async () => {
    const page = await ownerPage();
    await page.goto(`/companies/${companyId}/analytics`);
    await timings.dataShown(page, 'analytics', '[data-testid="figure-Calls"]');
    const today = DateTime.now().setZone('America/Chicago');
    const get = async (from: DateTime) => {
      const res = await page.request.get(`/api/companies/${companyId}/analytics?from=${from.toISODate()}&to=${today.toISODate()}`);
      expect(res.status()).toBe(200);
      return res.json();
    };
    const week = await get(today.minus({ days: 6 }));
    expect(week.current.calls).toBe(2);
    expect(await figure(page, 'Calls')).toBe(String(week.current.calls));
    expect(await figure(page, 'Leads')).toBe(String(week.current.leads));
    expect(await figure(page, 'Emergencies')).toBe(String(week.current.emergencies.total));
    expect(await figure(page, 'Bookings')).toBe(String(week.current.bookings.booked));
    expect(await figure(page, 'Messages')).toBe(String(week.current.messages));
    const heat = page.getByRole('table', { name: 'Calls by weekday and hour' });
    expect(await heat.getByRole('row').count()).toBe(8);
    const gaps = page.getByRole('region', { name: 'Knowledge gaps' });
    expect(week.current.knowledgeGaps.length).toBeGreaterThan(0);
    expect(await gaps.getByRole('listitem').first().textContent()).toContain(week.current.knowledgeGaps[0].question);
    expect(await gaps.getByRole('link').getAttribute('href')).toBe(`/companies/${companyId}/knowledge?tab=unanswered`);
    await expectNoSeriousAxeViolations(page, 'analytics');
    await screenshot(page, 'analytics');

    await page.getByText('This week', { exact: true }).click();
    const monday = today.startOf('week');
    const thisWeek = await get(monday);
    await expect.poll(() => page.getByTestId('analytics-range').textContent()).toContain(monday.toFormat('LLL d'));
    expect(await figure(page, 'Calls')).toBe(String(thisWeek.current.calls));
    await page.context().close();
  }, 90_000);

  it('fits a 375 px phone', async () => {
    const page = await ownerPage(375);
    await page.goto(`/companies/${companyId}/analytics`);
    await page.waitForSelector('[data-testid="figure-Calls"]');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectNoSeriousAxeViolations(page, 'analytics at 375 px');
    await screenshot(page, 'analytics-375');
    await page.context().close();
  }, 90_000);
});
