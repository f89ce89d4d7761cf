import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SimulatedCall } from '../../src/cli/call/simulated-call.ts';
import { type DashboardHarness, newContext, signIn } from './dashboard.ts';

/** Plays a whole call: the greeting, the caller's lines while the agent listens, the hang-up. */
export async function converse(call: SimulatedCall, lines: string[]): Promise<void> {
  await call.start();
  for (const line of lines) if (call.listening) await call.say(line);
  await call.hangUp();
}

type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Pages signed in as a person: each email signs in once through the sign-in page, then every
 * page gets a fresh browser profile holding that session.
 */
export function signedInPages(h: DashboardHarness) {
  const sessions = new Map<string, SignedIn>();
  return async (email: string, width = 1280): Promise<Page> => {
    if (!sessions.has(email)) {
      const context = await newContext(h);
      await signIn(await context.newPage(), email);
      sessions.set(email, await context.storageState());
      await context.close();
    }
    const context = await h.browser.newContext({ baseURL: h.baseUrl, viewport: { width, height: 900 }, timezoneId: 'America/New_York', storageState: sessions.get(email)! });
    return context.newPage();
  };
}

export async function expectNoSeriousAxeViolations(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * How long each page took from navigation start to its data on screen, written to
 * test-results/ for the report. Recorded, never asserted: speed goes to benchmarks, not tests.
 */
export function pageTimings(suite: string) {
  const timings: Record<string, number[]> = {};
  return {
    /** Waits until `selector` (the page's data) is in the page; records the ms since navigation began. */
    async dataShown(page: Page, name: string, selector: string): Promise<void> {
      // Runs in the page, whose DOM the test's TypeScript does not know (and whose CSP forbids eval of a string).
      const handle = await page.waitForFunction(
        (sel) => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(sel) && performance.now(),
        selector,
        { timeout: 15_000 },
      );
      (timings[name] ??= []).push(Math.round((await handle.jsonValue()) as number));
    },
    write(): void {
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/page-timings-${suite}.json`, `${JSON.stringify(timings, null, 2)}\n`);
    },
  };
}
