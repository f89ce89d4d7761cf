import { api, unwrap } from '../../../lib/api-client.ts';
import { useBookingMutation } from './booking-mutation.ts';

export function useRescheduleBooking(companyId: string, bookingId: string) {
  return useBookingMutation(
    companyId,
    (body: { start: string; technicianId?: string }) =>
      unwrap(api.POST('/api/companies/{companyId}/bookings/{bookingId}/reschedule', { params: { path: { companyId, bookingId } }, body })),
    () => 'Booking moved',
  );
}
