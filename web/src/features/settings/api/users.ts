import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type CompanyUser = paths['/api/companies/{companyId}/users']['get']['responses']['200']['content']['application/json']['items'][number];
export type NewUser = { email: string; name: string; password: string; role: 'owner' | 'staff' };
export type UserChange = { role?: 'owner' | 'staff'; disabled?: boolean };

const key = (companyId: string) => ['companies', companyId, 'users'] as const;

export const listUsers = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/users', { params: { path: { companyId }, query: { limit: 200 } } }));

export function useUsers(companyId: string) {
  return useQuery({ queryKey: key(companyId), queryFn: () => listUsers(companyId) });
}

export const changeUser = (companyId: string, change: { create: NewUser } | { id: string; change: UserChange }) =>
  'create' in change
    ? unwrap(api.POST('/api/companies/{companyId}/users', { params: { path: { companyId } }, body: change.create }))
    : unwrap(api.PATCH('/api/companies/{companyId}/users/{userId}', { params: { path: { companyId, userId: change.id } }, body: change.change }));

export function useChangeUser(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { create: NewUser } | { id: string; change: UserChange }) => changeUser(companyId, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(companyId) }),
  });
}
