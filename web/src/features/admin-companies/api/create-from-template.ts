import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { companiesKey } from './list-companies.ts';

export type NewCompany = paths['/api/platform/companies']['post']['requestBody']['content']['application/json'];

export function useCreateFromTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCompany) => unwrap(api.POST('/api/platform/companies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companiesKey }),
  });
}
