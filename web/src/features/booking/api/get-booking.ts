import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const bookingKey = (companyId: string, bookingId: string) => ['companies', companyId, 'bookings', 'detail', bookingId];

export function useBooking(companyId: string, bookingId: string) {
  return useQuery({
    queryKey: bookingKey(companyId, bookingId),
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/bookings/{bookingId}', { params: { path: { companyId, bookingId } } })),
  });
}
