import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type ApiToken = paths['/api/companies/{companyId}/api-tokens']['get']['responses']['200']['content']['application/json']['items'][number];

const key = (companyId: string) => ['companies', companyId, 'api-tokens'] as const;

export const listApiTokens = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/api-tokens', { params: { path: { companyId }, query: { limit: 200 } } }));

export function useApiTokens(companyId: string) {
  return useQuery({ queryKey: key(companyId), queryFn: () => listApiTokens(companyId) });
}

export type TokenScope = 'read' | 'full';

export const createApiToken = (companyId: string, name: string, scope: TokenScope) =>
  unwrap(api.POST('/api/companies/{companyId}/api-tokens', { params: { path: { companyId } }, body: { name, scope } }));

export const revokeApiToken = (companyId: string, tokenId: string) =>
  unwrap(api.DELETE('/api/companies/{companyId}/api-tokens/{tokenId}', { params: { path: { companyId, tokenId } } }));

export function useCreateApiToken(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: ({ name, scope }: { name: string; scope: TokenScope }) => createApiToken(companyId, name, scope), onSuccess: () => queryClient.invalidateQueries({ queryKey: key(companyId) }) });
}

export function useRevokeApiToken(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (tokenId: string) => revokeApiToken(companyId, tokenId), onSuccess: () => queryClient.invalidateQueries({ queryKey: key(companyId) }) });
}
