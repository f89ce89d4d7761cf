/**
 * The rules a kept day was counted under. Raise it whenever what a day's figures mean changes,
 * so days kept before are counted again (inline or by the recompute job), never shown stale.
 *   1: the first rules (migration 014)
 *   2: leads by the one SQL rule of calls/lead-predicate.ts, as the leads list counts them
 */
export const DAY_RULES = 2;
