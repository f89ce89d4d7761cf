import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { businessMorning } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';
import { freePort } from '../helpers/free-port.ts';

/**
 * The website widget as a company's visitor meets it: the app listens on one loopback port, the
 * company's "website" is a page served from another (another origin), with the one-line snippet
 * from the widget settings pasted in. Chromium loads the script across origins, opens the
 * bubble, asks a question, gets the agent's answer, sends a booking request and carries the
 * conversation to the site's next page. The same page on a site not in the list shows no reply:
 * the browser's request is refused.
 */
let t: TestApp;
let browser: Browser;
let companyId: string;
let owner: { cookie: string };
let snippet: string;
const sites: Server[] = [];

/** A tiny website with the snippet in it, on its own loopback port. */
async function startSite(): Promise<string> {
  const port = await freePort();
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapid Rooter Plumbing</title></head>
    <body><main><h1>Rapid Rooter Plumbing</h1><p>Chicago's drain experts.</p></main>${snippet}</body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  sites.push(server);
  return `http://127.0.0.1:${port}`;
}

const api = (method: 'GET' | 'PUT', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/companies/${companyId}${path}`, headers: owner, ...(payload ? { payload } : {}) });
const widgetConversations = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM calls WHERE company_id = ${companyId} AND channel = 'widget'`.execute(t.database.db)).rows[0]!.n;

// Inside the widget's shadow root (Playwright's locators pierce open shadow roots).
const bubble = (page: Page) => page.getByRole('button', { name: 'Chat with us' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Chat with us' });
const agentLines = (page: Page) => page.getByRole('log').locator('.agent');
/** The focused element inside the widget, by its accessible label or id (run in the page, which has the DOM). */
const focusedInWidget = (page: Page) => page.evaluate<string | null>(`(() => {
  const active = document.querySelector('[data-clientsvia-widget]')?.shadowRoot?.activeElement;
  return active ? (active.getAttribute('aria-label') ?? active.id) : null;
})()`);

/** A page in a fresh browser profile; a wait that fails names what it waited for, well inside the test's time. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** Types a line as a visitor does and waits for the agent's next answer. */
async function ask(page: Page, text: string): Promise<string> {
  const count = await agentLines(page).count();
  await page.getByLabel('Your message').fill(text);
  await page.keyboard.press('Enter');
  await agentLines(page).nth(count).waitFor();
  return agentLines(page).nth(count).innerText();
}

beforeAll(async () => {
  const port = await freePort();
  t = await createDemoApp({ clock: () => businessMorning('America/Chicago'), env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  await t.app.listen({ port, host: '127.0.0.1' });
  owner = (await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword)).headers;
  companyId = (await t.app.inject({ method: 'GET', url: '/api/companies', headers: owner })).json().items[0].id;
  snippet = (await api('GET', '/widget')).json().snippet;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(sites.map((s) => new Promise((ok) => s.close(ok))));
  await t?.close();
});

describe('the website widget embedded on a company site', () => {
  it('opens from the one-line snippet, answers a question and takes a booking request, by keyboard, and follows the visitor to the next page', async () => {
    const site = await startSite();
    expect((await api('PUT', '/widget', { allowedOrigins: [site] })).statusCode).toBe(200);
    const page = await newPage();
    await page.goto(site);

    await bubble(page).waitFor();
    expect(await bubble(page).getAttribute('aria-expanded')).toBe('false');
    await bubble(page).focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await bubble(page).getAttribute('aria-expanded')).toBe('true');
    expect(await focusedInWidget(page)).toBe('cv-input');
    await agentLines(page).first().waitFor();
    expect(await agentLines(page).first().innerText()).toMatch(/Rapid Rooter/);

    expect(await ask(page, 'Do you install tankless water heaters?')).toMatch(/Navien/);

    const lines = ['My kitchen sink is clogged and I need someone to come out and fix it.', 'Avery Browser', '312 555 0147', '1450 North Dearborn Street', '60610', 'tomorrow morning', 'the first one'];
    let last = '';
    for (const line of lines) last = await ask(page, line);
    expect(last).toMatch(/sent your request/);
    const booking = ((await api('GET', '/bookings?limit=200')).json().items as { customerName: string; status: string }[]).find((b) => b.customerName === 'Avery Browser');
    expect(booking?.status).toBe('held');

    const a11y = await new AxeBuilder({ page }).include('[data-clientsvia-widget]').analyze();
    expect(a11y.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
    expect(await focusedInWidget(page)).toBe('Chat with us');
    expect(await bubble(page).getAttribute('aria-expanded')).toBe('false');

    // The conversation follows the visitor to another page of the site.
    const conversations = await widgetConversations();
    await page.goto(`${site}/services`);
    await bubble(page).click();
    await dialog(page).waitFor();
    expect(await page.getByRole('log').innerText()).toContain('Avery Browser');
    expect(await ask(page, 'What payment methods do you accept?')).toMatch(/Visa/);
    expect(await widgetConversations()).toBe(conversations);
    await page.context().close();
  });

  it('shows no reply on a site that is not in the list: the browser refuses the request', async () => {
    const stranger = await startSite();
    const before = await widgetConversations();
    const page = await newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(stranger);

    await bubble(page).click();
    await dialog(page).waitFor();
    await page.getByText("the chat isn't available right now").waitFor();
    expect(await agentLines(page).count()).toBe(0);
    expect(failed.some((url) => url.includes('/api/widget/'))).toBe(true);
    expect(await widgetConversations()).toBe(before);
    await page.context().close();
  });
});
