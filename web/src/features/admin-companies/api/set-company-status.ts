import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { companiesKey } from './list-companies.ts';

export function useSetCompanyStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, status }: { companyId: string; status: 'active' | 'suspended' }) =>
      unwrap(api.PATCH('/api/companies/{companyId}', { params: { path: { companyId } }, body: { status } })),
    onSuccess: (company) => {
      void queryClient.invalidateQueries({ queryKey: companiesKey });
      void queryClient.invalidateQueries({ queryKey: ['companies', company.id] });
    },
  });
}
