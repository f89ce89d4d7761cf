import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { setupSaved, useChangeMutation } from './change-mutation.ts';

export type BookingSettingsChange = NonNullable<paths['/api/companies/{companyId}/booking-settings']['put']['requestBody']>['content']['application/json'];

/** Sends only the fields a section edits; the API keeps the others. */
export function useUpdateBookingSettings(companyId: string) {
  return useChangeMutation(
    companyId,
    'booking-settings',
    (body: BookingSettingsChange) => unwrap(api.PUT('/api/companies/{companyId}/booking-settings', { params: { path: { companyId } }, body })),
    setupSaved('Booking rules saved'),
  );
}
