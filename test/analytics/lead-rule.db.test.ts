import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany } from '../helpers/factories.ts';
import { bookingBasics, insertCall, type FixtureCall } from './fixtures.ts';

/**
 * The Analytics page's lead count and the Leads page's list read one rule
 * (src/modules/calls/lead-predicate.ts): on calls none of which booked, they name the same calls.
 */
let t: TestApp;
let companyId: string;
const leads: string[] = [];
const notLeads: string[] = [];
const DAY = '2026-11-03';

beforeAll(async () => {
  t = await createTestApp();
  companyId = (await createCompany(t.app, { timeZone: 'America/Chicago' })).id;
  const { serviceIds: [drains], technicianId } = await bookingBasics(t.app, companyId, [{ name: 'Drain cleaning', priceText: '$149' }]);
  const at = (hour: number) => `${DAY}T${String(hour).padStart(2, '0')}:00:00Z`;
  const calls: [boolean, FixtureCall][] = [
    [true, { at: at(14), turns: [['book.time', 'tomorrow at nine', 100, 0]] }],
    [true, { at: at(15), outcome: 'transferred', facts: { emergency: true }, turns: [['emergency.flood', 'water everywhere', 100, 0]] }],
    [true, { at: at(16), channel: 'widget', outcome: 'message', facts: { problem: 'no hot water' }, turns: [['message.body', 'call me back', 100, 0]], messages: [{ urgent: false }] }],
    [true, { at: at(17), facts: { serviceId: drains }, turns: [['faq', 'how much is a drain cleaning', 100, 0]] }],
    [false, { at: at(18), outcome: 'message', turns: [['message.body', 'tell Nora to call me', 100, 0]], messages: [{ urgent: true }] }],
    [false, { at: at(19), channel: 'web', turns: [['book.time', 'tomorrow at nine', 100, 0]] }],
    [false, { at: at(20), turns: [['faq', 'what are your hours', 100, 0]] }],
    [false, { at: at(21), turns: [['reschedule.time', 'move it to friday', 100, 0]] }],
    [false, { at: at(22), outcome: 'emergency', facts: { emergency: true } }],
  ];
  for (const [lead, c] of calls) (lead ? leads : notLeads).push(await insertCall(t.app, companyId, technicianId, c));
});
afterAll(async () => t?.close());

describe('one lead rule for analytics and the leads list', () => {
  it('counts as leads in analytics exactly the calls the unbooked-leads list shows', async () => {
    const services = t.app.ctx.services;
    const inlineOnly = () => Promise.reject(new Error('a one-day range is counted in the request, never queued'));
    const figures = await services.analytics.get(companyId, { from: DAY, to: DAY }, inlineOnly);
    const list = await services.leads.listUnbooked(companyId, { from: DAY, to: DAY, includeFollowedUp: true }, { limit: 50, offset: 0 });
    expect(figures.current.calls).toBe(leads.length + notLeads.length);
    expect(list.items.map((l) => l.callId).sort()).toEqual([...leads].sort());
    expect(figures.current.leads).toBe(list.items.length);
  });
});
