import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      // Nothing cached from an earlier session may show in this one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
