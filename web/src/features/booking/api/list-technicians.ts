import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Technician = paths['/api/companies/{companyId}/technicians/{technicianId}']['get']['responses']['200']['content']['application/json'];

export const techniciansKey = (companyId: string) => ['companies', companyId, 'technicians', 'list'];

export function useTechnicians(companyId: string) {
  return useQuery({
    queryKey: techniciansKey(companyId),
    queryFn: async () => (await unwrap(api.GET('/api/companies/{companyId}/technicians', { params: { path: { companyId } } }))).items,
    staleTime: 60_000,
  });
}
