import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type BookingSettings = paths['/api/companies/{companyId}/booking-settings']['get']['responses']['200']['content']['application/json'];
export type WeeklyHours = BookingSettings['weeklyHours'];
export type TimeRange = NonNullable<WeeklyHours['monday']>[number];

export const bookingSettingsKey = (companyId: string) => ['companies', companyId, 'booking-settings'];

export function useBookingSettings(companyId: string) {
  return useQuery({
    queryKey: bookingSettingsKey(companyId),
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/booking-settings', { params: { path: { companyId } } })),
  });
}
