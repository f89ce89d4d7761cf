import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type KnowledgeEntry = paths['/api/companies/{companyId}/knowledge']['get']['responses']['200']['content']['application/json']['items'][number];

export const entriesKey = (companyId: string) => ['companies', companyId, 'knowledge'] as const;

export const listEntries = (companyId: string, q: string) =>
  unwrap(api.GET('/api/companies/{companyId}/knowledge', { params: { path: { companyId }, query: { limit: 200, ...(q ? { q } : {}) } } }));

/** The company's own entries (up to 200, newest first), optionally those whose question has `q`. */
export function useEntries(companyId: string, q: string) {
  return useQuery({ queryKey: [...entriesKey(companyId), 'list', q], queryFn: () => listEntries(companyId, q), placeholderData: keepPreviousData });
}
