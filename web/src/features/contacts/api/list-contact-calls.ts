import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** A contact's calls, newest first. */
export function useContactCalls(companyId: string, contactId: string) {
  const query = { contactId, limit: 20 };
  return useQuery({
    queryKey: ['companies', companyId, 'calls', 'list', query],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/calls', { params: { path: { companyId }, query } })),
  });
}
