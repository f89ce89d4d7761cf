import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const checkEmergency = (companyId: string, text: string) =>
  unwrap(api.POST('/api/companies/{companyId}/emergencies/check', { params: { path: { companyId } }, body: { text } }));

/** Whether the agent would treat a sentence as an emergency, and by which rule (nothing is stored). */
export function useCheckEmergency(companyId: string) {
  return useMutation({ mutationFn: (text: string) => checkEmergency(companyId, text) });
}
