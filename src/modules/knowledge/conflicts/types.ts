import type { WeeklyHours } from '../../booking/engine/types.ts';

/**
 * What the knowledge-conflict detector reads: the company's own entries and the booking
 * configuration the agent answers hours, area, prices and arrival windows from.
 */
export interface ConflictEntry {
  id: string;
  question: string;
  answer: string;
}

export interface ConflictConfiguration {
  weeklyHours: WeeklyHours;
  serviceArea: readonly string[];
  arrivalWindows: readonly { start: string; end: string }[];
  services: readonly { name: string; priceText: string }[];
  /** The on-call surcharge note (null: no on-call hours). */
  onCallSurchargeNote: string | null;
  /** The agent's business description: towns it names count as served, as the agent says them. */
  businessDescription: string;
}

export type ConflictTopic = 'hours' | 'area' | 'price' | 'windows';

export interface Conflict {
  topic: ConflictTopic;
  /** What the entry states, in its own words (the clause that was read). */
  says: string;
  /** What the configuration says instead. */
  configured: string;
}

export interface EntryConflicts {
  entryId: string;
  question: string;
  conflicts: Conflict[];
}

/** The entry's sentences (split at . ! ? ; and line ends), trimmed. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/).map((s) => s.trim()).filter((s) => s !== '');
}
