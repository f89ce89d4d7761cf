import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type PhoneNumber = paths['/api/companies/{companyId}/phone-numbers']['get']['responses']['200']['content']['application/json']['items'][number];

const key = (companyId: string) => ['companies', companyId, 'phone-numbers'] as const;

export const listPhoneNumbers = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/phone-numbers', { params: { path: { companyId }, query: { limit: 200 } } }));

export function usePhoneNumbers(companyId: string) {
  return useQuery({ queryKey: key(companyId), queryFn: () => listPhoneNumbers(companyId) });
}

export type PhoneNumberChange = { add: { number: string; label: string } } | { id: string; label: string } | { remove: string };

export function changePhoneNumber(companyId: string, change: PhoneNumberChange) {
  if ('add' in change) return unwrap(api.POST('/api/companies/{companyId}/phone-numbers', { params: { path: { companyId } }, body: change.add }));
  if ('remove' in change) return unwrap(api.DELETE('/api/companies/{companyId}/phone-numbers/{phoneNumberId}', { params: { path: { companyId, phoneNumberId: change.remove } } }));
  return unwrap(api.PATCH('/api/companies/{companyId}/phone-numbers/{phoneNumberId}', { params: { path: { companyId, phoneNumberId: change.id } }, body: { label: change.label } }));
}

export function useChangePhoneNumber(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (change: PhoneNumberChange) => changePhoneNumber(companyId, change), onSuccess: () => queryClient.invalidateQueries({ queryKey: key(companyId) }) });
}
