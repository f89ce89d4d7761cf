import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { contactsKey } from './list-contacts.ts';

export type ContactPatch = NonNullable<paths['/api/companies/{companyId}/contacts/{contactId}']['patch']['requestBody']>['content']['application/json'];

export const updateContact = (companyId: string, contactId: string, body: ContactPatch) =>
  unwrap(api.PATCH('/api/companies/{companyId}/contacts/{contactId}', { params: { path: { companyId, contactId } }, body }));

/** Saves a contact; the form shows a failure on its fields, the notification says it saved. */
export function useUpdateContact(companyId: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactPatch) => updateContact(companyId, contactId, body),
    onSuccess: (contact) => {
      queryClient.setQueryData([...contactsKey(companyId), 'detail', contactId], contact);
      void queryClient.invalidateQueries({ queryKey: [...contactsKey(companyId), 'list'] });
      // The call log shows contact names.
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'calls'] });
      notifications.show({ color: 'green', message: `${contact.name || 'Contact'} saved.` });
    },
  });
}
