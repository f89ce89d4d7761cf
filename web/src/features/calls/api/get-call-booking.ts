import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** The booking a call made, shown on the call's page. */
export function useCallBooking(companyId: string, bookingId: string | null) {
  return useQuery({
    queryKey: ['companies', companyId, 'bookings', 'detail', bookingId],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/bookings/{bookingId}', { params: { path: { companyId, bookingId: bookingId! } } })),
    enabled: bookingId !== null,
  });
}
