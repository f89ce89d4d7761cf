import { api, unwrap } from '../../../lib/api-client.ts';
import { bookingChanged, useChangeMutation } from './change-mutation.ts';

/** Confirms a held request (a website-widget booking) while its hold lasts. */
export function useConfirmBooking(companyId: string, bookingId: string) {
  return useChangeMutation(
    companyId,
    'bookings',
    () => unwrap(api.POST('/api/companies/{companyId}/bookings/{bookingId}/confirm', { params: { path: { companyId, bookingId } } })),
    bookingChanged('Booking confirmed'),
  );
}
