import type { FastifyBaseLogger } from 'fastify';
import type { TurnRunner } from '../agent/turn-runner.ts';
import type { CallRecord, CallsService } from '../calls/calls.service.ts';
import type { TurnResult } from '../conversation/types.ts';
import { confirmBooking } from './call-flow.ts';
import type { SocketTarget } from './socket-url.ts';

/**
 * The conversation of a call carried over a WebSocket, whatever the transport (ConversationRelay
 * text, Media Streams audio): the webhook path's turn runner, tools and records, one turn row per
 * answer, written before a word of it goes out, so whatever picks the call up next (a replayed
 * setup or start, the <Gather> fallback after a drop) starts from it.
 */
export type Transport = 'relay' | 'stream';

/** What the session tells the <Connect> action to do next: in our `end` (relay) and in the turn's record. */
export type Handoff = { reason: 'transfer'; to: string } | { reason: 'hangup' } | { reason: 'fallback' };

export interface SocketTurnDeps {
  calls: Pick<CallsService, 'findBySid' | 'markHeard'>;
  runner: TurnRunner;
  logger: FastifyBaseLogger;
  engineBudgetMs: number;
  onBooked?: ((companyId: string, bookingId: string) => Promise<unknown>) | undefined;
  /** Milliseconds, monotonic: when the caller stopped and when our first token or frame left. */
  now?: () => number;
}

/** The close code for a socket that names a call it may not reach. */
export const POLICY_VIOLATION = 1008;

/** A socket's text frame: a JSON object whose `tag` field names it, or null. */
export function parseFrame<T>(raw: string, tag: 'type' | 'event'): T | null {
  try {
    const m = JSON.parse(raw) as Record<string, unknown> | null;
    return m && typeof m === 'object' && typeof m[tag] === 'string' ? (m as T) : null;
  } catch {
    return null;
  }
}

const handoffOf = (result: TurnResult): Handoff | null =>
  result.next.kind === 'transfer' ? { reason: 'transfer', to: result.next.to } : result.next.kind === 'hangup' ? { reason: 'hangup' } : null;

/** A socket turn's recorded response: what was said and what follows, read back by the <Connect> action. */
export const socketResponse = (transport: Transport, say: string, handoff: Handoff | null) =>
  JSON.stringify({ transport, say, ...(handoff?.reason === 'transfer' ? { transferTo: handoff.to } : {}), ...(handoff?.reason === 'hangup' ? { hangup: true } : {}) });

/** The handoff a socket turn's recorded response names (null: a <Gather> turn's TwiML, or a turn that listens on). */
export function recordedHandoff(response: string | undefined): Handoff | null {
  if (!response || response.trimStart().startsWith('<')) return null;
  try {
    const r = JSON.parse(response) as { transferTo?: unknown; hangup?: unknown };
    if (typeof r.transferTo === 'string') return { reason: 'transfer', to: r.transferTo };
    if (r.hangup === true) return { reason: 'hangup' };
  } catch {
    // Not a socket turn's record.
  }
  return null;
}

export function createSocketTurns(deps: SocketTurnDeps, target: SocketTarget, transport: Transport, onFailure: () => void) {
  const { calls, runner } = deps;
  const now = deps.now ?? (() => performance.now());
  const log = deps.logger.child({ companyId: target.companyId, callSid: target.callSid, transport });
  let call: CallRecord | null = null;
  // Work is done one piece at a time, in order: a turn's record is written before the next
  // utterance (or the interruption of its answer) is looked at.
  let queue: Promise<void> = Promise.resolve();

  return {
    log,
    now,
    enqueue(work: () => Promise<void>): void {
      queue = queue.then(work).catch((err: unknown) => {
        log.error({ err }, 'socket turn failed; handing the call back to the webhooks');
        onFailure();
      });
    },
    /** Resolves when everything enqueued so far is done (tests, shutdown). */
    settled: () => queue,
    get call(): CallRecord | null {
      return call;
    },

    /**
     * The transport's first message names its call: it must be the one the socket was minted
     * for, and open in this company. 'again': a repeat on this socket, nothing to do.
     */
    async open(callSid: unknown): Promise<'opened' | 'again' | 'refused'> {
      if (call) return 'again';
      if (callSid !== target.callSid) {
        log.warn('socket opened for another call than it was minted for; closing');
        return 'refused';
      }
      const found = await calls.findBySid(target.companyId, target.callSid);
      if (!found || found.status !== 'in_progress') {
        log.warn('socket for a call with no open record; closing');
        return 'refused';
      }
      call = found;
      return 'opened';
    },

    /**
     * One turn: the caller's words (`stoppedAt`: when they stopped) in, the answer recorded, then
     * handed to `speak`, which resolves with when (`now()`) its first token or frame left, or null
     * if none did. With `early`, sentences the engine is sure of go out while it works on (a
     * language model writing its answer), the record holds them with the rest, and `speak` gets
     * only the rest. When another delivery took this turn's number first, the state moved under
     * us: run on the new one (without early words).
     */
    async turn(text: string, stoppedAt: number, speak: (say: string, seq: number) => Promise<number | null>, early?: (sentence: string, seq: number) => void): Promise<{ seq: number; handoff: Handoff | null } | null> {
      if (!call) return null;
      const utterance = text.trim() ? { text: text.trim(), confidence: null } : null;
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = (await calls.findBySid(target.companyId, target.callSid)) ?? call;
        const seq = current.turnCount + 1;
        const spoken = earlyWords(attempt === 0 && early ? (sentence) => early(sentence, seq) : undefined);
        const ran = await runner.run(target.companyId, current, seq, utterance, AbortSignal.timeout(deps.engineBudgetMs), spoken.sink);
        const { heard, rest } = spoken.split(ran.result.say);
        const result = heard === ran.result.say ? ran.result : { ...ran.result, say: heard };
        const handoff = handoffOf(result);
        const response = socketResponse(transport, result.say, handoff);
        const saved = await runner.record(target.companyId, current, seq, { ran, result, response, speechMs: 0, transport });
        if (saved !== response) continue;
        const sentAt = await speak(rest, seq);
        if (sentAt !== null) await calls.markHeard(target.companyId, current.id, seq, { firstSentMs: Math.round(sentAt - stoppedAt) });
        await confirmBooking(deps, target.companyId, result);
        return { seq, handoff };
      }
      throw new Error('socket turn kept losing its turn number to other deliveries');
    },

    /** How a turn was heard: its first audio reached the caller, or the caller cut in after `heardText`. */
    async heard(seq: number, heard: { firstSentMs?: number; firstHeardMs?: number; interrupted?: boolean; heardText?: string | null }): Promise<void> {
      if (!call) return;
      await calls.markHeard(target.companyId, call.id, seq, heard);
    },
  };
}

export type SocketTurns = ReturnType<typeof createSocketTurns>;

/**
 * The sentences of one turn that went out early. `split`: the reply as the caller hears it (the
 * engine's say begins with what went early; an engine that answered instead, after another
 * failed, is heard after those words) and what is still to be said.
 */
function earlyWords(early: ((sentence: string) => void) | undefined) {
  const sent: string[] = [];
  return {
    sink: early && ((sentence: string) => {
      sent.push(sentence);
      early(sentence);
    }),
    split(say: string): { heard: string; rest: string } {
      const said = sent.join(' ');
      if (!said) return { heard: say, rest: say };
      if (say.startsWith(said)) return { heard: say, rest: say.slice(said.length).trim() };
      return { heard: `${said} ${say}`.trim(), rest: say };
    },
  };
}
