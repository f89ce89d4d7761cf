import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Availability = paths['/api/companies/{companyId}/availability']['get']['responses']['200']['content']['application/json'];
export type Slot = Availability['slots'][number];
export type AvailabilityQuery = { serviceId: string; zip: string; from: string; to: string };

/** Bookable slots for a service at a zip in [from, to); asked only once both are known. */
export function useAvailability(companyId: string, query: AvailabilityQuery | null) {
  return useQuery({
    queryKey: ['companies', companyId, 'availability', query],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/availability', { params: { path: { companyId }, query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
