import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** The messages the agent took during a call. */
export function useCallMessages(companyId: string, callId: string) {
  return useQuery({
    queryKey: ['companies', companyId, 'messages', 'list', { callId }],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/messages', { params: { path: { companyId }, query: { callId, limit: 20 } } })),
  });
}
