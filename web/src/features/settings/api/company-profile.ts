import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export const updateCompany = (companyId: string, body: { name?: string; timeZone?: string }) =>
  unwrap(api.PATCH('/api/companies/{companyId}', { params: { path: { companyId } }, body }));

export const setTradeCategories = (companyId: string, tradeCategoryIds: string[]) =>
  unwrap(api.PUT('/api/companies/{companyId}/trade-categories', { params: { path: { companyId } }, body: { tradeCategoryIds } }));

export const listTradeCategories = () => unwrap(api.GET('/api/trade-categories'));

export function useTradeCategories() {
  return useQuery({ queryKey: ['trade-categories'], queryFn: listTradeCategories, staleTime: 5 * 60_000 });
}

/** Name, time zone or trades: the company (read by every page) is refreshed with the answer. */
export function useUpdateCompany(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { profile: { name?: string; timeZone?: string } } | { tradeCategoryIds: string[] }) =>
      'profile' in change ? updateCompany(companyId, change.profile) : setTradeCategories(companyId, change.tradeCategoryIds),
    onSuccess: (company) => {
      queryClient.setQueryData(['companies', companyId], company);
      // Inherited knowledge follows the trades.
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'knowledge'] });
    },
  });
}
