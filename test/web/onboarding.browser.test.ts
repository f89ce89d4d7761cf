import { writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/app.ts';
import { type DashboardHarness, newContext, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';

describe('onboarding a new company', () => {
  let h: DashboardHarness;
  beforeAll(async () => { h = await startDashboard(); });
  afterAll(async () => { await h?.close(); });

  it('goes from the admin creating the company to the owner\'s first answered test conversation in under 15 clicks', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    let clicks = 0;
    const click = async (target: Locator) => { clicks += 1; await target.click(); };

    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const started = performance.now();
    await click(page.getByRole('button', { name: 'New company' }));
    const dialog = page.getByRole('dialog');
    await click(dialog.getByLabel('Trade template', { exact: false }).first());
    await click(page.getByRole('option', { name: /electrical/i }));
    await dialog.getByLabel('Company name').fill('Bright Spark Electric');
    await dialog.getByLabel("Owner's email").fill('owner@brightspark.example');
    await dialog.getByRole('textbox', { name: "Owner's first password" }).fill('bright-first-pass');
    await click(dialog.getByRole('button', { name: 'Create company' }));
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}\/overview$/);
    const companyId = page.url().split('/')[4]!;
    await click(page.getByRole('button', { name: 'Sign out' }));
    await page.waitForURL(/\/sign-in/);

    // The owner, on the first password the admin gave them.
    await page.getByLabel('Email').fill('owner@brightspark.example');
    await page.getByRole('textbox', { name: 'Password' }).fill('bright-first-pass');
    await click(page.getByRole('button', { name: 'Sign in' }));
    await page.waitForURL(new RegExp(`/companies/${companyId}/`));
    await click(page.getByRole('link', { name: 'Get started' }));
    await click(page.getByRole('button', { name: 'Continue' }));
    await click(page.getByRole('button', { name: 'Save hours and continue' }));
    await click(page.getByRole('button', { name: 'These look right' }));
    const zips = page.getByLabel('Zip codes you serve');
    await zips.fill('02134 02135, 02139');
    await click(page.getByRole('button', { name: 'Save area and continue' }));
    await click(page.getByRole('button', { name: 'Skip for now' }));
    await expect.poll(() => page.getByRole('log').textContent()).toMatch(/\w/);
    await page.getByLabel('You say').fill('do you guys install ev chargers');
    await click(page.getByRole('button', { name: 'Send' }));
    await expect.poll(() => page.getByRole('log').locator('p').count()).toBeGreaterThanOrEqual(4);
    const seconds = (performance.now() - started) / 1000;
    await screenshot(page, 'onboarding-test-agent');

    // What the owner set is what the API now holds (leading zeros kept).
    const settings = await h.t.app.ctx.services.bookingConfig.getSettings(companyId);
    expect(settings.serviceArea).toEqual(['02134', '02135', '02139']);
    expect(clicks).toBeLessThan(15);
    writeFileSync('test-results/onboarding.json', JSON.stringify({ clicks, seconds: Math.round(seconds * 10) / 10 }, null, 2));
    await context.close();
  });
});
