import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { entriesToCsv, rowsFromCsv, validateImportRows, type ExportEntry } from './knowledge-import.ts';
import type { EmergencyDeps } from './knowledge-emergencies.service.ts';
import { createKnowledgeSearch } from './knowledge-search.service.ts';
import { entryValues, patchValues, requiredAnswer, type EntryInput, type EntryValues } from './knowledge-text.ts';
import { presentEntry as present, presentInherited, type KnowledgeEntry } from './knowledge-present.ts';
import { knowledgeRepository as repo, type EntryFilter } from './knowledge.repository.ts';
import { createUnansweredQuestions } from './unanswered-questions.service.ts';
import { changedFields } from '../audit/changed-fields.ts';

export type EntryPatch = Partial<EntryInput>;
type EntryRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type InheritedRow = Awaited<ReturnType<typeof repo.inherited>>[number];

const toExport = (e: KnowledgeEntry): ExportEntry => ({ question: e.question, answer: e.answer, alternatives: e.alternatives, tags: e.tags, enabled: e.enabled });

// The audit log names the fields that changed, not the texts.

function createKnowledgeEntries(db: Db, audit: AuditService, onOverridesChanged: (companyId: string) => void) {
  async function mustFind(tx: TenantTx, companyId: string, id: string): Promise<EntryRow> {
    const row = await repo.findById(tx, companyId, id);
    if (!row) throw notFound('Knowledge entry');
    return row;
  }

  async function mustFindInherited(tx: TenantTx, companyId: string, tradeEntryId: string): Promise<InheritedRow> {
    const [row] = await repo.inherited(tx, companyId, tradeEntryId);
    if (!row) throw notFound('Inherited knowledge entry');
    return row;
  }

  async function writeImport(tx: TenantTx, actor: Actor, companyId: string, values: EntryValues[], mode: 'append' | 'replace') {
    const deleted = mode === 'replace' ? await repo.deleteAll(tx, companyId) : 0;
    const created = await repo.insertMany(tx, companyId, values);
    await audit.record(tx, companyId, actor, { action: 'knowledge.imported', entityType: 'knowledge_entry', changes: { mode, created, deleted } });
    return { mode, created, deleted };
  }

  return {
    async list(companyId: string, filter: EntryFilter, page: PageRequest) {
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, filter, page));
      return toPage(rows.map(present), page);
    },

    get: (companyId: string, id: string) => withTenant(db, companyId, async (tx) => present(await mustFind(tx, companyId, id))),

    async create(actor: Actor, companyId: string, input: EntryInput): Promise<KnowledgeEntry> {
      const values = entryValues(input);
      return withTenant(db, companyId, async (tx) => {
        const { id } = await repo.insert(tx, companyId, values);
        await audit.record(tx, companyId, actor, { action: 'knowledge.created', entityType: 'knowledge_entry', entityId: id, changes: { fields: changedFields(input) } });
        return present(await mustFind(tx, companyId, id));
      });
    },

    async update(actor: Actor, companyId: string, id: string, patch: EntryPatch): Promise<KnowledgeEntry> {
      return withTenant(db, companyId, async (tx) => {
        const current = await mustFind(tx, companyId, id);
        await repo.update(tx, companyId, id, patchValues(current, patch));
        await audit.record(tx, companyId, actor, { action: 'knowledge.updated', entityType: 'knowledge_entry', entityId: id, changes: { fields: changedFields(patch) } });
        return present(await mustFind(tx, companyId, id));
      });
    },

    async remove(actor: Actor, companyId: string, id: string): Promise<void> {
      await withTenant(db, companyId, async (tx) => {
        if (!(await repo.delete(tx, companyId, id))) throw notFound('Knowledge entry');
        await audit.record(tx, companyId, actor, { action: 'knowledge.deleted', entityType: 'knowledge_entry', entityId: id });
      });
    },

    /** All or nothing: every row is checked before anything is written. */
    async importEntries(actor: Actor, companyId: string, body: { entries: unknown[] } | string, mode: 'append' | 'replace' = 'append') {
      const rows = typeof body === 'string' ? rowsFromCsv(body) : body.entries.map((value, i) => ({ row: i + 1, value }));
      const values = validateImportRows(rows);
      return withTenant(db, companyId, (tx) => writeImport(tx, actor, companyId, values, mode));
    },

    /** For a caller that validated rows itself and owns the transaction (the configuration document). */
    importWithin: (tx: TenantTx, actor: Actor, companyId: string, entries: readonly EntryInput[], mode: 'append' | 'replace') =>
      writeImport(tx, actor, companyId, validateImportRows(entries.map((value, i) => ({ row: i + 1, value }))), mode),

    /** Checks entries as an import would, without writing (VALIDATION_FAILED naming each bad row, 1-based); answers them cleaned, as an export would show them. */
    checkEntries: (entries: readonly unknown[]): ExportEntry[] =>
      validateImportRows(entries.map((value, i) => ({ row: i + 1, value }))).map((v) => ({ question: v.question, answer: v.answer, alternatives: v.alternatives, tags: v.tags, enabled: v.enabled })),

    // Inside a caller's transaction (the configuration document); the caller audits and, after
    // its commit, calls `forgetInherited` when overrides changed.
    exportIn: async (tx: TenantTx, companyId: string): Promise<ExportEntry[]> => (await repo.all(tx, companyId)).map(present).map(toExport),
    /** Inherited entries with their starter key (stable across platforms; null for an admin's own). */
    inheritedIn: async (tx: TenantTx, companyId: string) => (await repo.inherited(tx, companyId)).map((r) => ({ ...presentInherited(r), seedKey: r.seed_key })),
    setOverrideIn: (tx: TenantTx, companyId: string, tradeEntryId: string, input: { enabled: boolean; answer: string | null }) =>
      repo.upsertOverride(tx, companyId, tradeEntryId, { enabled: input.enabled, answer: input.answer === null ? null : requiredAnswer(input.answer) }),
    clearOverrideIn: (tx: TenantTx, companyId: string, tradeEntryId: string) => repo.deleteOverride(tx, companyId, tradeEntryId),

    async exportEntries(companyId: string, format: 'json' | 'csv'): Promise<{ entries: ExportEntry[] } | string> {
      const entries = (await withTenant(db, companyId, (tx) => repo.all(tx, companyId))).map(present).map(toExport);
      return format === 'csv' ? entriesToCsv(entries) : { entries };
    },

    async listInherited(companyId: string) {
      return (await withTenant(db, companyId, (tx) => repo.inherited(tx, companyId))).map(presentInherited);
    },

    getInherited: (companyId: string, tradeEntryId: string) =>
      withTenant(db, companyId, async (tx) => presentInherited(await mustFindInherited(tx, companyId, tradeEntryId))),

    /** The company's own answer for an inherited entry, or the entry switched off for it. */
    async setOverride(actor: Actor, companyId: string, tradeEntryId: string, input: { enabled: boolean; answer?: string | null | undefined }) {
      const answer = input.answer == null ? null : requiredAnswer(input.answer);
      return withTenant(db, companyId, async (tx) => {
        await mustFindInherited(tx, companyId, tradeEntryId);
        await repo.upsertOverride(tx, companyId, tradeEntryId, { answer, enabled: input.enabled });
        await audit.record(tx, companyId, actor, {
          action: 'knowledge.override_set', entityType: 'trade_knowledge_entry', entityId: tradeEntryId, changes: { enabled: input.enabled, ownAnswer: answer !== null },
        });
        return presentInherited(await mustFindInherited(tx, companyId, tradeEntryId));
      }).finally(() => onOverridesChanged(companyId));
    },

    /** Back to the trade's entry as published. */
    async clearOverride(actor: Actor, companyId: string, tradeEntryId: string): Promise<void> {
      await withTenant(db, companyId, async (tx) => {
        await mustFindInherited(tx, companyId, tradeEntryId);
        await repo.deleteOverride(tx, companyId, tradeEntryId);
        await audit.record(tx, companyId, actor, { action: 'knowledge.override_cleared', entityType: 'trade_knowledge_entry', entityId: tradeEntryId });
      }).finally(() => onOverridesChanged(companyId));
    },
  };
}

/**
 * Everything about one company's knowledge: its entries, the trade entries it inherits,
 * retrieval for the phone agent and the questions the agent could not answer.
 */
export function createKnowledgeService(db: Db, audit: AuditService, deps: EmergencyDeps) {
  const search = createKnowledgeSearch(db, deps);
  return {
    ...createKnowledgeEntries(db, audit, (companyId) => search.forgetInherited(companyId)),
    ...search,
    ...createUnansweredQuestions(db, audit, search.lexiconOf),
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
