import type { VoiceProfile } from '../../speech/speech.types.ts';
import { splitSentences } from '../../conversation/sentences.ts';
import type { Synthesis, SynthesisInput, TextToSpeech } from './text-to-speech.ts';

/**
 * The agent's voice on a Media Stream: each reply synthesised over a streaming connection opened
 * ahead of it, its audio sent to Twilio as media frames as it arrives, each chunk followed by a
 * mark naming how much of the reply's text has been sent by then. Twilio echoes a mark when the
 * audio before it has been played, so the marks tell what the caller heard; `clear` (barge-in)
 * drops what Twilio has not played yet.
 */
export type MediaOut =
  | { event: 'media'; media: { payload: string } }
  | { event: 'mark'; mark: { name: string } }
  | { event: 'clear' };

export interface ReplyPlayerDeps {
  tts: TextToSpeech;
  voice: VoiceProfile;
  send(message: MediaOut): void;
  /** The first audio of turn `seq` reached the caller (its first mark came back). */
  heardFirst(seq: number): void;
}

interface Reply {
  seq: number;
  /** The text given so far; `complete` once no more will come. */
  text: string;
  complete: boolean;
  interrupted: boolean;
  synthesis: Synthesis | null;
  /** Characters sent (with audio) so far, and the most the caller is known to have heard. */
  sentChars: number;
  heardChars: number;
  synthesised: boolean;
  marksOut: number;
  finished: () => void;
}

export interface Speaking {
  /** True when the first audio frame went out; false when synthesis failed first. */
  firstFrame: Promise<boolean>;
  /** Resolves when the caller has heard all of it, it was cut off, or it failed. */
  finished: Promise<void>;
}

/** A reply whose sentences come as they are known (a language model still writing). */
export interface Utterance extends Speaking {
  add(sentence: string): void;
  /** No more sentences: the reply is over once they have played. */
  end(): void;
  /** The text given so far. */
  readonly spoken: string;
  /** The caller cut in (barge-in) before it was over. */
  readonly interrupted: boolean;
}

const markName = (seq: number, chars: number) => `${seq}:${chars}`;

export function createReplyPlayer(deps: ReplyPlayerDeps) {
  let warm: Promise<Synthesis> | null = null;
  let current: Reply | null = null;
  let closed = false;

  const open = () => {
    const p = deps.tts.open(deps.voice);
    p.catch(() => undefined); // a failed warm connection is reported when a reply takes it
    return p;
  };
  async function take(): Promise<Synthesis> {
    const ready = warm ? await warm.catch(() => null) : null;
    warm = null;
    return ready?.usable ? ready : open();
  }

  function end(reply: Reply): void {
    if (current === reply) current = null;
    reply.finished();
  }
  // Over when all its audio has played: its synthesis said it was done, or (that word may come
  // after the last mark's echo) the marks played cover the whole text.
  const allHeard = (reply: Reply) => reply.complete && reply.marksOut === 0 && (reply.synthesised || reply.heardChars >= reply.text.length);
  const maybeFinished = (reply: Reply) => {
    if (allHeard(reply)) end(reply);
  };

  return {
    /** Opens the connection the next reply will speak through (at the stream's start, and after each reply). */
    warm(): void {
      if (!closed && !warm) warm = open();
    },

    get playing(): boolean {
      return current !== null;
    },

    /** Speaks a whole reply. */
    speak(seq: number, text: string): Speaking {
      const utterance = this.begin(seq);
      for (const sentence of splitSentences(text)) utterance.add(sentence);
      utterance.end();
      return utterance;
    },

    /**
     * Starts turn `seq`'s reply (cutting off one still playing); its sentences follow with `add`.
     * Sentences given before the synthesis connection is ready wait for it; after a barge-in or
     * once the reply is over, more are ignored.
     */
    begin(seq: number): Utterance {
      let firstFrame!: (sent: boolean) => void;
      const first = new Promise<boolean>((r) => (firstFrame = r));
      let finished!: () => void;
      const done = new Promise<void>((r) => (finished = r));
      const reply: Reply = { seq, text: '', complete: false, interrupted: false, synthesis: null, sentChars: 0, heardChars: 0, synthesised: false, marksOut: 0, finished: () => { firstFrame(false); finished(); } };
      const waiting: string[] = [];
      let input: SynthesisInput | null = null;
      if (current) end(current);
      current = reply;
      void take().then((synthesis) => {
        if (current !== reply || closed) return synthesis.cancel();
        reply.synthesis = synthesis;
        this.warm();
        input = synthesis.start({
          audio(chunk, chars) {
            if (current !== reply) return;
            deps.send({ event: 'media', media: { payload: chunk.toString('base64') } });
            firstFrame(true);
            reply.sentChars = Math.min(reply.text.length, reply.sentChars + chars);
            reply.marksOut++;
            deps.send({ event: 'mark', mark: { name: markName(seq, reply.sentChars) } });
          },
          done() {
            reply.synthesised = true;
            if (reply.sentChars > 0) reply.sentChars = reply.text.length;
            maybeFinished(reply);
          },
          failed() {
            end(reply);
          },
        });
        for (const sentence of waiting.splice(0)) input.say(sentence);
        if (reply.complete) input.end();
      }, () => end(reply));
      const live = () => current === reply && !reply.complete;
      return {
        firstFrame: first,
        finished: done,
        get spoken() {
          return reply.text;
        },
        get interrupted() {
          return reply.interrupted;
        },
        add(sentence) {
          if (!live() || !sentence.trim()) return;
          reply.text += sentence.endsWith(' ') ? sentence : `${sentence} `;
          if (input) input.say(sentence);
          else waiting.push(sentence);
        },
        end() {
          if (!live()) return;
          reply.complete = true;
          // Nothing to say: over at once (no audio will come to end it).
          if (reply.text.trim() === '') return end(reply);
          input?.end();
        },
      };
    },

    /** Twilio played up to a mark of ours. */
    played(name: string): void {
      const reply = current;
      const [seq, chars] = name.split(':').map(Number);
      if (!reply || seq !== reply.seq || !Number.isInteger(chars)) return; // a reply cut off or done: its marks say nothing now
      if (reply.heardChars === 0) deps.heardFirst(reply.seq);
      reply.heardChars = Math.max(reply.heardChars, chars!);
      reply.marksOut = Math.max(0, reply.marksOut - 1);
      maybeFinished(reply);
    },

    /**
     * The caller started talking over the reply: Twilio drops the audio it holds, synthesis
     * stops. Returns the turn cut off and what of it the caller had heard, or null when the
     * agent was not speaking.
     */
    bargeIn(): { seq: number; heardText: string } | null {
      const reply = current;
      if (!reply) return null;
      deps.send({ event: 'clear' });
      reply.interrupted = true;
      reply.synthesis?.cancel();
      end(reply);
      return { seq: reply.seq, heardText: reply.text.slice(0, reply.heardChars).trim() };
    },

    close(): void {
      closed = true;
      current?.synthesis?.cancel();
      if (current) end(current);
      void warm?.then((s) => s.cancel(), () => undefined);
      warm = null;
    },
  };
}

export type ReplyPlayer = ReturnType<typeof createReplyPlayer>;
