import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { phoneCall } from '../../../test/helpers/calls.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { weekdayMorning } from '../conversation/embedded/call-driver.fixture.ts';

/**
 * Phone calls through the real webhooks and the embedded engine, counted (or not) as leads by
 * the one predicate: an after-hours booking request left as a message is a lead; a message for
 * a person is not.
 */
const ROOTER = '+13125550142';
const evening = new Date(weekdayMorning('America/Chicago').getTime() + 11 * 3_600_000); // 20:00
let now = evening;

let t: TestApp;
let rooterId: string;
beforeAll(async () => {
  t = await createDemoApp({ clock: () => now });
  rooterId = (await t.app.ctx.services.phoneNumbers.lookup(ROOTER))!.companyId;
});
afterAll(async () => t?.close());

async function converse(from: string, lines: string[]) {
  const call = phoneCall(t.app, t.config, ROOTER, from);
  await call.start();
  for (const line of lines) if (call.listening) await call.say(line);
  await call.hangUp();
}

describe('which phone calls are leads', () => {
  it('counts an after-hours booking request taken as a message, and not a message for a person', async () => {
    const services = t.app.ctx.services;
    const { settings } = await services.agentSettings.current(rooterId);
    await services.agentSettings.save(SYSTEM_ACTOR, rooterId, { ...settings, afterHours: 'take_message' });
    await converse('+13125550181', ['I would like to book a drain cleaning', 'Bo Chen', 'yes', 'Tomorrow morning would be great.', "No, that's all."]);
    now = new Date(evening.getTime() + 600_000);
    await converse('+13125550182', ['Can you tell Nora to call me back', 'Ada Park', 'yes', 'It is about the invoice.', "No, that's all."]);
    const calls = (await services.calls.list(rooterId, {}, { limit: 10, offset: 0 })).items;
    expect(calls.map((c) => c.outcome)).toEqual(['message', 'message']);

    now = new Date(evening.getTime() + 2 * 3_600_000);
    const day = DateTime.fromJSDate(evening, { zone: 'America/Chicago' }).toISODate()!;
    const leads = await services.leads.listUnbooked(rooterId, { from: day, to: day }, { limit: 50, offset: 0 });
    expect(leads.items.map((l) => l.callId)).toEqual([calls[1]!.id]);
    expect(leads.items[0]).toMatchObject({ wanted: 'I would like to book a drain cleaning', contact: { phone: '+13125550181' } });
  });
});
