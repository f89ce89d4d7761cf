import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_RULES } from '../../src/modules/analytics/day-rules.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany } from '../helpers/factories.ts';
import { bookingBasics, insertCall } from './fixtures.ts';

/** A day kept under earlier rules is counted again; one kept under today's rules is used as kept. */
let t: TestApp;
let companyId: string;
const DAY = '2026-11-04';
const inlineOnly = () => Promise.reject(new Error('a one-day range is counted in the request, never queued'));

beforeAll(async () => {
  t = await createTestApp();
  companyId = (await createCompany(t.app, { timeZone: 'America/Chicago' })).id;
  const { technicianId } = await bookingBasics(t.app, companyId, [{ name: 'Drain cleaning', priceText: '$149' }]);
  for (const hour of [14, 15, 16]) await insertCall(t.app, companyId, technicianId, { at: `${DAY}T${hour}:00:00Z`, turns: [['faq', 'what are your hours', 100, 0]] });
});
afterAll(async () => t?.close());

describe('the rules a kept analytics day was counted under', () => {
  const callsOfDay = async () => (await t.app.ctx.services.analytics.get(companyId, { from: DAY, to: DAY }, inlineOnly)).current.calls;
  /** What an earlier version would have kept: other figures, under the given rules. */
  const tamper = (rules: number) =>
    sql`UPDATE analytics_days SET figures = jsonb_set(figures::jsonb, '{calls}', '999')::json, rules = ${rules} WHERE company_id = ${companyId} AND day = ${DAY}`.execute(t.database.db);

  it('keeps a day under the current rules and counts again one kept under earlier rules', async () => {
    expect(await callsOfDay()).toBe(3);
    const kept = await sql<{ rules: number }>`SELECT rules FROM analytics_days WHERE company_id = ${companyId} AND day = ${DAY}`.execute(t.database.db);
    expect(kept.rows).toEqual([{ rules: DAY_RULES }]);

    await tamper(DAY_RULES);
    expect(await callsOfDay()).toBe(999); // used as kept: nothing it counts has changed

    await tamper(DAY_RULES - 1);
    expect(await callsOfDay()).toBe(3);
  });
});
