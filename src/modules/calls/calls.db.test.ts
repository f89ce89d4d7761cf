import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany } from '../../../test/helpers/factories.ts';
import type { CallOutcomeColumn } from '../../db/schema.ts';

let t: TestApp;
let companyId: string;
beforeAll(async () => {
  t = await createTestApp();
  companyId = (await createCompany(t.app)).id;
});
afterAll(async () => t?.close());

let sids = 0;
async function callWithOutcomes(outcomes: (CallOutcomeColumn | undefined)[]) {
  const calls = t.app.ctx.services.calls;
  const { call } = await calls.begin(companyId, { callSid: `CAoutcome${sids++}`, channel: 'phone', from: '+13125550190', to: null, at: new Date() });
  for (const [i, outcome] of outcomes.entries()) {
    const state = { facts: { name: 'Ola Nordmann' }, misunderstandings: 0, engine: {} };
    await calls.recordTurn(companyId, call.id, { seq: i + 1, caller_text: 'x', confidence: 0.9, agent_text: 'y', response: `<Response>${i}</Response>`, intent: null, engine: 'embedded', engine_ms: 1, speech_ms: 0 }, { state, outcome, learned: { name: 'Ola Nordmann' } });
  }
  return calls.get(companyId, call.id);
}

describe('call records', () => {
  it('keeps the strongest outcome a call reached, whatever came after', async () => {
    expect((await callWithOutcomes(['booked', 'message', 'answered', undefined])).outcome).toBe('booked');
    expect((await callWithOutcomes(['answered', undefined, 'emergency', 'message'])).outcome).toBe('emergency');
    expect((await callWithOutcomes([undefined, 'answered'])).outcome).toBe('answered');
    expect((await callWithOutcomes([undefined])).outcome).toBeNull();
  });

  it('records each turn once, counts turns, and names the caller on their contact', async () => {
    const record = await callWithOutcomes(['answered', 'answered', 'answered']);
    expect(record.turnCount).toBe(3);
    expect(record.transcript.map((x) => x.seq)).toEqual([1, 2, 3]);
    const again = await t.app.ctx.services.calls.recordTurn(companyId, record.id, { seq: 2, caller_text: 'other', confidence: 1, agent_text: 'other', response: '<Response>other</Response>', intent: null, engine: 'embedded', engine_ms: 1, speech_ms: 0 }, { state: {} });
    expect(again).toEqual({ recorded: false, response: '<Response>1</Response>' });
    expect((await t.app.ctx.services.contacts.get(companyId, record.contactId!)).name).toBe('Ola Nordmann');
  });
});
