import { api, unwrap } from '../../../lib/api-client.ts';
import { useBookingMutation } from './booking-mutation.ts';

/** Confirms a held request (a website-widget booking) while its hold lasts. */
export function useConfirmBooking(companyId: string, bookingId: string) {
  return useBookingMutation(
    companyId,
    () => unwrap(api.POST('/api/companies/{companyId}/bookings/{bookingId}/confirm', { params: { path: { companyId, bookingId } } })),
    () => 'Booking confirmed',
  );
}
