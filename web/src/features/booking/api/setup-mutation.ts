import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../../lib/api-error.ts';

/**
 * A change to the booking setup: what it changed and availability (which every setting
 * shapes) are read again, and the person is told either way.
 */
export function useSetupMutation<V, R>(companyId: string, resource: string, run: (vars: V) => Promise<R>, success: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      notifications.show({ color: 'green', title: success, message: 'Availability now follows the change.' });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['companies', companyId, resource] }),
        queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'availability'] }),
      ]);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
  });
}
