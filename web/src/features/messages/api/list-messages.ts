import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type MessagesQuery = NonNullable<paths['/api/companies/{companyId}/messages']['get']['parameters']['query']>;
export type MessagesPage = paths['/api/companies/{companyId}/messages']['get']['responses']['200']['content']['application/json'];
export type Message = MessagesPage['items'][number];

export const messagesKey = (companyId: string) => ['companies', companyId, 'messages'] as const;

export const listMessages = (companyId: string, query: MessagesQuery) =>
  unwrap(api.GET('/api/companies/{companyId}/messages', { params: { path: { companyId }, query } }));

export function useMessages(companyId: string, query: MessagesQuery) {
  return useQuery({
    queryKey: [...messagesKey(companyId), 'list', query],
    queryFn: () => listMessages(companyId, query),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}
