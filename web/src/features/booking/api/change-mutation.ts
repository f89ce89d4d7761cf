import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../../lib/api-error.ts';

// Mantine's grey notification description is under AA contrast on white.
const READABLE = { styles: { description: { color: 'var(--mantine-color-gray-7)' } } };

/**
 * A change to bookings or to the booking setup: on success what it changed and availability
 * (which every booking and every rule shapes) are read again; the person is told either way.
 */
export function useChangeMutation<V, R>(companyId: string, resource: string, run: (vars: V) => Promise<R>, success: (result: R) => { title: string; message: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      notifications.show({ ...READABLE, color: 'green', ...success(result) });
      await Promise.all([resource, 'availability'].map((r) => queryClient.invalidateQueries({ queryKey: ['companies', companyId, r] })));
    },
    onError: (error) => notifications.show({ ...READABLE, color: 'red', title: 'Not saved', message: errorText(error) }),
  });
}

/** A booking's change, told with the booking's own words for its time. */
export const bookingChanged = (title: string) => (booking: { label: string }) => ({ title, message: booking.label });

/** A setup change. */
export const setupSaved = (title: string) => () => ({ title, message: 'Availability now follows the change.' });
