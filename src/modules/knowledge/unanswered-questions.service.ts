import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { presentEntry } from './knowledge-present.ts';
import { entryValues, phrasingKey } from './knowledge-text.ts';
import { knowledgeRepository } from './knowledge.repository.ts';
import { groupKeyOf, SAME_GROUP_SIMILARITY } from './retrieval/group-key.ts';
import type { Lexicon } from './retrieval/lexicon.ts';
import { unansweredQuestionsRepository as repo, MAX_EXAMPLES } from './unanswered-questions.repository.ts';

const MAX_QUESTION_LENGTH = 500;

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

const present = (r: Row) => ({
  id: r.id, question: r.question, examples: r.examples, askCount: r.ask_count, firstAskedAt: r.first_asked_at, lastAskedAt: r.last_asked_at,
});
export type UnansweredQuestion = ReturnType<typeof present>;

/** The newest phrasing first, each phrasing once (case and punctuation aside), at most MAX_EXAMPLES. */
function withExample(examples: readonly string[], question: string): string[] {
  const rest = examples.filter((e) => phrasingKey(e) !== phrasingKey(question));
  return [question, ...rest].slice(0, MAX_EXAMPLES);
}

export function createUnansweredQuestions(db: Db, audit: AuditService, lexiconOf: (tx: TenantTx, companyId: string) => Promise<Lexicon>) {
  async function mustFind(tx: TenantTx, companyId: string, id: string): Promise<Row> {
    const row = await repo.findById(tx, companyId, id);
    if (!row) throw notFound('Unanswered question');
    return row;
  }

  /**
   * Counts a question the agent could not answer into the group of similar questions, or
   * starts a group, inside the caller's transaction (a call turn records it with the turn, so a
   * repeated delivery counts it once). The company's lock is held until that transaction ends:
   * take it last. Returns null for text with no words in it (nothing to learn from).
   */
  async function recordUnansweredIn(tx: TenantTx, companyId: string, text: string): Promise<(UnansweredQuestion & { newGroup: boolean }) | null> {
    const question = text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH);
    const groupKey = groupKeyOf(question, await lexiconOf(tx, companyId));
    if (groupKey === '') return null;
    await repo.lockCompany(tx, companyId);
    const group = await repo.findSimilar(tx, companyId, groupKey, SAME_GROUP_SIMILARITY);
    if (group) return { ...present(await repo.countAsked(tx, companyId, group.id, withExample(group.examples, question))), newGroup: false };
    return { ...present(await repo.insert(tx, companyId, { group_key: groupKey, question })), newGroup: true };
  }

  return {
    recordUnansweredIn,

    /** recordUnansweredIn in a transaction of its own. */
    recordUnanswered: (companyId: string, text: string) => withTenant(db, companyId, (tx) => recordUnansweredIn(tx, companyId, text)),

    async listUnanswered(companyId: string, page: PageRequest) {
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, page));
      return toPage(rows.map(present), page);
    },

    /** How many groups of questions wait for an answer. */
    async countUnanswered(companyId: string): Promise<number> {
      return withTenant(db, companyId, (tx) => repo.count(tx, companyId));
    },

    async dismissUnanswered(actor: Actor, companyId: string, id: string): Promise<void> {
      await withTenant(db, companyId, async (tx) => {
        if (!(await repo.delete(tx, companyId, id))) throw notFound('Unanswered question');
        await audit.record(tx, companyId, actor, { action: 'unanswered_question.dismissed', entityType: 'unanswered_question', entityId: id });
      });
    },

    /** Turns a group into a knowledge entry (its phrasings become the alternatives) and closes it. */
    async answerUnanswered(actor: Actor, companyId: string, id: string, input: { answer: string; question?: string | undefined }) {
      return withTenant(db, companyId, async (tx) => {
        const group = await mustFind(tx, companyId, id);
        const question = input.question ?? group.question;
        const values = entryValues({ question, answer: input.answer, alternatives: [group.question, ...group.examples] });
        const entry = await knowledgeRepository.insert(tx, companyId, values);
        await repo.delete(tx, companyId, id);
        await audit.record(tx, companyId, actor, { action: 'knowledge.created', entityType: 'knowledge_entry', entityId: entry.id, changes: { fromUnansweredQuestion: id } });
        return presentEntry((await knowledgeRepository.findById(tx, companyId, entry.id))!);
      });
    },
  };
}
