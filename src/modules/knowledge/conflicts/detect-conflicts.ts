import { areaConflicts } from './area-claims.ts';
import { hoursConflicts } from './hours-claims.ts';
import { priceConflicts } from './price-claims.ts';
import type { ConflictConfiguration, ConflictEntry, EntryConflicts } from './types.ts';
import { windowConflicts } from './window-claims.ts';

/**
 * The company's own knowledge entries that contradict its booking configuration: hours or days,
 * towns or zips served, prices and fees, arrival windows. The agent answers those from the
 * configuration, so such an entry misleads whoever reads it (and the agent, where a caller's
 * question reaches it). Entries with nothing to flag are left out. Pure.
 */
export function detectKnowledgeConflicts(entries: readonly ConflictEntry[], config: ConflictConfiguration): EntryConflicts[] {
  const out: EntryConflicts[] = [];
  for (const entry of entries) {
    const conflicts = [
      ...hoursConflicts(entry.answer, config.weeklyHours),
      ...areaConflicts(entry.answer, config.serviceArea, config.businessDescription),
      ...priceConflicts(entry, config),
      ...windowConflicts(entry.answer, config.arrivalWindows),
    ];
    if (conflicts.length > 0) out.push({ entryId: entry.id, question: entry.question, conflicts });
  }
  return out;
}
