import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { bookingChanged, useChangeMutation } from './change-mutation.ts';

export type CreateBookingBody = NonNullable<paths['/api/companies/{companyId}/bookings']['post']['requestBody']>['content']['application/json'];

/** Books by hand; the idempotency key makes a double click or a retry one booking. */
export function useCreateBooking(companyId: string) {
  return useChangeMutation(
    companyId,
    'bookings',
    ({ body, idempotencyKey }: { body: CreateBookingBody; idempotencyKey: string }) =>
      unwrap(api.POST('/api/companies/{companyId}/bookings', { params: { path: { companyId }, header: { 'idempotency-key': idempotencyKey } }, body })),
    bookingChanged('Booked'),
  );
}
