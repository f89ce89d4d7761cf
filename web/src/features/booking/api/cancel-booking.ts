import { api, unwrap } from '../../../lib/api-client.ts';
import { useBookingMutation } from './booking-mutation.ts';

export function useCancelBooking(companyId: string, bookingId: string) {
  return useBookingMutation(
    companyId,
    (body: { reason?: string }) => unwrap(api.POST('/api/companies/{companyId}/bookings/{bookingId}/cancel', { params: { path: { companyId, bookingId } }, body })),
    () => 'Booking cancelled',
  );
}
