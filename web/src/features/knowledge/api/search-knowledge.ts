import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const searchKnowledge = (companyId: string, q: string) =>
  unwrap(api.GET('/api/companies/{companyId}/knowledge/search', { params: { path: { companyId }, query: { q, limit: 10 } } }));

/** What the agent would find for a caller's question: ranked matches and whether it would answer. */
export function useSearchKnowledge(companyId: string, q: string) {
  return useQuery({ queryKey: ['companies', companyId, 'knowledge', 'search', q], queryFn: () => searchKnowledge(companyId, q), enabled: q.trim() !== '' });
}
