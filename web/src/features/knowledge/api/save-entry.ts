import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { entriesKey } from './list-entries.ts';

export interface EntryInput {
  question: string;
  answer: string;
  alternatives: string[];
  tags: string[];
  enabled: boolean;
}

/** Adds an entry, or changes one when `id` is given. */
export const saveEntry = (companyId: string, input: EntryInput, id?: string) =>
  id
    ? unwrap(api.PATCH('/api/companies/{companyId}/knowledge/{entryId}', { params: { path: { companyId, entryId: id } }, body: input }))
    : unwrap(api.POST('/api/companies/{companyId}/knowledge', { params: { path: { companyId } }, body: input }));

export function useSaveEntry(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: EntryInput; id?: string }) => saveEntry(companyId, input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entriesKey(companyId) }),
  });
}
