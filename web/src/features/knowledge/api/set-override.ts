import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { inheritedKey } from './list-inherited.ts';

/** `override` null: use the trade's entry as published again. */
export const setOverride = (companyId: string, tradeEntryId: string, override: { enabled: boolean; answer: string | null } | null) => {
  const path = { companyId, tradeEntryId };
  return override
    ? unwrap(api.PUT('/api/companies/{companyId}/knowledge/inherited/{tradeEntryId}', { params: { path }, body: override }))
    : unwrap(api.DELETE('/api/companies/{companyId}/knowledge/inherited/{tradeEntryId}', { params: { path } }));
};

export function useSetOverride(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, override }: { id: string; override: { enabled: boolean; answer: string | null } | null }) => setOverride(companyId, id, override),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inheritedKey(companyId) }),
  });
}
