import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Contact = paths['/api/companies/{companyId}/contacts/{contactId}']['get']['responses']['200']['content']['application/json'];

export const contactsKey = (companyId: string) => ['companies', companyId, 'contacts'] as const;

export const listContacts = (companyId: string, query: { q?: string; limit: number; offset: number }) =>
  unwrap(api.GET('/api/companies/{companyId}/contacts', { params: { path: { companyId }, query } }));

export function useContacts(companyId: string, query: { q?: string; limit: number; offset: number }) {
  return useQuery({ queryKey: [...contactsKey(companyId), 'list', query], queryFn: () => listContacts(companyId, query), placeholderData: keepPreviousData });
}
