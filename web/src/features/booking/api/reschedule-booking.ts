import { api, unwrap } from '../../../lib/api-client.ts';
import { bookingChanged, useChangeMutation } from './change-mutation.ts';

export function useRescheduleBooking(companyId: string, bookingId: string) {
  return useChangeMutation(
    companyId,
    'bookings',
    (body: { start: string; technicianId?: string }) =>
      unwrap(api.POST('/api/companies/{companyId}/bookings/{bookingId}/reschedule', { params: { path: { companyId, bookingId } }, body })),
    bookingChanged('Booking moved'),
  );
}
