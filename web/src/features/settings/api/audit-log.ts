import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type AuditEntry = paths['/api/companies/{companyId}/audit-log']['get']['responses']['200']['content']['application/json']['items'][number];

export const PAGE_SIZE = 25;

export const listAuditLog = (companyId: string, offset: number) =>
  unwrap(api.GET('/api/companies/{companyId}/audit-log', { params: { path: { companyId }, query: { limit: PAGE_SIZE, offset } } }));

export function useAuditLog(companyId: string, offset: number) {
  return useQuery({ queryKey: ['companies', companyId, 'audit-log', offset], queryFn: () => listAuditLog(companyId, offset), placeholderData: keepPreviousData });
}
