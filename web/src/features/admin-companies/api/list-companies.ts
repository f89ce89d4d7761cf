import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const companiesKey = ['admin', 'companies'] as const;

export function useCompanies() {
  return useQuery({
    queryKey: companiesKey,
    queryFn: () => unwrap(api.GET('/api/companies', { params: { query: { limit: 200 } } })),
  });
}
