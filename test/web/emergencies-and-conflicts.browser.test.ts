import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { type DashboardHarness, RAPID_OWNER, screenshot, startDashboard } from '../helpers/dashboard.ts';
import { expectNoSeriousAxeViolations, pageTimings, signedInPages } from '../helpers/dashboard-pages.ts';

/**
 * The Agent page's Emergencies tab and the Knowledge page's flags, in the browser against the
 * real server and demo data: the owner adds an emergency of the company's own, tries a sentence
 * against it, switches off an urgent trade emergency; an answer that contradicts the booking
 * setup is flagged with what each side says and a link to the setting.
 */
let h: DashboardHarness;
let companyId: string;
let pageAs: ReturnType<typeof signedInPages>;
const timings = pageTimings('emergencies-and-conflicts');
const { dataShown } = timings;

beforeAll(async () => {
  h = await startDashboard();
  companyId = (await h.t.app.ctx.services.phoneNumbers.lookup('+13125550142'))!.companyId;
  pageAs = signedInPages(h);
}, 60_000);
afterAll(async () => {
  timings.write();
  await h?.close();
});

describe('emergencies and knowledge conflicts in the dashboard', () => {
  it("adds an emergency of the company's own, recognises it in a sentence, and switches off an urgent trade one", async () => {
    const page = await pageAs(RAPID_OWNER);
    await page.goto(`/companies/${companyId}/agent?tab=emergencies`);
    await dataShown(page, 'agent-emergencies', 'table tbody tr');
    await expect.poll(() => page.getByRole('switch', { name: /Listen for Gas smell/ }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Add an emergency' }).click();
    const own = page.getByRole('group', { name: 'Emergency 1' });
    await own.getByLabel('Name').fill('Water in the server room');
    await own.getByLabel('Trigger phrases').fill('water in the server room\nrack is wet');
    await own.getByLabel('Safety instruction').fill('Switch off the power to the server rack if you can reach it without stepping in water.');
    await page.getByRole('switch', { name: /Listen for Sewage backing up/ }).click();
    await page.getByRole('button', { name: 'Save emergencies' }).click();
    await expect.poll(() => page.getByText('Emergencies saved').isVisible()).toBe(true);
    const { settings } = await h.t.app.ctx.services.agentSettings.current(companyId);
    expect(settings.emergencies).toEqual([{ name: 'Water in the server room', severity: 'urgent', triggers: ['water in the server room', 'rack is wet'], safetyInstruction: 'Switch off the power to the server rack if you can reach it without stepping in water.' }]);
    expect(settings.tradeEmergenciesOff).toEqual([{ tradeCategory: 'plumbing', key: 'sewage-backup' }]);

    const sentence = page.getByLabel('What a caller might say');
    await sentence.fill("hi, there's water in the server room");
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.getByText('Emergency: Water in the server room').isVisible()).toBe(true);
    await expectNoSeriousAxeViolations(page, 'agent-emergencies');
    await screenshot(page, 'agent-emergencies');
    await sentence.fill('no, nothing is wet, the toilet is overflowing');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.getByText('Not an emergency').isVisible()).toBe(true);
  }, 90_000);

  it('flags an answer that contradicts the booking setup, and links to the setting', async () => {
    await h.t.app.ctx.services.knowledge.create(SYSTEM_ACTOR, companyId, { question: 'Are you open on Sundays?', answer: 'Yes, we are open Sunday from 9 am to 1 pm.', alternatives: [], tags: [], enabled: true });
    const page = await pageAs(RAPID_OWNER);
    await page.goto(`/companies/${companyId}/knowledge`);
    await dataShown(page, 'knowledge-conflicts', '[data-testid="entry-conflict"]');
    const flagged = page.getByTestId('company-entry').filter({ hasText: 'Are you open on Sundays?' });
    await expect.poll(() => flagged.getByText('Disagrees with your booking setup').isVisible()).toBe(true);
    expect(await flagged.getByTestId('entry-conflict').innerText()).toContain("We're closed on Sunday");
    await expectNoSeriousAxeViolations(page, 'knowledge-conflicts');
    await screenshot(page, 'knowledge-conflicts');
    await flagged.getByRole('link', { name: 'Change the opening hours setting' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Hours', selected: true }).isVisible()).toBe(true);
  }, 90_000);
});
