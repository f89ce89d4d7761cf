import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../../lib/api-error.ts';
import type { Booking } from './list-bookings.ts';

/**
 * A change to a booking: on success the schedule, the booking and availability are read
 * again (a moved or cancelled booking frees its slot), and the person is told either way.
 */
export function useBookingMutation<V>(companyId: string, run: (vars: V) => Promise<Booking>, success: (booking: Booking) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (booking) => {
      notifications.show({ color: 'green', title: success(booking), message: booking.label });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'bookings'] }),
        queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'availability'] }),
      ]);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
  });
}
