import type { CallsService } from '../../calls/calls.service.ts';
import type { VoiceProfile } from '../../speech/speech.types.ts';
import { createSocketTurns, parseFrame, POLICY_VIOLATION, type SocketTurnDeps } from '../socket-turn.ts';
import type { SocketTarget } from '../socket-url.ts';
import { splitSentences } from '../../conversation/sentences.ts';
import { createReplyPlayer, type MediaOut, type ReplyPlayer, type Utterance } from './reply-player.ts';
import type { LiveRecognition, SpeechToText } from './speech-to-text.ts';
import type { TextToSpeech } from './text-to-speech.ts';

/**
 * One Twilio Media Streams socket: Twilio's messages in (connected, start, media: the caller's
 * μ-law 8 kHz audio, mark: how far our audio has played, dtmf, stop), media frames, marks and
 * `clear` out. The caller's audio goes to live recognition; each complete utterance is a turn of
 * the shared socket conversation (socket-turn.ts) whose answer is spoken by the reply player.
 * Both speech connections are opened as the stream starts. When the caller talks over the
 * agent, the agent stops at once (`clear`) and the turn records what had been heard. The socket
 * is closed after a transfer's or goodbye's words, and on any failure, so the <Connect> action
 * carries the call on (socket-flow.ts): never dead air.
 */
export interface MediaPeer {
  send(message: MediaOut & { streamSid: string }): void;
  close(code: number, reason: string): void;
}

export interface MediaSessionDeps extends SocketTurnDeps {
  calls: Pick<CallsService, 'findBySid' | 'markHeard' | 'recordedTurn'>;
  stt: SpeechToText;
  tts: TextToSpeech;
  /** What the call needs to hear and speak: the company's language, recognition keywords and voice. */
  speechFor(companyId: string): Promise<{ language: string; keywords: string[]; voice: VoiceProfile }>;
  /** How long after a transfer's or goodbye's last audio was sent the stream is closed anyway (ms). */
  handoffGraceMs?: number;
  /** How long a caller may stay silent after the agent spoke before that silence is a turn (ms). */
  silenceMs: number;
}

type Inbound =
  | { event: 'connected' }
  | { event: 'start'; streamSid?: unknown; start?: { callSid?: unknown; streamSid?: unknown } }
  | { event: 'media'; media?: { track?: unknown; payload?: unknown } }
  | { event: 'mark'; mark?: { name?: unknown } }
  | { event: 'dtmf'; dtmf?: { digit?: unknown } }
  | { event: 'stop' };

/** Audio kept while the recognition socket opens (about 5 s of 20 ms frames). */
const MAX_EARLY_FRAMES = 250;


