import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type DashboardHarness, RAPID_OWNER, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';
import { clock, dayName, daysWithSlots, expectNoSeriousAxeViolations, ownerApi, pick, timeToData, timeToDataAfterClick, zonedContext } from './booking-fixtures.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const STAFF = { email: 'staff@rapidrooter.example', password: 'staff-password-1' };

describe('booking setup', () => {
  let h: DashboardHarness;
  let rapid: Awaited<ReturnType<typeof ownerApi>>;
  let context: BrowserContext;
  let page: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    h = await startDashboard();
    rapid = await ownerApi(h.t.app, RAPID_OWNER, DEMO_PASSWORD);
    context = await zonedContext(h);
    page = await context.newPage();
    await signIn(page, RAPID_OWNER);
  });
  afterAll(async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/booking-setup-timings.json', `${JSON.stringify(timings, null, 2)}\n`);
    await context?.close();
    await h?.close();
  });

  it('changes one day\'s hours and the availability preview follows', async () => {
    const serviceId = await rapid.serviceId('Drain cleaning');
    const area = (await rapid.call('GET', `${rapid.base}/booking-settings`)).serviceArea as string[];
    const slots = await rapid.slots(serviceId, area[0]!);
    // A day ahead whose afternoon is open: its weekday closes at noon from now on.
    const day = daysWithSlots(slots).slice(1).find((d) => slots.some((s) => s.localDate === d && s.localStartTime === '14:00'))!;
    const weekday = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;
    const Weekday = weekday[0]!.toUpperCase() + weekday.slice(1);

    timings.bookingSetup = await timeToData(page, `/companies/${rapid.companyId}/booking-setup`, () => page.getByRole('textbox', { name: `${Weekday} closes` }).waitFor());
    await page.getByRole('listitem').first().waitFor();
    await pick(page, new RegExp(`^${dayName(day)} \\(`));
    const preview = page.getByRole('list', { name: 'Open times' });
    await expect.poll(() => preview.getByText(clock('14:00'), { exact: true }).count()).toBe(1);
    await screenshot(page, 'booking-setup');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('textbox', { name: `${Weekday} closes` }).fill('12:00');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await page.getByText('Booking rules saved').waitFor();
    const saved = await rapid.call('GET', `${rapid.base}/booking-settings`);
    expect(saved.weeklyHours[weekday]).toEqual([{ start: '07:00', end: '12:00' }]);
    // The preview asks again: nothing after noon on that day any more.
    await expect.poll(() => preview.getByText(clock('14:00'), { exact: true }).count()).toBe(0);
    await expect.poll(() => preview.getByText(clock('09:00'), { exact: true }).count()).toBe(1);
  });

  it('adds a zip to the service area by pasting it into the list', async () => {
    await page.getByRole('tab', { name: 'Service area' }).click();
    const box = page.getByRole('textbox', { name: /^Service area zip codes/ });
    await box.fill(`${await box.inputValue()}, 60615`);
    await page.getByRole('button', { name: 'Save service area' }).click();
    await page.getByText('Booking rules saved').first().waitFor();
    await expect.poll(async () => (await rapid.call('GET', `${rapid.base}/booking-settings`)).serviceArea).toContain('60615');
    await screenshot(page, 'booking-setup-area');
  });

  it('changes a service\'s price and buffers in its form', async () => {
    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Change Leak repair' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Leak repair' });
    await dialog.getByRole('textbox', { name: 'Price (read to callers)' }).fill('$199 to $399');
    await dialog.getByRole('textbox', { name: 'Buffer after (minutes)' }).fill('30');
    await screenshot(page, 'booking-setup-service');
    await dialog.getByRole('button', { name: 'Save service' }).click();
    await page.getByText('Service saved').waitFor();
    const leak = (await rapid.call('GET', `${rapid.base}/services`)).items.find((s: { name: string }) => s.name === 'Leak repair');
    expect(leak).toMatchObject({ priceText: '$199 to $399', bufferAfterMinutes: 30, durationMinutes: 90 });
  });

  it('gives a technician more zips and time off, entered in company time', async () => {
    await page.getByRole('tab', { name: 'Technicians' }).click();
    await page.getByRole('button', { name: 'Change Sarah Chen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Sarah Chen' });
    const zips = dialog.getByRole('textbox', { name: /^Zip codes covered/ });
    await zips.fill(`${await zips.inputValue()}\n60615`);
    await dialog.getByRole('button', { name: 'Add time off' }).click();
    // The browser is in Tokyo; 8:00 AM here is Chicago's 8:00 AM (CST, UTC-6).
    await dialog.getByLabel('Time off 1 from').fill('2026-12-21T08:00');
    await dialog.getByLabel('Time off 1 until').fill('2026-12-21T17:00');
    await dialog.getByLabel('Time off 1 reason').fill('Dentist');
    await screenshot(page, 'booking-setup-technician');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Save technician' }).click();
    await page.getByText('Technician saved').waitFor();
    const sarah = (await rapid.call('GET', `${rapid.base}/technicians`)).items.find((t: { name: string }) => t.name === 'Sarah Chen');
    expect(sarah.zips).toContain('60615');
    expect(sarah.timeOff).toHaveLength(1);
    expect(Date.parse(sarah.timeOff[0].start)).toBe(Date.parse('2026-12-21T14:00:00Z'));
    expect(Date.parse(sarah.timeOff[0].end)).toBe(Date.parse('2026-12-21T23:00:00Z'));
    expect(sarah.timeOff[0].reason).toBe('Dentist');
  });

  it('shows dates, windows and on-call, and the rules, each without accessibility faults', async () => {
    for (const [tab, shot] of [['Dates and holidays', 'dates'], ['Windows and on-call', 'windows'], ['Rules', 'rules']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByRole('button', { name: /^Save/ }).waitFor();
      await screenshot(page, `booking-setup-${shot}`);
    }
    await page.getByRole('tab', { name: 'Windows and on-call' }).click();
    expect(await page.getByRole('textbox', { name: /Surcharge note/ }).inputValue()).toContain('$150 surcharge');
    await expectNoSeriousAxeViolations(page);
  });

  it('lets staff read the setup with no control that changes it', async () => {
    await h.t.app.ctx.services.users.ensureCompanyUser(rapid.companyId, { ...STAFF, name: 'Front desk', role: 'staff' });
    const staffContext = await zonedContext(h);
    const staff = await staffContext.newPage();
    await signIn(staff, STAFF.email, STAFF.password);
    await staff.goto(`/companies/${rapid.companyId}/schedule`);
    await staff.getByRole('heading', { name: 'Schedule' }).waitFor();
    expect(await staff.getByRole('link', { name: 'Booking setup' }).count()).toBe(0);
    await staff.goto(`/companies/${rapid.companyId}/booking-setup`);
    await staff.getByText('Only an owner of the company can change the booking setup.').waitFor();
    expect(await staff.getByRole('textbox', { name: 'Monday closes' }).isEditable()).toBe(false);
    const changing = /^(Save|Add|Remove|Change|Undo)/;
    expect(await staff.getByRole('button', { name: changing }).count()).toBe(0);
    await staff.getByRole('tab', { name: 'Services' }).click();
    await staff.getByRole('cell', { name: /Leak repair/ }).waitFor();
    expect(await staff.getByRole('button', { name: changing }).count()).toBe(0);
    await staff.getByRole('tab', { name: 'Technicians' }).click();
    await staff.getByRole('cell', { name: /Mike Kowalski/ }).waitFor();
    expect(await staff.getByRole('button', { name: changing }).count()).toBe(0);
    await screenshot(staff, 'booking-setup-staff');
    await staff.getByRole('link', { name: 'Schedule' }).click();
    await staff.getByRole('heading', { name: 'Schedule' }).waitFor();
    timings.bookingSetupInApp = await timeToDataAfterClick(async () => { await staff.goBack(); }, () => staff.getByRole('textbox', { name: 'Monday closes' }).waitFor());
    await expectNoSeriousAxeViolations(staff);
    // And the API refuses them anyway.
    const login = await h.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: STAFF });
    const cookie = `cv_session=${login.cookies.find((c) => c.name === 'cv_session')!.value}`;
    const put = await h.t.app.inject({ method: 'PUT', url: `${rapid.base}/booking-settings`, headers: { cookie }, payload: { serviceArea: ['60601'] } });
    expect(put.statusCode).toBe(403);
    await staffContext.close();
  });
});
