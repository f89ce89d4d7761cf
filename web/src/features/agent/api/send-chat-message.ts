import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type ChatReply = paths['/api/companies/{companyId}/agent/chat']['post']['responses']['200']['content']['application/json'];

/** Starts a conversation (no id: the greeting) or sends its next line. */
export const sendChatMessage = (companyId: string, body: { conversationId?: string; text?: string }) =>
  unwrap(api.POST('/api/companies/{companyId}/agent/chat', { params: { path: { companyId } }, body }));

export function useSendChatMessage(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { conversationId?: string; text?: string }) => sendChatMessage(companyId, body),
    // A test conversation is recorded like a call and may book or take a message.
    onSuccess: () => {
      for (const resource of ['calls', 'bookings', 'messages', 'unanswered-questions']) void queryClient.invalidateQueries({ queryKey: ['companies', companyId, resource] });
    },
  });
}