export function createMediaSession(deps: MediaSessionDeps, target: SocketTarget, peer: MediaPeer) {
  const turns = createSocketTurns(deps, target, 'stream', () => hangUpSocket(1011, 'turn failed'));
  const { log, now } = turns;
  let streamSid: string | null = null;
  let recognition: LiveRecognition | null = null;
  let player: ReplyPlayer | null = null;
  let early: Buffer[] = [];
  let closed = false;
  /** When the caller stopped, per turn: the first mark's time is measured from it. */
  const stoppedAt = new Map<number, number>();
  /** When the caller was last heard (speech, words), and the timer that makes a long silence a turn. */
  let callerAt = 0;
  let silence: NodeJS.Timeout | undefined;

  /** The agent finished speaking: if the caller says nothing for a while, that silence is their answer. */
  function awaitAnswer(): void {
    clearTimeout(silence);
    const armedAt = now();
    silence = setTimeout(() => {
      if (closed || callerAt > armedAt || player?.playing) return;
      turns.enqueue(() => reply('', now()));
    }, deps.silenceMs);
    silence.unref();
  }

  function hangUpSocket(code: number, reason: string): void {
    if (closed) return;
    closed = true;
    clearTimeout(silence);
    recognition?.close();
    player?.close();
    peer.close(code, reason);
  }

  const send = (message: MediaOut) => {
    if (streamSid && !closed) peer.send({ ...message, streamSid });
  };

  /** The caller is talking: if the agent is too, it stops, and its turn records what was heard. */
  function callerTalking(): void {
    callerAt = now();
    clearTimeout(silence);
    const cut = player?.bargeIn();
    if (cut) turns.enqueue(() => turns.heard(cut.seq, { interrupted: true, heardText: cut.heardText.slice(0, 2000) }));
  }

  async function reply(text: string, at: number): Promise<void> {
    if (closed || !player) return;
    const speaker = player;
    let finished: Promise<void> = Promise.resolve();
    // Sentences the engine is sure of start synthesis while it works on; the rest joins them.
    let utterance: Utterance | null = null;
    let firstFrameAt: Promise<number | null> = Promise.resolve(null);
    const begin = (seq: number): Utterance => {
      if (utterance) return utterance;
      stoppedAt.set(seq, at);
      const started = speaker.begin(seq);
      utterance = started;
      finished = started.finished;
      void finished.then(awaitAnswer);
      firstFrameAt = started.firstFrame.then((sent) => (sent ? now() : null));
      return started;
    };
    const done = await turns.turn(text, at, async (say, seq) => {
      const speaking = begin(seq);
      for (const sentence of splitSentences(say)) speaking.add(sentence);
      speaking.end();
      const sentAt = await firstFrameAt;
      // No audio at all, and not because the caller cut in before it: synthesis failed.
      if (sentAt === null && speaking.spoken.trim() && !speaking.interrupted) throw new Error('streaming speech failed before its first audio');
      return sentAt;
    }, (sentence, seq) => begin(seq).add(sentence));
    if (done?.handoff) {
      // The words of a transfer or goodbye are heard out before the <Connect> action takes over.
      await Promise.race([finished, new Promise((r) => setTimeout(r, deps.handoffGraceMs ?? 15_000).unref())]);
      hangUpSocket(1000, 'handoff');
    }
  }

  async function start(callSid: unknown, sid: unknown): Promise<void> {
    const opened = await turns.open(callSid);
    if (opened === 'again') return;
    if (opened === 'refused' || typeof sid !== 'string' || !sid) return hangUpSocket(POLICY_VIOLATION, 'call refused');
    streamSid = sid;
    const startedAt = now();
    const call = turns.call!;
    const speech = await deps.speechFor(target.companyId);
    player = createReplyPlayer({
      tts: deps.tts,
      voice: speech.voice,
      send,
      heardFirst: (seq) => {
        const from = stoppedAt.get(seq);
        if (from !== undefined) turns.enqueue(() => turns.heard(seq, { firstHeardMs: Math.round(now() - from) }));
      },
    });
    player.warm();
    // Recognition opens while the greeting starts: the caller's first words are kept until it is up.
    const listening = deps.stt.open({ language: speech.language, keywords: speech.keywords }, {
      speechStarted: callerTalking,
      interim: callerTalking,
      utterance: (text) => {
        const at = now();
        callerTalking();
        turns.enqueue(() => reply(text, at));
      },
      closed: (error) => {
        if (error && !closed) {
          log.warn({ err: error }, 'speech recognition closed mid-call; handing the call back to the webhooks');
          hangUpSocket(1011, 'recognition closed');
        }
      },
    });
    listening.catch(() => undefined); // reported below, after the greeting started
    // The greeting is spoken over the stream, once per call: a second stream of the same call does not greet again.
    const greeting = call.turnCount === 0 ? await deps.calls.recordedTurn(target.companyId, call.id, 0) : undefined;
    const greeted = greeting && greeting.firstSentMs === null ? greet(greeting.agentText, startedAt) : Promise.resolve();
    recognition = await listening;
    for (const frame of early) recognition.send(frame);
    early = [];
    await greeted;
  }

  async function greet(text: string, startedAt: number): Promise<void> {
    stoppedAt.set(0, startedAt);
    const speaking = player!.speak(0, text);
    void speaking.finished.then(awaitAnswer);
    if (await speaking.firstFrame) await turns.heard(0, { firstSentMs: Math.round(now() - startedAt) });
  }

  return {
    /** One text frame from Twilio. */
    receive(raw: string): void {
      const message = parseFrame<Inbound>(raw, 'event');
      if (!message || closed) return;
      switch (message.event) {
        case 'start':
          turns.enqueue(() => start(message.start?.callSid, message.start?.streamSid ?? message.streamSid));
          break;
        case 'media': {
          const payload = message.media?.payload;
          if (typeof payload !== 'string' || (message.media?.track !== undefined && message.media.track !== 'inbound')) break;
          const audio = Buffer.from(payload, 'base64');
          if (recognition) recognition.send(audio);
          else if (early.length < MAX_EARLY_FRAMES) early.push(audio);
          break;
        }
        case 'mark':
          if (typeof message.mark?.name === 'string') player?.played(message.mark.name);
          break;
        case 'dtmf': {
          const digit = message.dtmf?.digit;
          if (typeof digit === 'string' && /^[0-9*#]$/.test(digit)) {
            const at = now();
            callerTalking();
            turns.enqueue(() => reply(digit, at));
          }
          break;
        }
        case 'stop':
          hangUpSocket(1000, 'stopped');
          break;
        default:
          break; // connected, and anything new: nothing to do
      }
    },

    /** The socket closed (Twilio hung up, or the network dropped). */
    closedByPeer(): void {
      if (closed) return;
      closed = true;
      clearTimeout(silence);
      recognition?.close();
      player?.close();
    },

    settled: turns.settled,
  };
}
