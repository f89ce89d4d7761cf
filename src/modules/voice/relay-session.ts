import type { FastifyBaseLogger } from 'fastify';
import type { TurnRunner } from '../agent/turn-runner.ts';
import type { CallRecord, CallsService } from '../calls/calls.service.ts';
import type { TurnResult } from '../conversation/types.ts';
import { confirmBooking } from './call-flow.ts';
import type { Handoff } from './relay-flow.ts';
import { splitSentences } from './sentences.ts';
import type { SocketTarget } from './socket-url.ts';

/**
 * One ConversationRelay socket: Twilio's messages in (setup, prompt, interrupt, dtmf, error),
 * our text tokens and `end` out. The conversation is the webhook path's: the same turn runner,
 * tools and records, one turn row per answer, its state stored before the next prompt is taken,
 * so if the socket dies the <Connect> action carries the call on from the database.
 */
export type RelayOut =
  | { type: 'text'; token: string; last: boolean; interruptible?: boolean }
  | { type: 'end'; handoffData: string };

export interface RelayPeer {
  send(message: RelayOut): void;
  /** Closes the socket: a protocol violation (wrong call, no call). */
  close(code: number, reason: string): void;
}

export interface RelaySessionDeps {
  calls: Pick<CallsService, 'findBySid' | 'markHeard'>;
  runner: TurnRunner;
  logger: FastifyBaseLogger;
  engineBudgetMs: number;
  onBooked?: ((companyId: string, bookingId: string) => Promise<unknown>) | undefined;
  /** Milliseconds, monotonic: when the caller stopped and when our first token left. */
  now?: () => number;
}

type Inbound =
  | { type: 'setup'; callSid?: unknown }
  | { type: 'prompt'; voicePrompt?: unknown; last?: unknown }
  | { type: 'interrupt'; utteranceUntilInterrupt?: unknown }
  | { type: 'dtmf'; digit?: unknown }
  | { type: 'error'; description?: unknown };

const POLICY_VIOLATION = 1008;

function parse(raw: string): Inbound | null {
  try {
    const m = JSON.parse(raw) as { type?: unknown };
    return m && typeof m === 'object' && typeof m.type === 'string' ? (m as Inbound) : null;
  } catch {
    return null;
  }
}

const handoffOf = (result: TurnResult): Handoff | null =>
  result.next.kind === 'transfer' ? { reason: 'transfer', to: result.next.to } : result.next.kind === 'hangup' ? { reason: 'hangup' } : null;

export function createRelaySession(deps: RelaySessionDeps, target: SocketTarget, peer: RelayPeer) {
  const { calls, runner, logger } = deps;
  const now = deps.now ?? (() => performance.now());
  const log = logger.child({ companyId: target.companyId, callSid: target.callSid, transport: 'relay' });
  let call: CallRecord | null = null;
  /** The turn whose words the caller is hearing (0: the greeting), for an interrupt. */
  let speaking = 0;
  let ended = false;
  // Messages are handled one at a time, in order: a turn's record is written before the next
  // prompt (or the interrupt of its answer) is looked at.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((err: unknown) => {
      log.error({ err }, 'relay turn failed; handing the call back to the webhooks');
      end({ reason: 'fallback' });
    });
  };

  function end(handoff: Handoff): void {
    if (ended) return;
    ended = true;
    peer.send({ type: 'end', handoffData: JSON.stringify(handoff) });
  }

  async function setup(callSid: unknown): Promise<void> {
    if (call) return; // a repeated setup on this socket: the call is already under way
    if (callSid !== target.callSid) {
      log.warn('relay setup for another call than the socket was opened for; closing');
      peer.close(POLICY_VIOLATION, 'call mismatch');
      return;
    }
    const found = await calls.findBySid(target.companyId, target.callSid);
    if (!found || found.status !== 'in_progress') {
      log.warn('relay setup for a call with no open record; closing');
      peer.close(POLICY_VIOLATION, 'unknown call');
      return;
    }
    call = found;
    speaking = found.turnCount;
  }

  async function turn(text: string, stoppedAt: number): Promise<void> {
    if (!call || ended) return;
    const utterance = text.trim() ? { text: text.trim(), confidence: null } : null;
    // The turn is recorded before a word of it goes out, so whatever picks the call up next (a
    // replayed setup on another socket, the <Gather> fallback after a drop) starts from it. When
    // another delivery took this turn's number first, the state moved under us: run on the new one.
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = (await calls.findBySid(target.companyId, target.callSid)) ?? call;
      const seq = current.turnCount + 1;
      const ran = await runner.run(target.companyId, current, seq, utterance, AbortSignal.timeout(deps.engineBudgetMs));
      const handoff = handoffOf(ran.result);
      const response = JSON.stringify({ transport: 'relay', say: ran.result.say, ...(handoff?.reason === 'transfer' ? { transferTo: handoff.to } : {}) });
      const saved = await runner.record(target.companyId, current, seq, { ran, result: ran.result, response, speechMs: 0, streamed: { transport: 'relay', firstSentMs: null } });
      if (saved !== response) continue;
      const sentences = splitSentences(ran.result.say);
      sentences.forEach((token, i) => peer.send({ type: 'text', token, last: i === sentences.length - 1, interruptible: true }));
      const firstSentMs = Math.round(now() - stoppedAt);
      speaking = seq;
      await calls.markHeard(target.companyId, current.id, seq, { firstSentMs });
      await confirmBooking(deps, target.companyId, ran.result);
      if (handoff) end(handoff);
      return;
    }
    throw new Error('relay turn kept losing its turn number to other deliveries');
  }

  async function interrupted(heard: unknown): Promise<void> {
    if (!call) return;
    await calls.markHeard(target.companyId, call.id, speaking, { interrupted: true, heardText: typeof heard === 'string' ? heard.slice(0, 2000) : null });
  }

  return {
    /** One text frame from Twilio. */
    receive(raw: string): void {
      const message = parse(raw);
      if (!message) {
        log.warn('relay message that is not JSON with a type; ignored');
        return;
      }
      const at = now();
      switch (message.type) {
        case 'setup':
          enqueue(() => setup(message.callSid));
          break;
        case 'prompt':
          // Partial prompts (last: false) only announce what is coming; a turn starts at the last.
          if (message.last === true && typeof message.voicePrompt === 'string') enqueue(() => turn(message.voicePrompt as string, at));
          break;
        case 'interrupt':
          enqueue(() => interrupted(message.utteranceUntilInterrupt));
          break;
        case 'dtmf':
          // A key press is the caller's answer, as it would be to a <Gather>.
          if (typeof message.digit === 'string' && /^[0-9*#]$/.test(message.digit)) enqueue(() => turn(message.digit as string, at));
          break;
        case 'error':
          log.warn({ description: typeof message.description === 'string' ? message.description.slice(0, 200) : null }, 'ConversationRelay reported an error');
          break;
        default:
          log.debug({ type: (message as { type: string }).type }, 'relay message of an unknown type; ignored');
      }
    },

    /** Resolves when every message received so far has been handled (tests, shutdown). */
    settled: () => queue,
  };
}
