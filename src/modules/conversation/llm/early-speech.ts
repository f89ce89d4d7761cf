import { splitSentences } from '../sentences.ts';
import { bookingClaims } from './booking-claims.ts';
import { forTheEar } from './read-aloud.ts';
import { hasCommitted, type TurnProgress } from './turn-progress.ts';

/**
 * The sentences of the model's answer a streaming call hears while the model is still writing.
 * A sentence goes out once it is whole (the next one has begun), read for the ear, and only
 * while the server has nothing of its own to say: before any write this turn (a hold, booking,
 * cancellation, message or handoff is said in the server's words), and never a sentence that
 * claims a booking or cancellation (decideReply checks those against the tools) — after such a
 * sentence nothing more of the turn goes early. The emergency's safety instruction, known before
 * the model is asked, is said first.
 */
export interface EarlySpeech {
  /** For one model request: the stream's text handler, or undefined (no stream this request). */
  round(): ((delta: string) => void) | undefined;
  /**
   * The request's answer is whole. Without tool calls its last sentence may go too; with them it
   * waits (as today, the words beside a tool call are heard only if the server does not speak).
   */
  endRound(toolCalls: number): void;
  /** The final answer's text not yet spoken (all of it when none of this request's text was). */
  unspoken(modelText: string | null): string | null;
  /** The reply as heard: what went early, then the rest. */
  heard(rest: string | null): string | null;
  readonly safetySpoken: boolean;
}

export function createEarlySpeech(speak: ((sentence: string) => void) | undefined, progress: TurnProgress): EarlySpeech {
  const spoken: string[] = [];
  let text = '';
  let spokenChars = 0;
  let halted = false;
  let safetySpoken = false;

  const say = (sentence: string) => {
    spoken.push(sentence);
    speak!(sentence);
  };

  let streaming = false;

  function flush(whole: boolean): void {
    const pieces = splitSentences(text.slice(spokenChars));
    // The last piece may still be growing ("It's $1" of "$149."): it waits for the next.
    for (const piece of whole ? pieces : pieces.slice(0, -1)) {
      const sentence = forTheEar(piece);
      if (bookingClaims(sentence).size > 0) {
        halted = true;
        return;
      }
      if (!safetySpoken && progress.safetyInstruction) {
        say(progress.safetyInstruction);
        safetySpoken = true;
      }
      if (sentence) say(sentence);
      spokenChars += piece.length;
    }
  }

  return {
    round() {
      text = '';
      spokenChars = 0;
      streaming = Boolean(speak) && !halted && !hasCommitted(progress);
      if (!streaming) return undefined;
      return (delta) => {
        if (halted) return;
        text += delta;
        flush(false);
      };
    },
    endRound(toolCalls) {
      if (streaming && !halted && toolCalls === 0) flush(true);
      streaming = false;
    },
    unspoken(modelText) {
      if (modelText === null || spokenChars === 0 || !modelText.startsWith(text.slice(0, spokenChars))) return modelText;
      return modelText.slice(spokenChars);
    },
    heard(rest) {
      if (spoken.length === 0) return rest;
      return [...spoken, ...(rest ? [rest] : [])].join(' ');
    },
    get safetySpoken() {
      return safetySpoken;
    },
  };
}
