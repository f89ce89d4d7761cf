import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type InheritedEntry = paths['/api/companies/{companyId}/knowledge/inherited']['get']['responses']['200']['content']['application/json']['items'][number];

export const inheritedKey = (companyId: string) => ['companies', companyId, 'knowledge', 'inherited'] as const;

export const listInherited = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/knowledge/inherited', { params: { path: { companyId } } }));

/** The trade knowledge the company inherits, each with the company's override if any. */
export function useInherited(companyId: string) {
  return useQuery({ queryKey: inheritedKey(companyId), queryFn: () => listInherited(companyId) });
}
