import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** One turn with the agent as a caller would have it (no conversation id: the greeting). */
export function useChatTurn(companyId: string) {
  return useMutation({
    mutationFn: (body: { conversationId?: string; text?: string }) =>
      unwrap(api.POST('/api/companies/{companyId}/agent/chat', { params: { path: { companyId } }, body })),
  });
}
