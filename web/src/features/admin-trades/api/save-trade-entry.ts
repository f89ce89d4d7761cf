import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { tradeKnowledgeKey } from './trade-knowledge.ts';

export interface TradeEntryInput {
  question: string;
  answer: string;
  alternatives: string[];
  enabled: boolean;
}

/** Adds an entry (no id) or changes one; deleting is `useDeleteTradeEntry`. */
export function useSaveTradeEntry(tradeCategoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TradeEntryInput }) => id
      ? unwrap(api.PATCH('/api/trade-categories/{tradeCategoryId}/knowledge/entries/{tradeEntryId}', { params: { path: { tradeCategoryId, tradeEntryId: id } }, body }))
      : unwrap(api.POST('/api/trade-categories/{tradeCategoryId}/knowledge/entries', { params: { path: { tradeCategoryId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tradeKnowledgeKey(tradeCategoryId) }),
  });
}

export function useDeleteTradeEntry(tradeCategoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tradeEntryId: string) => unwrap(api.DELETE('/api/trade-categories/{tradeCategoryId}/knowledge/entries/{tradeEntryId}', { params: { path: { tradeCategoryId, tradeEntryId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tradeKnowledgeKey(tradeCategoryId) }),
  });
}
