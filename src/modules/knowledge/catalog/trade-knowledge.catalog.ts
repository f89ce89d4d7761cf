import { ELECTRICAL } from './electrical.ts';
import { GARAGE_DOORS } from './garage-doors.ts';
import { HVAC } from './hvac.ts';
import { PLUMBING } from './plumbing.ts';
import type { TradeKnowledgeSeed } from './types.ts';

/** Starter knowledge by trade category slug, seeded at start (each key once per category). */
export const TRADE_KNOWLEDGE: Readonly<Record<string, TradeKnowledgeSeed>> = {
  plumbing: PLUMBING,
  hvac: HVAC,
  electrical: ELECTRICAL,
  'garage-doors': GARAGE_DOORS,
};
