import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';

export interface CandidateRow {
  source: 'company' | 'trade';
  id: string;
  trade_category_id: string | null;
  question: string;
  answer: string;
  alternatives: string[];
  /** pg_trgm word_similarity of the caller's words to the entry's phrasings, 0..1. */
  trigram: number;
}

/**
 * The searchable knowledge of one company: its enabled entries plus the enabled trade entries
 * of its categories that it has not switched off (with its own answer where it overrides).
 */
export const knowledgeSearchRepository = {
  /** Synonym groups of the company's trade categories. */
  async vocabulary(tx: TenantTx, companyId: string): Promise<string[][]> {
    const rows = await tx.selectFrom('platform.trade_vocabulary as v')
      .innerJoin('company_trade_categories as c', (j) => j.onRef('c.trade_category_id', '=', 'v.trade_category_id').on('c.company_id', '=', companyId))
      .select('v.terms').orderBy('v.trade_category_id').orderBy('v.created_at').orderBy('v.id').execute();
    return rows.map((r) => r.terms);
  },

  /**
   * Entries matching the full-text query, best first by ts_rank, at most `perSource` from the
   * company and from the trades, leaving out `exclude`; with pg_trgm's word similarity of the
   * caller's words to each (computed for these rows only: it costs more than the match).
   * `tsQuery` comes from buildTsQueries (only [a-z0-9] words and operators).
   */
  async candidates(tx: TenantTx, companyId: string, input: { tsQuery: string; text: string; perSource: number; exclude: string[] }): Promise<CandidateRow[]> {
    const { tsQuery, text, perSource, exclude } = input;
    if (tsQuery === '') return [];
    // The GIN index beats a scan of every entry once there are more than a few hundred; the
    // planner's estimate for OR-ed text queries is far too pessimistic to see it.
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const r = await sql<CandidateRow>`
      WITH q AS (SELECT to_tsquery('english', ${tsQuery}) AS tsq)
      SELECT c.source, c.id, c.trade_category_id, c.question, c.answer, c.alternatives, word_similarity(${text}, c.search_text) AS trigram
      FROM (
        (SELECT 'company' AS source, e.id, NULL::uuid AS trade_category_id, e.question, e.answer, e.alternatives, e.search_text
         FROM knowledge_entries e CROSS JOIN q
         WHERE e.company_id = ${companyId} AND e.search_tsv @@ q.tsq AND e.enabled AND NOT (e.id = ANY(${exclude}::uuid[]))
         ORDER BY ts_rank(e.search_tsv, q.tsq) DESC LIMIT ${perSource})
        UNION ALL
        (SELECT 'trade', t.id, t.trade_category_id, t.question, coalesce(o.answer, t.answer), t.alternatives, t.search_text
         FROM platform.trade_knowledge_entries t
         JOIN company_trade_categories ctc ON ctc.company_id = ${companyId} AND ctc.trade_category_id = t.trade_category_id
         LEFT JOIN knowledge_overrides o ON o.company_id = ${companyId} AND o.trade_entry_id = t.id
         CROSS JOIN q
         WHERE t.search_tsv @@ q.tsq AND t.enabled AND coalesce(o.enabled, true) AND NOT (t.id = ANY(${exclude}::uuid[]))
         ORDER BY ts_rank(t.search_tsv, q.tsq) DESC LIMIT ${perSource})
      ) c`.execute(tx);
    await sql`SET LOCAL enable_seqscan = on`.execute(tx);
    return r.rows.map((row) => ({ ...row, trigram: Number(row.trigram) }));
  },

  /** Enabled emergency definitions of the company's trade categories. */
  emergencies(tx: TenantTx, companyId: string) {
    return tx.selectFrom('platform.trade_emergencies as e')
      .innerJoin('company_trade_categories as c', (j) => j.onRef('c.trade_category_id', '=', 'e.trade_category_id').on('c.company_id', '=', companyId))
      .select(['e.id', 'e.trade_category_id', 'e.name', 'e.severity', 'e.triggers', 'e.safety_instruction', 'e.default_action'])
      .where('e.enabled', '=', true)
      .orderBy('e.trade_category_id').orderBy('e.created_at').execute();
  },

  /** The company's entry tags, most used first. */
  async tags(tx: TenantTx, companyId: string, limit: number): Promise<string[]> {
    const r = await sql<{ tag: string }>`
      SELECT tag FROM knowledge_entries, unnest(tags) AS tag
      WHERE company_id = ${companyId} AND enabled GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`.execute(tx);
    return r.rows.map((x) => x.tag);
  },
};
