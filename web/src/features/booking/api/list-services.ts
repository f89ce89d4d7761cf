import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Service = paths['/api/companies/{companyId}/services/{serviceId}']['get']['responses']['200']['content']['application/json'];

export const servicesKey = (companyId: string) => ['companies', companyId, 'services', 'list'];

export function useServices(companyId: string) {
  return useQuery({
    queryKey: servicesKey(companyId),
    queryFn: async () => (await unwrap(api.GET('/api/companies/{companyId}/services', { params: { path: { companyId } } }))).items,
    staleTime: 60_000,
  });
}
