import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.ts';
import type { CallScript } from './data.ts';
import { chatWith, phoneCallTo, type EvalCompany } from './harness.ts';
import { confirmsBooking, containsFact } from './judge.ts';

/**
 * Whole calls: each script played line by line at its own instant (the app's clock moves
 * SECONDS_PER_TURN each turn) through the phone webhooks or the website widget, then the end
 * state read from the database: the booking (service, local date and start), a message, a
 * transfer. Bookings a call made are cancelled afterwards, so every call meets the same calendar.
 */
const SECONDS_PER_TURN = 12;

export interface CallResult {
  id: string;
  outcome: CallScript['expect']['outcome'];
  passed: boolean;
  /** Why it failed, in words. */
  problems: string[];
  emergency: boolean;
  emergencyHandled: boolean;
  /** A reply told the caller a booking was made that the database does not have. */
  falseConfirmation: boolean;
  transcript: string[];
  engineMs: number[];
}

interface EndState {
  bookings: { id: string; status: string; start: Date; service: string }[];
  messages: number;
  transferred: boolean;
  emergencyIntent: boolean;
}

async function endState(c: EvalCompany, callSid: string): Promise<EndState & { engineMs: number[] }> {
  const db = c.database.db;
  const call = await sql<{ id: string }>`SELECT id FROM calls WHERE company_id = ${c.companyId} AND call_sid = ${callSid}`.execute(db);
  const callId = call.rows[0]?.id;
  if (!callId) return { bookings: [], messages: 0, transferred: false, emergencyIntent: false, engineMs: [] };
  const bookings = await sql<{ id: string; status: string; start_at: Date; name: string }>`
    SELECT b.id, b.status, b.start_at, s.name FROM bookings b JOIN booking_services s ON s.company_id = b.company_id AND s.id = b.service_id
    WHERE b.company_id = ${c.companyId} AND b.call_id = ${callId} AND b.status IN ('held', 'confirmed')`.execute(db);
  const messages = await sql<{ n: number }>`SELECT count(*)::int AS n FROM messages WHERE company_id = ${c.companyId} AND call_id = ${callId}`.execute(db);
  const turns = await sql<{ response: string; intent: string | null; engine_ms: number; seq: number }>`
    SELECT response, intent, engine_ms, seq FROM call_turns WHERE company_id = ${c.companyId} AND call_id = ${callId} ORDER BY seq`.execute(db);
  return {
    bookings: bookings.rows.map((b) => ({ id: b.id, status: b.status, start: new Date(b.start_at), service: b.name })),
    messages: messages.rows[0]!.n,
    transferred: turns.rows.some((t) => t.response.includes('<Dial') || t.response.includes('"next":"transfer"')),
    emergencyIntent: turns.rows.some((t) => t.intent?.startsWith('emergency.') ?? false),
    engineMs: turns.rows.filter((t) => t.seq > 0).map((t) => t.engine_ms),
  };
}

/** Plays the lines; answers the call's id (CallSid or conversation id) and everything the agent said. */
async function play(c: EvalCompany, script: CallScript, visitor: number): Promise<{ sid: string; replies: string[]; transcript: string[] }> {
  const start = Date.parse(script.now);
  const at = (turn: number) => c.setClock(new Date(start + turn * SECONDS_PER_TURN * 1000));
  const replies: string[] = [];
  const transcript: string[] = [];
  at(0);
  if (script.channel === 'widget') {
    const chat = chatWith(c, 'widget', visitor);
    let reply = await chat.send();
    transcript.push(`Agent: ${reply.say}`);
    for (const [i, line] of script.lines.entries()) {
      if (reply.next !== 'listen') break;
      at(i + 1);
      reply = await chat.send(line);
      replies.push(reply.say);
      transcript.push(`Caller: ${line}`, `Agent: ${reply.say}${reply.next === 'listen' ? '' : ` [${reply.next}]`}`);
    }
    return { sid: chat.id!, replies, transcript };
  }
  const call = phoneCallTo(c, script.callerPhone ?? '+12025550199');
  const first = await call.start();
  transcript.push(`Agent: ${first.said.join(' ')}`);
  for (const [i, line] of script.lines.entries()) {
    if (!call.listening) break;
    at(i + 1);
    const step = await call.say(line === '' ? null : line);
    const said = step.said.join(' ');
    replies.push(said);
    transcript.push(`Caller: ${line || '(silence)'}`, `Agent: ${said}${step.next.kind === 'listen' ? '' : ` [${step.next.kind}]`}`);
  }
  await call.hangUp();
  return { sid: call.callSid, replies, transcript };
}

function check(script: CallScript, state: EndState, replies: string[], timeZone: string): string[] {
  const e = script.expect;
  const problems: string[] = [];
  const booking = state.bookings.find((b) => (script.channel === 'phone' ? b.status === 'confirmed' : true));
  if (e.outcome === 'booked') {
    if (!booking) problems.push('no booking');
    else {
      const local = DateTime.fromJSDate(booking.start, { zone: timeZone });
      if (e.service && booking.service.toLowerCase() !== e.service.toLowerCase()) problems.push(`service ${booking.service}, expected ${e.service}`);
      if (e.localDate && local.toISODate() !== e.localDate) problems.push(`date ${local.toISODate()}, expected ${e.localDate}`);
      const hhmm = local.toFormat('HH:mm');
      if (e.notBefore && hhmm < e.notBefore) problems.push(`starts ${hhmm}, before ${e.notBefore}`);
      if (e.notAfter && hhmm > e.notAfter) problems.push(`starts ${hhmm}, after ${e.notAfter}`);
    }
  } else if (booking) problems.push(`booked ${booking.service} though ${e.outcome} was expected`);
  if (e.outcome === 'message' && state.messages === 0) problems.push('no message taken');
  if (e.outcome === 'transfer' && !state.transferred) problems.push('not transferred');
  if (e.outcome === 'answered' && state.transferred) problems.push('transferred');
  if (e.emergency && !state.emergencyIntent) problems.push('emergency not recognised');
  for (const m of e.mustMention ?? []) if (!replies.some((r) => containsFact(r, m))) problems.push(`never mentioned "${m}"`);
  return problems;
}

export async function runCalls(c: EvalCompany, scripts: CallScript[], visitorBase: number): Promise<CallResult[]> {
  const results: CallResult[] = [];
  for (const [i, script] of scripts.entries()) {
    const { sid, replies, transcript } = await play(c, script, visitorBase + i);
    const state = await endState(c, sid);
    const problems = check(script, state, replies, c.timeZone);
    const falseConfirmation = replies.some(confirmsBooking) && !state.bookings.some((b) => b.status === 'confirmed');
    if (falseConfirmation) problems.push('a reply confirmed a booking that does not exist');
    results.push({
      id: script.id,
      outcome: script.expect.outcome,
      passed: problems.length === 0,
      problems,
      emergency: script.expect.emergency === true,
      emergencyHandled: script.expect.emergency === true && problems.length === 0,
      falseConfirmation,
      transcript,
      engineMs: state.engineMs,
    });
    for (const b of state.bookings) await c.app.ctx.services.bookings.cancel(SYSTEM_ACTOR, c.companyId, b.id, { reason: 'evaluation reset' });
  }
  return results;
}
