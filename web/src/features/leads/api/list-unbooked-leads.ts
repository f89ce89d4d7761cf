import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type LeadsQuery = NonNullable<paths['/api/companies/{companyId}/leads/unbooked']['get']['parameters']['query']>;
export type LeadsPage = paths['/api/companies/{companyId}/leads/unbooked']['get']['responses']['200']['content']['application/json'];
export type Lead = LeadsPage['items'][number];

export const leadsKey = (companyId: string) => ['companies', companyId, 'leads'] as const;

export const listUnbookedLeads = (companyId: string, query: LeadsQuery) =>
  unwrap(api.GET('/api/companies/{companyId}/leads/unbooked', { params: { path: { companyId }, query } }));

export function useUnbookedLeads(companyId: string, query: LeadsQuery) {
  return useQuery({
    queryKey: [...leadsKey(companyId), 'list', query],
    queryFn: () => listUnbookedLeads(companyId, query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
