import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

const key = (companyId: string) => ['companies', companyId, 'widget'] as const;

export function useWidgetSettings(companyId: string) {
  return useQuery({
    queryKey: key(companyId),
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/widget', { params: { path: { companyId } } })),
  });
}

export type WidgetChange = { allowedOrigins: string[]; expectedVersion: number } | { rotate: true; expectedVersion: number };

/** Saves the allowed sites, or replaces the key (the old one stops working at once). */
export function useChangeWidget(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: WidgetChange) => 'rotate' in change
      ? unwrap(api.POST('/api/companies/{companyId}/widget/rotate-key', { params: { path: { companyId } }, body: { expectedVersion: change.expectedVersion } }))
      : unwrap(api.PUT('/api/companies/{companyId}/widget', { params: { path: { companyId } }, body: change })),
    onSuccess: (settings) => queryClient.setQueryData(key(companyId), settings),
  });
}
