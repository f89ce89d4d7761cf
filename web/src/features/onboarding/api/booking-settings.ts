import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

type Put = paths['/api/companies/{companyId}/booking-settings']['put']['requestBody']['content']['application/json'];
const key = (companyId: string) => ['companies', companyId, 'booking-settings'] as const;

export function useBookingSettings(companyId: string) {
  return useQuery({
    queryKey: key(companyId),
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/booking-settings', { params: { path: { companyId } } })),
  });
}

/** Changes some booking rules; the fields left out keep their value. */
export function useUpdateBookingSettings(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Put) => unwrap(api.PUT('/api/companies/{companyId}/booking-settings', { params: { path: { companyId } }, body })),
    onSuccess: (settings) => queryClient.setQueryData(key(companyId), settings),
  });
}

export type BookingSettings = NonNullable<ReturnType<typeof useBookingSettings>['data']>;
export type WeeklyHours = BookingSettings['weeklyHours'];
