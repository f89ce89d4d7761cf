import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/api-error.ts';
import { messagesKey, type Message, type MessagesPage } from './list-messages.ts';

type Status = Message['status'];

export const setMessageStatus = (companyId: string, messageId: string, status: Status) =>
  unwrap(api.PATCH('/api/companies/{companyId}/messages/{messageId}', { params: { path: { companyId, messageId } }, body: { status } }));

/**
 * Marks a message handled (or waiting again). Optimistic: the message moves at once; a failure
 * puts every list back as it was and says why.
 */
export function useSetMessageStatus(companyId: string) {
  const queryClient = useQueryClient();
  const key = messagesKey(companyId);
  return useMutation({
    mutationFn: ({ message, status }: { message: Message; status: Status }) => setMessageStatus(companyId, message.id, status),
    onMutate: async ({ message, status }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueriesData<MessagesPage>({ queryKey: key });
      queryClient.setQueriesData<MessagesPage>({ queryKey: [...key, 'list'] }, (page) =>
        page && { ...page, items: page.items.map((m) => (m.id === message.id ? { ...m, status, handledAt: status === 'handled' ? new Date().toISOString() : null } : m)) });
      return { before };
    },
    onError: (error, { message }, context) => {
      for (const [queryKey, data] of context?.before ?? []) queryClient.setQueryData(queryKey, data);
      notifications.show({ color: 'red', title: `Could not update the message from ${message.callerName || 'the caller'}`, message: errorText(error) });
    },
    onSuccess: (_data, { message, status }) => {
      notifications.show({ color: 'green', message: status === 'handled' ? `Message from ${message.callerName || 'the caller'} marked handled.` : 'Message is waiting again.' });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'overview'] });
    },
  });
}
