import { api, unwrap } from '../../../lib/api-client.ts';
import { bookingChanged, useChangeMutation } from './change-mutation.ts';

export function useCancelBooking(companyId: string, bookingId: string) {
  return useChangeMutation(
    companyId,
    'bookings',
    (body: { reason?: string }) => unwrap(api.POST('/api/companies/{companyId}/bookings/{bookingId}/cancel', { params: { path: { companyId, bookingId } }, body })),
    bookingChanged('Booking cancelled'),
  );
}
