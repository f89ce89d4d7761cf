import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from '../../src/app.ts';
import { login, type Session } from '../helpers/factories.ts';
import type { DashboardHarness } from '../helpers/dashboard.ts';

// The browser runs far from the company (Tokyo vs Chicago): every time on the page must still
// be the company's own.
export const BROWSER_ZONE = 'Asia/Tokyo';

export interface ApiSlot { start: string; localDate: string; localStartTime: string; technicianIds: string[]; arrivalWindow?: { start: string; end: string } }
export interface ApiBooking { id: string; status: string; start: string; localDate: string; localStartTime: string; serviceName: string; customerName: string; technicianName: string }

export async function zonedContext(h: DashboardHarness | { browser: Browser; baseUrl: string }, width = 1280): Promise<BrowserContext> {
  return h.browser.newContext({ baseURL: h.baseUrl, viewport: { width, height: 900 }, timezoneId: BROWSER_ZONE });
}

/** The owner's API session and what the schedule tests book against. */
export async function ownerApi(app: App, email: string, password: string) {
  const session: Session = await login(app, email, password);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const me = await call('GET', '/api/auth/me');
  const companyId = me.companyId as string;
  const base = `/api/companies/${companyId}`;
  return {
    companyId,
    base,
    call,
    serviceId: async (name: string) => ((await call('GET', `${base}/services`)).items as { id: string; name: string }[]).find((s) => s.name === name)!.id,
    slots: async (serviceId: string, zip: string): Promise<ApiSlot[]> => (await call('GET', `${base}/availability?serviceId=${serviceId}&zip=${zip}`)).slots,
    book: (body: object): Promise<ApiBooking> => call('POST', `${base}/bookings`, body),
    booking: (id: string): Promise<ApiBooking> => call('GET', `${base}/bookings/${id}`),
  };
}

/** Days (company-local) that have open times, in order. */
export const daysWithSlots = (slots: ApiSlot[]) => [...new Set(slots.map((s) => s.localDate))];

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

/** '14:30' → '2:30 PM', as the dashboard writes wall times. */
export function clock(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${h % 12 || 12}:${m.toString().padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** 'Thu, Dec 3' for a local date. */
export const dayName = (date: string) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

/** Milliseconds from navigation until a locator shows (the page's data on screen). */
export async function timeToData(page: Page, url: string, visible: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await visible();
  return Date.now() - started;
}

/** Picks a Mantine chip or segment as a person does: by clicking its label (the radio itself is hidden). */
export async function pick(page: Page, name: string | RegExp, exact = true): Promise<void> {
  const radio = page.getByRole('radio', { name, exact });
  const id = await radio.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** Milliseconds from a click inside the app (no page load) until its data shows. */
export async function timeToDataAfterClick(click: () => Promise<void>, visible: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await click();
  await visible();
  return Date.now() - started;
}
