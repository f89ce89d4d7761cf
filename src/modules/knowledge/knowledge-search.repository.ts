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
   * Entries matching the full-text query or close to the caller's words by trigrams, best
   * first by ts_rank + word similarity, at most `perSource` from the company and from the trades.
   * `tsQuery` is built by buildTsQuery (only [a-z0-9] words and operators) or empty.
   */
  async candidates(tx: TenantTx, companyId: string, input: { tsQuery: string; text: string; perSource: number }): Promise<CandidateRow[]> {
    const { tsQuery, text, perSource } = input;
    const tsq = tsQuery === '' ? sql`NULL::tsquery` : sql`to_tsquery('english', ${tsQuery})`;
    const r = await sql<CandidateRow>`
      WITH q AS (SELECT ${tsq} AS tsq, ${text}::text AS words)
      (SELECT 'company' AS source, e.id, NULL::uuid AS trade_category_id, e.question, e.answer, e.alternatives,
              word_similarity(q.words, e.search_text) AS trigram
       FROM knowledge_entries e CROSS JOIN q
       WHERE e.company_id = ${companyId} AND e.enabled
         AND (e.search_tsv @@ q.tsq OR q.words <% e.search_text)
       ORDER BY coalesce(ts_rank(e.search_tsv, q.tsq), 0) + word_similarity(q.words, e.search_text) DESC
       LIMIT ${perSource})
      UNION ALL
      (SELECT 'trade', t.id, t.trade_category_id, t.question, coalesce(o.answer, t.answer), t.alternatives,
              word_similarity(q.words, t.search_text)
       FROM platform.trade_knowledge_entries t
       JOIN company_trade_categories ctc ON ctc.company_id = ${companyId} AND ctc.trade_category_id = t.trade_category_id
       LEFT JOIN knowledge_overrides o ON o.company_id = ${companyId} AND o.trade_entry_id = t.id
       CROSS JOIN q
       WHERE t.enabled AND coalesce(o.enabled, true)
         AND (t.search_tsv @@ q.tsq OR q.words <% t.search_text)
       ORDER BY coalesce(ts_rank(t.search_tsv, q.tsq), 0) + word_similarity(q.words, t.search_text) DESC
       LIMIT ${perSource})`.execute(tx);
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
