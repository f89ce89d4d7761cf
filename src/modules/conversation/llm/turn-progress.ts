import type { BookingSummary, CallOutcome, DialogState, TurnInput } from '../types.ts';
import { readMemory, type LlmMemory } from './llm-memory.ts';

/**
 * What one turn has done so far, as the server saw it: tool results, not the model's words.
 * The reply and the outcome are decided from this.
 */
export interface TurnProgress {
  state: DialogState;
  memory: LlmMemory;
  outcome?: CallOutcome;
  intent?: string;
  held?: BookingSummary;
  confirmed?: BookingSummary;
  /** An anonymous visitor's booking sent to the company as a request (not confirmed). */
  requested?: BookingSummary;
  cancelled?: BookingSummary;
  rescheduled?: BookingSummary;
  messageTaken?: boolean;
  /** An emergency's safety instruction, said first in this turn's reply. */
  safetyInstruction?: string;
  terminal?: { kind: 'hangup' } | { kind: 'transfer'; to: string };
  /** Calls made per tool this turn: the n in each idempotency key. */
  calls: Map<string, number>;
}

export function startProgress(input: TurnInput): TurnProgress {
  const state = structuredClone(input.state);
  return { state, memory: readMemory(state), calls: new Map() };
}

// The strongest outcome wins: a call that booked after asking a question is a booking.
const RANK: Record<CallOutcome, number> = { abandoned: 0, answered: 1, message: 2, transferred: 3, emergency: 4, booked: 5 };

export function reach(progress: TurnProgress, outcome: CallOutcome, intent: string): void {
  if (!progress.outcome || RANK[outcome] >= RANK[progress.outcome]) progress.outcome = outcome;
  progress.intent = intent;
}

/** Whether the turn changed something the caller must hear about (a write committed). */
export const hasCommitted = (p: TurnProgress): boolean =>
  Boolean(p.held || p.confirmed || p.requested || p.cancelled || p.rescheduled || p.messageTaken || p.terminal);
