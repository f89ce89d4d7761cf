import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';

describe('knowledge that contradicts the booking configuration', () => {
  let t: TestApp;
  let companyId: string;
  let owner: Session;
  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] })).id;
    owner = await createUserSession(t.app, companyId, 'owner');
    const { services } = t.app.ctx;
    await services.bookingConfig.createService(SYSTEM_ACTOR, companyId, { name: 'Drain cleaning', durationMinutes: 60, priceText: '$149 to $249' });
    await services.bookingConfig.putSettings(SYSTEM_ACTOR, companyId, {
      weeklyHours: { monday: [{ start: '08:00', end: '17:00' }], tuesday: [{ start: '08:00', end: '17:00' }] }, serviceArea: ['60601', '60614'],
    });
  });
  afterAll(async () => t?.close());

  const add = (question: string, answer: string, enabled = true) =>
    t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/knowledge`, headers: owner.headers, payload: { question, answer, enabled } });
  const conflicts = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/knowledge/conflicts`, headers: owner.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { entryId: string; question: string; conflicts: { topic: string; says: string; configured: string }[] }[];
  };

  it('flags each enabled entry that states other hours, towns, prices or windows, with what the configuration says', async () => {
    const hours = (await add('What are your hours?', 'We are open Monday to Tuesday from 8 am to 6 pm.')).json();
    await add('Where do you go?', 'We serve Chicago and Evanston.');
    await add('Drain cleaning price?', 'Drain cleaning is 99 dollars.');
    await add('When will you arrive?', 'You get a two-hour arrival window.');
    await add('Old hours', 'We are open Monday from 6 am to 9 pm.', false);
    await add('Do you take cards?', 'Yes, every major card.');
    const found = await conflicts();
    expect(found.map((f) => [f.question, f.conflicts.map((c) => c.topic)])).toEqual([
      ['What are your hours?', ['hours']], ['Where do you go?', ['area']], ['Drain cleaning price?', ['price']], ['When will you arrive?', ['windows']],
    ]);
    expect(found[0]).toMatchObject({ entryId: hours.id, conflicts: [{ says: 'Monday to Tuesday from 8 am to 6 pm', configured: expect.stringContaining('Monday to Tuesday 8 am to 5 pm') }] });
  });

  it('stops flagging an entry once the configuration agrees with it', async () => {
    await t.app.ctx.services.bookingConfig.putSettings(SYSTEM_ACTOR, companyId, { weeklyHours: { monday: [{ start: '08:00', end: '18:00' }], tuesday: [{ start: '08:00', end: '18:00' }] } });
    expect((await conflicts()).map((f) => f.question)).not.toContain('What are your hours?');
  });
});
