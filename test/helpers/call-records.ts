import { randomBytes } from 'node:crypto';
import type { App } from '../../src/app.ts';
import type { CallOutcomeColumn } from '../../src/db/schema.ts';

export interface RecordedCall {
  at: Date;
  from?: string | null;
  channel?: 'phone' | 'web' | 'widget';
  outcome?: CallOutcomeColumn;
  /** The facts the engine learned (name, phone, problem, serviceId, emergency). */
  facts?: Record<string, unknown>;
  /** Intents of the caller's turns, in order (one turn each). */
  intents?: (string | null)[];
  bookingId?: string;
  /** Seconds after `at` the call ended (Twilio's status callback); null: still going on. */
  endedAfter?: number | null;
}

/**
 * A call as the voice webhooks record it, through the calls service: begun, its turns recorded
 * with the state after each, then finished by the status callback.
 */
export async function recordCall(app: App, companyId: string, input: RecordedCall): Promise<string> {
  const calls = app.ctx.services.calls;
  const { call } = await calls.begin(companyId, { callSid: `CA${randomBytes(16).toString('hex')}`, channel: input.channel ?? 'phone', from: input.from === undefined ? '+13125550101' : input.from, to: '+13125550142', at: input.at });
  const intents = input.intents ?? [null];
  const state = { facts: input.facts ?? {}, misunderstandings: 0, engine: {} };
  for (const [i, intent] of intents.entries()) {
    const last = i === intents.length - 1;
    await calls.recordTurn(companyId, call.id, {
      seq: i + 1, caller_text: 'caller words', confidence: 0.9, agent_text: 'agent words', response: '<Response><Say>agent words</Say></Response>', intent, engine: 'embedded', engine_ms: 5, speech_ms: 0,
    }, { state, outcome: last ? input.outcome : undefined, bookingId: last ? input.bookingId : undefined });
  }
  const endedAfter = input.endedAfter === undefined ? 120 : input.endedAfter;
  if (endedAfter !== null) {
    await calls.finish(companyId, call.callSid, { status: 'completed', durationSeconds: endedAfter, endedAt: new Date(input.at.getTime() + endedAfter * 1000) });
  }
  return call.id;
}
