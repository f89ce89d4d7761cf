import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/app.ts';
import { type DashboardHarness, newContext, RAPID_OWNER, screenshot, signIn, startDashboard } from '../helpers/dashboard.ts';

describe('signing in to the dashboard', () => {
  let h: DashboardHarness;
  beforeAll(async () => { h = await startDashboard(); });
  afterAll(async () => { await h?.close(); });

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await page.goto('/companies/00000000-0000-4000-8000-000000000000/overview');
    await page.waitForURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/companies/00000000-0000-4000-8000-000000000000/overview');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(RAPID_OWNER);
    await page.getByRole('textbox', { name: 'Password' }).fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/companies\/00000000-0000-4000-8000-000000000000\/overview/);
    // Another company's id (here: none) is the not-found page, with none of its data.
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    await context.close();
  });

  it('shows a wrong password in words and stays on sign-in', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(RAPID_OWNER);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('signs out and a later visit asks to sign in again', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, RAPID_OWNER);
    expect(page.url()).toMatch(/\/companies\/[0-9a-f-]{36}\/overview$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it('lets the platform admin change its own password, and only the new one signs in after', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole('textbox', { name: 'Current password' }).fill('not-my-password');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a-brand-new-admin-password');
    await page.getByRole('textbox', { name: 'New password again' }).fill('a-brand-new-admin-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('current password is not right');
    await page.getByRole('textbox', { name: 'Current password' }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Password changed' }).isVisible()).toBe(true);
    await screenshot(page, 'account');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    await signIn(page, ADMIN_EMAIL, 'a-brand-new-admin-password');
    expect(new URL(page.url()).pathname).toBe('/admin/companies');
    await context.close();
  });
});
