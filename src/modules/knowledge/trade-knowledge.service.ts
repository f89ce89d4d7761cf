import type { Db } from '../../db/connect.ts';
import { withPlatform, type PlatformTx } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import { TRADE_KNOWLEDGE } from './catalog/trade-knowledge.catalog.ts';
import type { EmergencyAction, EmergencySeverity, TradeKnowledgeSeed } from './catalog/types.ts';
import { entryValues, patchValues, requiredAnswer, requiredText, type EntryInput } from './knowledge-text.ts';
import { tradeKnowledgeRepository as repo, type EmergencyValues } from './trade-knowledge.repository.ts';

type EntryRow = Awaited<ReturnType<typeof repo.entries>>[number];
type VocabularyRow = Awaited<ReturnType<typeof repo.vocabulary>>[number];
type EmergencyRow = Awaited<ReturnType<typeof repo.emergencies>>[number];

export interface EmergencyInput {
  name: string;
  severity: EmergencySeverity;
  triggers: readonly string[];
  safetyInstruction: string;
  defaultAction: EmergencyAction;
  enabled?: boolean | undefined;
}

const presentEntry = (r: EntryRow) => ({
  id: r.id, question: r.question, answer: r.answer, alternatives: r.alternatives, tags: r.tags, enabled: r.enabled, createdAt: r.created_at, updatedAt: r.updated_at,
});
const presentVocabulary = (r: VocabularyRow) => ({ id: r.id, terms: r.terms, createdAt: r.created_at, updatedAt: r.updated_at });
const presentEmergency = (r: EmergencyRow) => ({
  id: r.id, name: r.name, severity: r.severity, triggers: r.triggers, safetyInstruction: r.safety_instruction,
  defaultAction: r.default_action, enabled: r.enabled, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** Lower case, single spaces, each once; a group or trigger list left too short is a 400. */
function cleanPhrases(phrases: readonly string[], field: string, min: number): string[] {
  const out = [...new Set(phrases.map((p) => p.replace(/\s+/g, ' ').trim().toLowerCase()).filter((p) => p !== ''))];
  if (out.length < min) {
    throw new AppError('VALIDATION_FAILED', `${field} needs at least ${min} different non-blank phrases`, { fields: [{ field, message: `needs at least ${min} different phrases` }] });
  }
  return out;
}

function emergencyValues(input: Partial<EmergencyInput>): Partial<EmergencyValues> {
  return {
    ...(input.name !== undefined ? { name: requiredText(input.name, 'name') } : {}),
    ...(input.severity !== undefined ? { severity: input.severity } : {}),
    ...(input.triggers !== undefined ? { triggers: cleanPhrases(input.triggers, 'triggers', 1) } : {}),
    ...(input.safetyInstruction !== undefined ? { safety_instruction: requiredAnswer(input.safetyInstruction, 'safetyInstruction') } : {}),
    ...(input.defaultAction !== undefined ? { default_action: input.defaultAction } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
  };
}

const found = <T>(row: T | undefined, what: string): T => {
  if (!row) throw notFound(what);
  return row;
};

async function seedCategory(tx: PlatformTx, categoryId: string, seed: TradeKnowledgeSeed): Promise<void> {
  // Creation times a millisecond apart, so the admin lists each kind in the catalog's order.
  const start = Date.now() - 1000;
  const at = (i: number) => ({ created_at: new Date(start + i), updated_at: new Date(start + i) });
  const entries = await repo.claimSeeds(tx, categoryId, 'entry', seed.entries.map((e) => e.key));
  for (const [i, e] of seed.entries.entries()) {
    if (entries.has(e.key)) await repo.insertEntry(tx, categoryId, { ...entryValues(e), seed_key: e.key, ...at(i) });
  }
  const groups = await repo.claimSeeds(tx, categoryId, 'vocabulary', seed.vocabulary.map((v) => v.key));
  for (const [i, v] of seed.vocabulary.entries()) {
    if (groups.has(v.key)) await repo.insertVocabulary(tx, categoryId, cleanPhrases(v.terms, 'terms', 2), { seed_key: v.key, ...at(i) });
  }
  const emergencies = await repo.claimSeeds(tx, categoryId, 'emergency', seed.emergencies.map((e) => e.key));
  for (const [i, e] of seed.emergencies.entries()) {
    if (emergencies.has(e.key)) await repo.insertEmergency(tx, categoryId, { ...(emergencyValues({ ...e, enabled: true }) as EmergencyValues), seed_key: e.key, ...at(i) });
  }
}

export interface TradeKnowledgeHooks {
  /** After any change: searches in this process must read what companies inherit again. */
  onChanged?: () => void;
}

/** Platform admin management of the knowledge each trade category gives its companies. */
export function createTradeKnowledgeService(db: Db, hooks: TradeKnowledgeHooks = {}) {
  const mustFindCategory = async (q: Db | PlatformTx, id: string) => found(await repo.category(q, id), 'Trade category');
  const changed = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    hooks.onChanged?.();
    return result;
  };

  return {
    async get(categoryId: string) {
      return withPlatform(db, async (tx) => {
        const tradeCategory = await mustFindCategory(tx, categoryId);
        const [entries, vocabulary, emergencies] = [await repo.entries(tx, categoryId), await repo.vocabulary(tx, categoryId), await repo.emergencies(tx, categoryId)];
        return { tradeCategory, entries: entries.map(presentEntry), vocabulary: vocabulary.map(presentVocabulary), emergencies: emergencies.map(presentEmergency) };
      });
    },

    createEntry: (categoryId: string, input: EntryInput) => changed(withPlatform(db, async (tx) => {
      await mustFindCategory(tx, categoryId);
      return presentEntry(await repo.insertEntry(tx, categoryId, entryValues(input)));
    })),

    updateEntry: (categoryId: string, id: string, patch: Partial<EntryInput>) => changed(withPlatform(db, async (tx) => {
      const current = found(await repo.findEntry(tx, categoryId, id), 'Trade knowledge entry');
      return presentEntry(found(await repo.updateEntry(tx, categoryId, id, patchValues(current, patch)), 'Trade knowledge entry'));
    })),

    /** Companies' overrides of the entry go with it. */
    removeEntry: (categoryId: string, id: string) => changed(withPlatform(db, async (tx) => void found(await repo.deleteEntry(tx, categoryId, id), 'Trade knowledge entry'))),

    createVocabulary: (categoryId: string, terms: readonly string[]) => changed(withPlatform(db, async (tx) => {
      await mustFindCategory(tx, categoryId);
      return presentVocabulary(await repo.insertVocabulary(tx, categoryId, cleanPhrases(terms, 'terms', 2)));
    })),

    updateVocabulary: (categoryId: string, id: string, terms: readonly string[]) => changed(withPlatform(db, async (tx) =>
      presentVocabulary(found(await repo.updateVocabulary(tx, categoryId, id, cleanPhrases(terms, 'terms', 2)), 'Vocabulary group')))),

    removeVocabulary: (categoryId: string, id: string) => changed(withPlatform(db, async (tx) => void found(await repo.deleteVocabulary(tx, categoryId, id), 'Vocabulary group'))),

    createEmergency: (categoryId: string, input: EmergencyInput) => changed(withPlatform(db, async (tx) => {
      await mustFindCategory(tx, categoryId);
      return presentEmergency(await repo.insertEmergency(tx, categoryId, emergencyValues({ enabled: true, ...input }) as EmergencyValues));
    })),

    updateEmergency: (categoryId: string, id: string, patch: Partial<EmergencyInput>) => changed(withPlatform(db, async (tx) =>
      presentEmergency(found(await repo.updateEmergency(tx, categoryId, id, emergencyValues(patch)), 'Emergency')))),

    removeEmergency: (categoryId: string, id: string) => changed(withPlatform(db, async (tx) => void found(await repo.deleteEmergency(tx, categoryId, id), 'Emergency'))),

    /** The id of a starter entry by trade slug and key (demo data refers to them). */
    entryIdBySeedKey: (categorySlug: string, seedKey: string) => repo.entryIdBySeedKey(db, categorySlug, seedKey),

    /**
     * Applies the starter knowledge of src/modules/knowledge/catalog, each item once per
     * category: safe on every start, and an admin's edits and deletions stay.
     */
    async seed(): Promise<void> {
      const categories = await repo.categoriesBySlug(db, Object.keys(TRADE_KNOWLEDGE));
      for (const c of categories) await withPlatform(db, (tx) => seedCategory(tx, c.id, TRADE_KNOWLEDGE[c.slug]!));
    },
  };
}

export type TradeKnowledgeService = ReturnType<typeof createTradeKnowledgeService>;
