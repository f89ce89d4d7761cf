import type { AgentProfile, AgentTools, CallFacts, CallOutcome, TurnInput, TurnResult } from '../types.ts';
import type { Heard } from './understand/heard.ts';
import type { EmbeddedState, Step } from './state.ts';

/** One turn being answered: the input, the tools, and the state the answer will leave. */
export interface Turn {
  input: TurnInput;
  tools: AgentTools;
  profile: AgentProfile;
  /** What the caller said this turn (never null inside flows: silence is handled before). */
  heard: Heard;
  raw: string;
  facts: CallFacts;
  st: EmbeddedState;
  bookingId: string | undefined;
  now: Date;
}

export interface Reply {
  say: string;
  intent: string;
  next?: TurnResult['next'];
  outcome?: CallOutcome;
  /** The agent did not understand this turn (counts toward the misunderstanding limit). */
  misunderstood?: boolean;
}

/** Asks a question and waits for the answer at `step`; the question is kept for a re-prompt. */
export function ask(turn: Turn, step: Step, question: string, intent: string, lead = ''): Reply {
  turn.st.step = step;
  turn.st.prompt = question;
  return { say: joinSay(lead, question), intent };
}

/** Ends the call after saying this. */
export function hangUp(turn: Turn, say: string, intent: string, outcome?: CallOutcome): Reply {
  turn.st.step = 'ended';
  turn.st.prompt = '';
  return { say, intent, next: { kind: 'hangup' }, ...(outcome ? { outcome } : {}) };
}

/** Hands the call to a person at `to` after saying this. */
export function transfer(turn: Turn, to: string, say: string, intent: string, outcome: CallOutcome = 'transferred'): Reply {
  turn.st.step = 'ended';
  turn.st.prompt = '';
  return { say, intent, next: { kind: 'transfer', to }, outcome };
}

/** Sentences joined with one space, empty parts dropped. */
export const joinSay = (...parts: string[]): string => parts.map((p) => p.trim()).filter((p) => p !== '').join(' ');

export const ANYTHING_ELSE = 'Is there anything else I can help you with?';

/** A service name inside a sentence: 'Drain cleaning' → 'drain cleaning'; acronyms stay ('AC tune-up'). */
export const serviceWords = (name: string): string => name.replace(/\b[A-Za-z][a-z]*\b/g, (w) => w.toLowerCase());
