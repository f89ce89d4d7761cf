import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { entriesKey } from './list-entries.ts';

export const deleteEntry = (companyId: string, entryId: string) =>
  unwrap(api.DELETE('/api/companies/{companyId}/knowledge/{entryId}', { params: { path: { companyId, entryId } } }));

export function useDeleteEntry(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => deleteEntry(companyId, entryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entriesKey(companyId) }),
  });
}
