import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export function useServices(companyId: string) {
  return useQuery({
    queryKey: ['companies', companyId, 'services'],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/services', { params: { path: { companyId } } })),
  });
}
