import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Analytics = paths['/api/companies/{companyId}/analytics']['get']['responses']['200']['content']['application/json'];
export type Period = Analytics['current'];

export const getAnalytics = (companyId: string, from: string, to: string) =>
  unwrap(api.GET('/api/companies/{companyId}/analytics', { params: { path: { companyId }, query: { from, to } } }));

/** The figures of a range of company-local days beside the period before; the last range stays on screen while the next loads. */
export function useAnalytics(companyId: string, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['companies', companyId, 'analytics', range?.from, range?.to],
    queryFn: () => getAnalytics(companyId, range!.from, range!.to),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
