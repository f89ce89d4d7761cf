import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

const key = (companyId: string) => ['companies', companyId, 'phone-numbers'] as const;

export function usePhoneNumbers(companyId: string) {
  return useQuery({
    queryKey: key(companyId),
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/phone-numbers', { params: { path: { companyId } } })),
  });
}

export function useAddPhoneNumber(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: string) => unwrap(api.POST('/api/companies/{companyId}/phone-numbers', { params: { path: { companyId } }, body: { number } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(companyId) }),
  });
}
