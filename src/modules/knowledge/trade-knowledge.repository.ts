import type { Db } from '../../db/connect.ts';
import type { PlatformTx } from '../../db/tenant.ts';
import type { EmergencySeverity, EmergencyAction } from './catalog/types.ts';
import type { EntryValues } from './knowledge-text.ts';

type Q = Db | PlatformTx;

export interface EmergencyValues {
  name: string;
  severity: EmergencySeverity;
  triggers: string[];
  safety_instruction: string;
  default_action: EmergencyAction;
  enabled: boolean;
}

/** What the start-up seed sets besides the content. */
interface Seeded {
  seed_key: string;
  created_at: Date;
  updated_at: Date;
}

const ENTRY_COLUMNS = ['id', 'question', 'answer', 'alternatives', 'tags', 'enabled', 'created_at', 'updated_at'] as const;
const VOCABULARY_COLUMNS = ['id', 'terms', 'created_at', 'updated_at'] as const;
const EMERGENCY_COLUMNS = ['id', 'name', 'severity', 'triggers', 'safety_instruction', 'default_action', 'enabled', 'created_at', 'updated_at'] as const;

/** Platform-level: reached only by admin routes and the start-up seed, never inside a tenant. */
export const tradeKnowledgeRepository = {
  category(q: Q, id: string) {
    return q.selectFrom('platform.trade_categories').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
  },

  categoriesBySlug(q: Q, slugs: string[]) {
    return q.selectFrom('platform.trade_categories').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  },

  entries: (q: Q, categoryId: string) =>
    q.selectFrom('platform.trade_knowledge_entries').select(ENTRY_COLUMNS).where('trade_category_id', '=', categoryId).orderBy('created_at').orderBy('id').execute(),
  findEntry: (q: Q, categoryId: string, id: string) =>
    q.selectFrom('platform.trade_knowledge_entries').select(ENTRY_COLUMNS).where('trade_category_id', '=', categoryId).where('id', '=', id).executeTakeFirst(),
  insertEntry: (q: Q, categoryId: string, values: EntryValues & Partial<Seeded>) =>
    q.insertInto('platform.trade_knowledge_entries').values({ trade_category_id: categoryId, ...values }).returning(ENTRY_COLUMNS).executeTakeFirstOrThrow(),
  updateEntry: (q: Q, categoryId: string, id: string, patch: Partial<EntryValues>) =>
    q.updateTable('platform.trade_knowledge_entries').set({ ...patch, updated_at: new Date() })
      .where('trade_category_id', '=', categoryId).where('id', '=', id).returning(ENTRY_COLUMNS).executeTakeFirst(),
  deleteEntry: (q: Q, categoryId: string, id: string) =>
    q.deleteFrom('platform.trade_knowledge_entries').where('trade_category_id', '=', categoryId).where('id', '=', id).returning('id').executeTakeFirst(),

  vocabulary: (q: Q, categoryId: string) =>
    q.selectFrom('platform.trade_vocabulary').select(VOCABULARY_COLUMNS).where('trade_category_id', '=', categoryId).orderBy('created_at').orderBy('id').execute(),
  insertVocabulary: (q: Q, categoryId: string, terms: string[], seed: Partial<Seeded> = {}) =>
    q.insertInto('platform.trade_vocabulary').values({ trade_category_id: categoryId, terms, ...seed }).returning(VOCABULARY_COLUMNS).executeTakeFirstOrThrow(),
  updateVocabulary: (q: Q, categoryId: string, id: string, terms: string[]) =>
    q.updateTable('platform.trade_vocabulary').set({ terms, updated_at: new Date() })
      .where('trade_category_id', '=', categoryId).where('id', '=', id).returning(VOCABULARY_COLUMNS).executeTakeFirst(),
  deleteVocabulary: (q: Q, categoryId: string, id: string) =>
    q.deleteFrom('platform.trade_vocabulary').where('trade_category_id', '=', categoryId).where('id', '=', id).returning('id').executeTakeFirst(),

  emergencies: (q: Q, categoryId: string) =>
    q.selectFrom('platform.trade_emergencies').select(EMERGENCY_COLUMNS).where('trade_category_id', '=', categoryId).orderBy('created_at').orderBy('id').execute(),
  findEmergency: (q: Q, categoryId: string, id: string) =>
    q.selectFrom('platform.trade_emergencies').select(EMERGENCY_COLUMNS).where('trade_category_id', '=', categoryId).where('id', '=', id).executeTakeFirst(),
  insertEmergency: (q: Q, categoryId: string, values: EmergencyValues & Partial<Seeded>) =>
    q.insertInto('platform.trade_emergencies').values({ trade_category_id: categoryId, ...values }).returning(EMERGENCY_COLUMNS).executeTakeFirstOrThrow(),
  updateEmergency: (q: Q, categoryId: string, id: string, patch: Partial<EmergencyValues>) =>
    q.updateTable('platform.trade_emergencies').set({ ...patch, updated_at: new Date() })
      .where('trade_category_id', '=', categoryId).where('id', '=', id).returning(EMERGENCY_COLUMNS).executeTakeFirst(),
  deleteEmergency: (q: Q, categoryId: string, id: string) =>
    q.deleteFrom('platform.trade_emergencies').where('trade_category_id', '=', categoryId).where('id', '=', id).returning('id').executeTakeFirst(),

  /** Records starter items as applied; returns the keys that were new (and so must be inserted now). */
  async claimSeeds(q: Q, categoryId: string, kind: 'entry' | 'vocabulary' | 'emergency', keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await q.insertInto('platform.trade_knowledge_seeds')
      .values(keys.map((seed_key) => ({ trade_category_id: categoryId, kind, seed_key })))
      .onConflict((oc) => oc.doNothing()).returning('seed_key').execute();
    return new Set(rows.map((r) => r.seed_key));
  },

  /** A starter entry by its key, for seeds that refer to one (demo overrides). */
  async entryIdBySeedKey(q: Q, categorySlug: string, seedKey: string): Promise<string | undefined> {
    const row = await q.selectFrom('platform.trade_knowledge_entries as t').innerJoin('platform.trade_categories as c', 'c.id', 't.trade_category_id')
      .select('t.id').where('c.slug', '=', categorySlug).where('t.seed_key', '=', seedKey).executeTakeFirst();
    return row?.id;
  },
};
