import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { contactsKey } from './list-contacts.ts';

export const getContact = (companyId: string, contactId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/contacts/{contactId}', { params: { path: { companyId, contactId } } }));

export function useContact(companyId: string, contactId: string) {
  return useQuery({ queryKey: [...contactsKey(companyId), 'detail', contactId], queryFn: () => getContact(companyId, contactId) });
}
