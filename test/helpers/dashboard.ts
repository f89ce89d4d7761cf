import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDemoApp, type TestApp } from './app.ts';
import { launchBrowser } from './browser.ts';
import { freePort } from './free-port.ts';

export const DEMO_PASSWORD = 'demo-password';
export const RAPID_OWNER = 'owner@rapidrooter.example';
export const POLAR_OWNER = 'owner@polarair.example';

/** Screenshots of every page a browser suite visits, kept by CI as test artifacts. */
export const SCREENSHOT_DIR = 'test-results/screenshots';

export interface DashboardHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real server on a free loopback port (demo companies on a fresh database), serving the
 * built dashboard (test/global-setup.ts builds it), and a headless Chromium.
 */
export async function startDashboard(options: Parameters<typeof createDemoApp>[0] = {}): Promise<DashboardHarness> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createDemoApp({ ...options, env: { PUBLIC_URL: baseUrl, ...options.env } });
  await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    t,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A fresh browser profile (no cookies) at the given viewport width. */
export async function newContext(h: DashboardHarness, width = 1280): Promise<BrowserContext> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl, viewport: { width, height: 900 }, timezoneId: 'America/New_York' });
  // A step that cannot happen fails naming its locator, well inside the test's own timeout.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Signs in through the sign-in page as a person would, and waits for the first page after it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Sign-in goes to `/`, which sends a company user to its overview and the admin to companies.
  await page.waitForURL((url) => /^\/(companies\/[^/]+\/|admin\/)/.test(url.pathname));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
