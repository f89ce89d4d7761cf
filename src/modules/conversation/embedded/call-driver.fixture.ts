import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createDemoApp, type TestApp } from '../../../../test/helpers/app.ts';
import { normalizePhone } from '../../../phone/normalize.ts';
import type { Services } from '../../../services.ts';
import type { Booking } from '../../booking/bookings.present.ts';
import { buildAgentProfile } from '../profile.ts';
import { createAgentTools } from '../tools.ts';
import { initialState, type CallInfo, type ConversationEngine, type DialogState, type TurnResult } from '../types.ts';
import { createEmbeddedEngine } from './engine.ts';

/** Rapid Rooter Plumbing's number in the demo data (America/Chicago). */
export const ROOTER = '+13125550142';
/** Polar Air Heating & Cooling's number in the demo data (America/Denver). */
export const POLAR = '+13035550175';

export interface DemoApp {
  readonly t: TestApp;
  readonly services: Services;
  /** The bookings a call made, whatever their status now. */
  bookingsOf(companyId: string, callId: string): Promise<Booking[]>;
}

/**
 * The demo data's app for the tests of the describe block this is called in: started before
 * them, closed after. Read `services` inside tests and hooks (it is set once the app runs).
 */
export function useDemoApp(): DemoApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createDemoApp();
  });
  afterAll(async () => t?.close());
  const demo: DemoApp = {
    get t() {
      if (!t) throw new Error('the demo app starts in beforeAll: read it inside tests and hooks');
      return t;
    },
    get services() {
      return demo.t.app.ctx.services;
    },
    bookingsOf: async (companyId, callId) => (await demo.services.bookings.list(companyId, {}, { limit: 200, offset: 0 })).items.filter((b) => b.callId === callId),
  };
  return demo;
}

/**
 * Drives one phone call through an engine turn by turn, with the real tools and a real call
 * record, as the voice webhooks would: the profile is rebuilt and the state carried every
 * turn. For tests; `at` is the call's start and each turn adds `secondsPerTurn` (15).
 */
export interface DrivenCall {
  companyId: string;
  call: CallInfo;
  transcript: string[];
  greeting: string;
  state: DialogState;
  /** The caller says `text` (null: silence). */
  say(text: string | null, confidence?: number | null): Promise<TurnResult>;
  /** The last turn delivered again, with the same seq and state (a Twilio retry). */
  replay(): Promise<TurnResult>;
}

export async function startCall(
  services: Services,
  options: { to: string; from: string | null; at: Date; engine?: ConversationEngine; secondsPerTurn?: number },
): Promise<DrivenCall> {
  const route = await services.phoneNumbers.lookup(options.to);
  if (!route) throw new Error(`no company answers ${options.to}`);
  const companyId = route.companyId;
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const { call } = await services.calls.begin(companyId, { callSid, channel: 'phone', from: options.from, to: options.to, at: options.at });
  const info: CallInfo = { id: call.id, callSid, callerNumber: options.from ? normalizePhone(options.from) : null, channel: 'phone', startedAt: options.at };
  const engine = options.engine ?? createEmbeddedEngine();
  const greeting = (await buildAgentProfile(services, companyId, options.at)).greeting;
  let clock = options.at;
  let seq = 0;
  let last: { state: DialogState; utterance: { text: string; confidence: number | null } | null; now: Date } | null = null;

  const driven: DrivenCall = {
    companyId,
    call: info,
    greeting,
    transcript: [`Agent: ${greeting}`],
    state: initialState(),
    async say(text, confidence = 0.92) {
      seq += 1;
      clock = new Date(clock.getTime() + (options.secondsPerTurn ?? 15) * 1000);
      last = { state: driven.state, utterance: text === null ? null : { text, confidence }, now: clock };
      return run(true);
    },
    replay: () => run(false),
  };

  async function run(record: boolean): Promise<TurnResult> {
    const { state, utterance, now } = last!;
    const profile = await buildAgentProfile(services, companyId, now);
    const tools = createAgentTools(services, { companyId, call: info, now });
    const result = await engine.respond({ profile, call: info, state, utterance, seq, now }, tools);
    if (record) {
      driven.transcript.push(`Caller: ${utterance ? utterance.text : '(silence)'}`, `Agent: ${result.say}`);
      driven.state = result.state;
    }
    return result;
  }
  return driven;
}

/** A weekday morning in Chicago, Rapid Rooter's zone (weekdayMorning). */
export const chicagoMorning = (): Date => weekdayMorning('America/Chicago');

/** A weekday morning (Tuesday to Thursday, 9:00 local) at least `daysAhead` days after the real date, off the demo holidays. */
export function weekdayMorning(timeZone: string, daysAhead = 3): Date {
  const avoid = new Set(['2026-11-26', '2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01', '2027-05-31', '2027-07-05', '2027-09-06']);
  for (let d = daysAhead; d < daysAhead + 14; d++) {
    const candidate = new Date(Date.now() + d * 86_400_000);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'long' }).formatToParts(candidate);
    const part = (type: string) => local.find((p) => p.type === type)!.value;
    const date = `${part('year')}-${part('month')}-${part('day')}`;
    if (!['Tuesday', 'Wednesday', 'Thursday'].includes(part('weekday')) || avoid.has(date)) continue;
    return localNine(timeZone, date);
  }
  throw new Error('no weekday found');
}

/** 9:00 on a local date in a zone, as an instant. */
function localNine(timeZone: string, date: string): Date {
  const guess = new Date(`${date}T09:00:00Z`);
  const offsetName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(guess).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName);
  const offsetMinutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}
