import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type SecretStatus = paths['/api/companies/{companyId}/secrets']['get']['responses']['200']['content']['application/json']['items'][number];
export type SecretField = 'elevenLabsApiKey' | 'twilioAuthToken' | 'llmApiKey';

const key = (companyId: string) => ['companies', companyId, 'secrets'] as const;

export const listSecrets = (companyId: string) => unwrap(api.GET('/api/companies/{companyId}/secrets', { params: { path: { companyId } } }));

export function useSecrets(companyId: string) {
  return useQuery({ queryKey: key(companyId), queryFn: () => listSecrets(companyId) });
}

/** A string sets the secret, null clears it. The answer says only whether each is set and its last four. */
export const updateSecret = (companyId: string, field: SecretField, value: string | null) =>
  unwrap(api.PATCH('/api/companies/{companyId}/secrets', { params: { path: { companyId } }, body: { [field]: value } }));

export function useUpdateSecret(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ field, value }: { field: SecretField; value: string | null }) => updateSecret(companyId, field, value),
    onSuccess: (list) => {
      queryClient.setQueryData(key(companyId), list);
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'voice-settings'] });
    },
  });
}
