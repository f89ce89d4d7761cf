import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Overview = paths['/api/companies/{companyId}/overview']['get']['responses']['200']['content']['application/json'];
export type Period = Overview['today'];

export const getOverview = (companyId: string) => unwrap(api.GET('/api/companies/{companyId}/overview', { params: { path: { companyId } } }));

/** The day at a glance; kept fresh while it is open, as calls come in. */
export function useOverview(companyId: string) {
  return useQuery({ queryKey: ['companies', companyId, 'overview'], queryFn: () => getOverview(companyId), refetchInterval: 30_000 });
}
