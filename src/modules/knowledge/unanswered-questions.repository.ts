import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

const COLUMNS = ['id', 'question', 'examples', 'ask_count', 'first_asked_at', 'last_asked_at'] as const;
/** Phrasings kept per group, newest first. */
export const MAX_EXAMPLES = 5;

export const unansweredQuestionsRepository = {
  /**
   * Serialises recording within one company for the rest of the transaction, so two callers
   * asking the same new question at once make one group, not two.
   */
  async lockCompany(tx: TenantTx, companyId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`unanswered:${companyId}`}, 0))`.execute(tx);
  },

  /** The group whose key is most similar to `groupKey`, if at least `minSimilarity` (pg_trgm). */
  findSimilar(tx: TenantTx, companyId: string, groupKey: string, minSimilarity: number) {
    return tx.selectFrom('unanswered_questions').select(['id', 'examples'])
      .where('company_id', '=', companyId)
      .where(sql<boolean>`similarity(group_key, ${groupKey}) >= ${minSimilarity}`)
      .orderBy(sql`similarity(group_key, ${groupKey})`, 'desc').orderBy('ask_count', 'desc')
      .limit(1).executeTakeFirst();
  },

  insert(tx: TenantTx, companyId: string, values: { group_key: string; question: string }) {
    return tx.insertInto('unanswered_questions').values({ company_id: companyId, ...values, examples: [values.question] })
      .returning(COLUMNS).executeTakeFirstOrThrow();
  },

  countAsked(tx: TenantTx, companyId: string, id: string, examples: string[]) {
    return tx.updateTable('unanswered_questions')
      .set({ ask_count: sql`ask_count + 1`, last_asked_at: new Date(), examples })
      .where('company_id', '=', companyId).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
  },

  findById(tx: TenantTx, companyId: string, id: string) {
    return tx.selectFrom('unanswered_questions').select(COLUMNS).where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  /** Most asked first, then most recently asked. */
  list(tx: TenantTx, companyId: string, page: PageRequest) {
    return tx.selectFrom('unanswered_questions').select(COLUMNS).where('company_id', '=', companyId)
      .orderBy('ask_count', 'desc').orderBy('last_asked_at', 'desc').orderBy('id')
      .limit(page.limit + 1).offset(page.offset).execute();
  },

  async count(tx: TenantTx, companyId: string): Promise<number> {
    const row = await tx.selectFrom('unanswered_questions').select((eb) => eb.fn.countAll<string>().as('n')).where('company_id', '=', companyId).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  delete(tx: TenantTx, companyId: string, id: string) {
    return tx.deleteFrom('unanswered_questions').where('company_id', '=', companyId).where('id', '=', id).returning('id').executeTakeFirst();
  },
};
