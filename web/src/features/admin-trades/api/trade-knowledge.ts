import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const tradeKnowledgeKey = (tradeCategoryId: string) => ['admin', 'trade-knowledge', tradeCategoryId] as const;

export function useTradeCategories() {
  return useQuery({ queryKey: ['trade-categories'], queryFn: () => unwrap(api.GET('/api/trade-categories')), staleTime: 300_000 });
}

export function useTradeKnowledge(tradeCategoryId: string | null) {
  return useQuery({
    queryKey: tradeKnowledgeKey(tradeCategoryId ?? ''),
    queryFn: () => unwrap(api.GET('/api/trade-categories/{tradeCategoryId}/knowledge', { params: { path: { tradeCategoryId: tradeCategoryId! } } })),
    enabled: tradeCategoryId !== null,
  });
}

export type TradeKnowledge = NonNullable<ReturnType<typeof useTradeKnowledge>['data']>;
