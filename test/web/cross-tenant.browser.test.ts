import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/factories.ts';
import { DEMO_PASSWORD, type DashboardHarness, newContext, POLAR_OWNER, RAPID_OWNER, signIn, startDashboard } from '../helpers/dashboard.ts';

// The router's own page lists (read as text: they import the pages, which only the browser runs).
const pagePaths = (file: string): string[] =>
  [...readFileSync(new URL(`../../web/src/app/${file}`, import.meta.url), 'utf8').matchAll(/\{ path: '([^']+)'/g)].map((m) => m[1]!);
const companyPages = pagePaths('company-pages.ts').map((path) => ({ path }));
const adminPages = pagePaths('admin-pages.ts').map((path) => ({ path }));

// Which list names the ids a page path takes; any other id is a fresh uuid (nothing at all).
const LISTS: Record<string, string> = { callId: 'calls', bookingId: 'bookings', contactId: 'contacts' };

/**
 * Every dashboard page, opened by another company's owner with the first company's ids in the
 * URL, shows the not-found page and none of that company's data. The pages are read from the
 * router's own list, so a new page is walked without anyone adding it here.
 */
describe('another company in the dashboard', () => {
  let h: DashboardHarness;
  let rapidId: string;
  const rapidIds: Record<string, string> = {};
  beforeAll(async () => {
    h = await startDashboard();
    const rapid = await login(h.t.app, RAPID_OWNER, DEMO_PASSWORD);
    const me = (await h.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: rapid.headers })).json();
    rapidId = me.companyId;
    // A conversation, so Rapid has a call to point at.
    await h.t.app.inject({ method: 'POST', url: `/api/companies/${rapidId}/agent/chat`, headers: rapid.headers, payload: {} });
    for (const [param, list] of Object.entries(LISTS)) {
      const res = await h.t.app.inject({ method: 'GET', url: `/api/companies/${rapidId}/${list}?limit=1`, headers: rapid.headers });
      const first = res.statusCode === 200 ? (res.json().items?.[0] as { id?: string } | undefined) : undefined;
      if (first?.id) rapidIds[param] = first.id;
    }
  });
  afterAll(async () => { await h?.close(); });

  const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => rapidIds[name] ?? randomUUID());

  it('shows the not-found page on every company page with the other company\'s ids, and no Rapid Rooter data', async () => {
    expect(companyPages.length).toBeGreaterThan(0);
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, POLAR_OWNER);
    const urls = [
      ...companyPages.map((p) => `/companies/${rapidId}/${fill(p.path)}`),
      // Its own company's URL, with Rapid's record ids.
      ...companyPages.filter((p) => p.path.includes(':')).map((p) => `${new URL(page.url()).pathname.split('/').slice(0, 3).join('/')}/${fill(p.path)}`),
      ...adminPages.map((p) => `/admin/${p.path}`),
    ];
    for (const url of urls) {
      await page.goto(url);
      await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible(), { message: url }).toBe(true);
      const text = await page.locator('body').innerText();
      expect(text, url).not.toContain('Rapid Rooter');
    }
    await context.close();
  });
});
