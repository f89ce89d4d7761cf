import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** A contact's bookings, by start time. */
export function useContactBookings(companyId: string, contactId: string) {
  const query = { contactId, limit: 50 };
  return useQuery({
    queryKey: ['companies', companyId, 'bookings', 'list', query],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/bookings', { params: { path: { companyId }, query } })),
  });
}
