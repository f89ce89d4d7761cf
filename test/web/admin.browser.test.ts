import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/app.ts';
import { expectNoSeriousAxeViolations } from '../helpers/dashboard-pages.ts';
import { type DashboardHarness, newContext, RAPID_OWNER, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';

describe('the platform admin in the dashboard', () => {
  let h: DashboardHarness;
  beforeAll(async () => { h = await startDashboard(); });
  afterAll(async () => { await h?.close(); });

  it('creates a company from a template, opens it marked as the admin, and suspends and resumes it', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/admin/companies');
    await expect.poll(() => page.getByRole('link', { name: 'Rapid Rooter Plumbing', exact: true }).isVisible()).toBe(true);
    await expectNoSeriousAxeViolations(page, 'admin-companies');
    await screenshot(page, 'admin-companies');

    await page.getByRole('button', { name: 'New company' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Trade template', { exact: false }).first().click();
    await page.getByRole('option', { name: /hvac/i }).click();
    await dialog.getByLabel('Company name').fill('Summit Comfort Air');
    await dialog.getByLabel("Owner's email").fill('owner@summit.example');
    await dialog.getByRole('textbox', { name: "Owner's first password" }).fill('summit-first-pass');
    await screenshot(page, 'admin-new-company');
    await dialog.getByRole('button', { name: 'Create company' }).click();
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}\/overview$/);
    await screenshot(page, 'admin-viewing-company');
    await expect.poll(() => page.getByText('Viewing as platform admin').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Summit Comfort Air');
    const companyId = page.url().split('/')[4]!;
    const created = await h.t.app.ctx.services.companies.get(companyId);
    expect(created).toMatchObject({ name: 'Summit Comfort Air', status: 'active' });

    await page.goto('/admin/companies');
    const row = page.getByRole('row', { name: /Summit Comfort Air/ });
    await row.getByRole('button', { name: 'Suspend' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => row.getByText('suspended').isVisible()).toBe(true);
    expect((await h.t.app.ctx.services.companies.get(companyId)).status).toBe('suspended');
    await row.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await h.t.app.ctx.services.companies.get(companyId)).status).toBe('active');
    await context.close();
  });

  it('edits a trade category\'s shared answers and shows the platform\'s health', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Trade categories' }).click();
    await page.getByRole('button', { name: 'Add entry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Question').fill('Do you clean up after the job?');
    await dialog.getByLabel('Answer').fill('Yes, our technicians leave the work area as clean as they found it.');
    await dialog.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => page.getByText('Do you clean up after the job?').isVisible()).toBe(true);
    await expectNoSeriousAxeViolations(page, 'admin-trade-categories');
    await screenshot(page, 'admin-trade-categories');

    await page.getByRole('link', { name: 'Platform' }).click();
    await expect.poll(() => page.getByText('Ready', { exact: true }).isVisible()).toBe(true);
    await expectNoSeriousAxeViolations(page, 'admin-platform');
    await screenshot(page, 'admin-platform');
    await context.close();
  });

  it('shows a company owner the not-found page for the admin pages', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    await page.goto('/admin/companies');
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    expect(await page.getByText('Polar Air').count()).toBe(0);
    await context.close();
  });
});
