import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { tradeKnowledgeKey } from './trade-knowledge.ts';

/** Adds a synonym group (no id) or replaces a group's terms. */
export function useSaveVocabulary(tradeCategoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, terms }: { id?: string; terms: string[] }) => id
      ? unwrap(api.PUT('/api/trade-categories/{tradeCategoryId}/knowledge/vocabulary/{vocabularyId}', { params: { path: { tradeCategoryId, vocabularyId: id } }, body: { terms } }))
      : unwrap(api.POST('/api/trade-categories/{tradeCategoryId}/knowledge/vocabulary', { params: { path: { tradeCategoryId } }, body: { terms } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tradeKnowledgeKey(tradeCategoryId) }),
  });
}
