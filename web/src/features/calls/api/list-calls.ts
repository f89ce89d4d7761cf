import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type CallsQuery = NonNullable<paths['/api/companies/{companyId}/calls']['get']['parameters']['query']>;
export type CallsPage = paths['/api/companies/{companyId}/calls']['get']['responses']['200']['content']['application/json'];
export type CallSummary = CallsPage['items'][number];

/** New calls show up while the log is open: it asks again every few seconds. */
export const CALLS_REFRESH_MS = 5_000;

export const listCalls = (companyId: string, query: CallsQuery) =>
  unwrap(api.GET('/api/companies/{companyId}/calls', { params: { path: { companyId }, query } }));

export function useCalls(companyId: string, query: CallsQuery) {
  return useQuery({
    queryKey: ['companies', companyId, 'calls', 'list', query],
    queryFn: () => listCalls(companyId, query),
    placeholderData: keepPreviousData,
    refetchInterval: CALLS_REFRESH_MS,
  });
}
