import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type CallDetail = paths['/api/companies/{companyId}/calls/{callId}']['get']['responses']['200']['content']['application/json'];
export type Turn = CallDetail['transcript'][number];

export const getCall = (companyId: string, callId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/calls/{callId}', { params: { path: { companyId, callId } } }));

/** A call in progress keeps growing: its page asks again while the call has no end. */
export function useCall(companyId: string, callId: string) {
  return useQuery({
    queryKey: ['companies', companyId, 'calls', 'detail', callId],
    queryFn: () => getCall(companyId, callId),
    refetchInterval: (query) => (query.state.data && !query.state.data.endedAt && query.state.data.status === 'in_progress' ? 5_000 : false),
  });
}
