import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

type Path = paths['/api/companies/{companyId}/digest-subscription'];
export type DigestSubscription = Path['get']['responses']['200']['content']['application/json'];
export type DigestSubscriptionBody = Path['put']['requestBody']['content']['application/json'];

const digestKey = (companyId: string) => ['companies', companyId, 'digest-subscription'] as const;

export const getDigestSubscription = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/digest-subscription', { params: { path: { companyId } } }));

export function useDigestSubscription(companyId: string) {
  return useQuery({ queryKey: digestKey(companyId), queryFn: () => getDigestSubscription(companyId) });
}

export function useSaveDigestSubscription(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DigestSubscriptionBody) => unwrap(api.PUT('/api/companies/{companyId}/digest-subscription', { params: { path: { companyId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(digestKey(companyId), saved),
  });
}
