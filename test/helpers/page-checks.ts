import type { Page } from 'playwright-core';
import type { TestApp } from './app.ts';
import { DEMO_PASSWORD } from './dashboard.ts';

type Doc = { document: { documentElement: { scrollWidth: number } }; innerWidth: number };

/** Whether the page scrolls sideways (runs in the page, whose DOM the tests' TypeScript does not know). */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth > (globalThis as unknown as Doc).innerWidth);

/** Opens a page and waits until `ready` shows; how long its data took to show, in ms (reported, never asserted). */
export async function timeToShow(page: Page, path: string, ready: string | RegExp): Promise<number> {
  const started = Date.now();
  await page.goto(path);
  // The first one shown: a page may also hold the text where it is hidden (a table header a
  // phone layout folds away).
  await page.getByText(ready).filter({ visible: true }).first().waitFor();
  return Date.now() - started;
}

/** The demo owner's company id, after adding a staff user to it through the API. */
export async function companyWithStaff(t: TestApp, owner: string, staff: { email: string; password: string }): Promise<string> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: owner, password: DEMO_PASSWORD } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const companyId: string = (await t.app.inject({ method: 'GET', url: '/api/companies', headers: { cookie } })).json().items[0].id;
  const created = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/users`, headers: { cookie }, payload: { ...staff, role: 'staff' } });
  if (created.statusCode !== 201) throw new Error(`staff user not created: ${created.body}`);
  return companyId;
}
