import type { knowledgeRepository } from './knowledge.repository.ts';

type EntryRow = NonNullable<Awaited<ReturnType<typeof knowledgeRepository.findById>>>;
type InheritedRow = Awaited<ReturnType<typeof knowledgeRepository.inherited>>[number];

/** A company's entry as the API shows it. */
export const presentEntry = (r: EntryRow) => ({
  id: r.id, question: r.question, answer: r.answer, alternatives: r.alternatives, tags: r.tags, enabled: r.enabled,
  createdAt: r.created_at, updatedAt: r.updated_at,
});
export type KnowledgeEntry = ReturnType<typeof presentEntry>;

/** An inherited trade entry with the company's override applied. */
export function presentInherited(r: InheritedRow) {
  const override = r.override_enabled === null ? null : { answer: r.override_answer, enabled: r.override_enabled, updatedAt: r.override_updated_at! };
  return {
    id: r.id,
    tradeCategory: { id: r.category_id, slug: r.category_slug, name: r.category_name },
    question: r.question,
    alternatives: r.alternatives,
    tags: r.tags,
    tradeAnswer: r.answer,
    answer: override?.answer ?? r.answer,
    enabled: override?.enabled ?? true,
    override,
  };
}
