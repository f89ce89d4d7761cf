import { createSocketTurns, parseFrame, POLICY_VIOLATION, type Handoff, type SocketTurnDeps } from './socket-turn.ts';
import { splitSentences } from '../conversation/sentences.ts';
import type { SocketTarget } from './socket-url.ts';

/**
 * One ConversationRelay socket: Twilio's messages in (setup, prompt, interrupt, dtmf, error),
 * our text tokens and `end` out. The conversation is the shared socket turn (socket-turn.ts): if
 * the socket dies the <Connect> action carries the call on from the database.
 */
export type RelayOut =
  | { type: 'text'; token: string; last: boolean; interruptible?: boolean }
  | { type: 'end'; handoffData: string };

export interface RelayPeer {
  send(message: RelayOut): void;
  /** Closes the socket: a protocol violation (wrong call, no call). */
  close(code: number, reason: string): void;
}

export type RelaySessionDeps = SocketTurnDeps;

type Inbound =
  | { type: 'setup'; callSid?: unknown }
  | { type: 'prompt'; voicePrompt?: unknown; last?: unknown }
  | { type: 'interrupt'; utteranceUntilInterrupt?: unknown }
  | { type: 'dtmf'; digit?: unknown }
  | { type: 'error'; description?: unknown };


export function createRelaySession(deps: RelaySessionDeps, target: SocketTarget, peer: RelayPeer) {
  const turns = createSocketTurns(deps, target, 'relay', () => end({ reason: 'fallback' }));
  const { log, now } = turns;
  /** The turn whose words the caller is hearing (0: the greeting), for an interrupt. */
  let speaking = 0;
  let ended = false;

  function end(handoff: Handoff): void {
    if (ended) return;
    ended = true;
    peer.send({ type: 'end', handoffData: JSON.stringify(handoff) });
  }

  async function setup(callSid: unknown): Promise<void> {
    const opened = await turns.open(callSid);
    if (opened === 'refused') peer.close(POLICY_VIOLATION, 'call refused');
    if (opened === 'opened') speaking = turns.call!.turnCount;
  }

  async function turn(text: string, stoppedAt: number): Promise<void> {
    if (ended) return;
    // The engine's early sentences go out as they come (a model still writing the rest); the
    // rest follows sentence by sentence, its last one closing the answer.
    let firstAt: number | null = null;
    const done = await turns.turn(text, stoppedAt, async (say) => {
      const sentences = splitSentences(say);
      firstAt ??= now();
      if (sentences.length === 0) peer.send({ type: 'text', token: '', last: true, interruptible: true });
      sentences.forEach((token, i) => peer.send({ type: 'text', token, last: i === sentences.length - 1, interruptible: true }));
      return firstAt;
    }, (sentence) => {
      firstAt ??= now();
      peer.send({ type: 'text', token: `${sentence} `, last: false, interruptible: true });
    });
    if (!done) return;
    speaking = done.seq;
    if (done.handoff) end(done.handoff);
  }

  return {
    /** One text frame from Twilio. */
    receive(raw: string): void {
      const message = parseFrame<Inbound>(raw, 'type');
      if (!message) {
        log.warn('relay message that is not JSON with a type; ignored');
        return;
      }
      const at = now();
      switch (message.type) {
        case 'setup':
          turns.enqueue(() => setup(message.callSid));
          break;
        case 'prompt':
          // Partial prompts (last: false) only announce what is coming; a turn starts at the last.
          if (message.last === true && typeof message.voicePrompt === 'string') turns.enqueue(() => turn(message.voicePrompt as string, at));
          break;
        case 'interrupt': {
          const heard = message.utteranceUntilInterrupt;
          turns.enqueue(() => turns.heard(speaking, { interrupted: true, heardText: typeof heard === 'string' ? heard.slice(0, 2000) : null }));
          break;
        }
        case 'dtmf':
          // A key press is the caller's answer, as it would be to a <Gather>.
          if (typeof message.digit === 'string' && /^[0-9*#]$/.test(message.digit)) turns.enqueue(() => turn(message.digit as string, at));
          break;
        case 'error':
          log.warn({ description: typeof message.description === 'string' ? message.description.slice(0, 200) : null }, 'ConversationRelay reported an error');
          break;
        default:
          log.debug({ type: (message as { type: string }).type }, 'relay message of an unknown type; ignored');
      }
    },

    /** Resolves when every message received so far has been handled (tests, shutdown). */
    settled: turns.settled,
  };
}
