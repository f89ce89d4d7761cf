/**
 * Starter knowledge a trade category ships with. `key` is stable: the seed applies each key
 * once per category (see trade-knowledge.service.ts), so an admin's edits and deletions stick
 * and a key added in a later release is applied on the next start.
 */
export type EmergencySeverity = 'life_safety' | 'urgent';
/** What the agent does after reading the safety instruction. */
export type EmergencyAction = 'transfer_on_call' | 'book_urgent' | 'take_message';

export interface TradeEntrySeed {
  key: string;
  question: string;
  answer: string;
  alternatives?: string[];
  tags?: string[];
}

/** Words and phrases callers use for one thing; the first is the canonical term. */
export interface VocabularySeed {
  key: string;
  terms: string[];
}

export interface EmergencySeed {
  key: string;
  name: string;
  severity: EmergencySeverity;
  triggers: string[];
  safetyInstruction: string;
  defaultAction: EmergencyAction;
}

export interface TradeKnowledgeSeed {
  entries: TradeEntrySeed[];
  vocabulary: VocabularySeed[];
  emergencies: EmergencySeed[];
}
