import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const getCompanyConfig = (companyId: string) => unwrap(api.GET('/api/companies/{companyId}/config', { params: { path: { companyId } } }));

/** All or nothing; a problem names its path in the document (booking.services[2].durationMinutes). */
export const putCompanyConfig = (companyId: string, document: unknown) =>
  // The server checks the document itself, to name each problem by its path.
  unwrap(api.PUT('/api/companies/{companyId}/config', { params: { path: { companyId } }, body: document as never }));

export function useUploadCompanyConfig(companyId: string) {
  const queryClient = useQueryClient();
  // Everything may have changed.
  return useMutation({ mutationFn: (document: unknown) => putCompanyConfig(companyId, document), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['companies', companyId] }) });
}
