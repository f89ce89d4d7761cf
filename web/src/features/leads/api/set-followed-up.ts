import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/api-error.ts';
import { leadsKey, type Lead, type LeadsPage } from './list-unbooked-leads.ts';

export async function setFollowedUp(companyId: string, callId: string, followedUp: boolean): Promise<void> {
  const params = { params: { path: { companyId, callId } } };
  if (followedUp) await unwrap(api.POST('/api/companies/{companyId}/calls/{callId}/follow-up', params));
  else await unwrap(api.DELETE('/api/companies/{companyId}/calls/{callId}/follow-up', params));
}

/**
 * Marks a lead followed up (or not). Optimistic: the toggle moves at once; a failure puts every
 * list back as it was and says why.
 */
export function useSetFollowedUp(companyId: string, me: string) {
  const queryClient = useQueryClient();
  const key = leadsKey(companyId);
  return useMutation({
    mutationFn: ({ lead, followedUp }: { lead: Lead; followedUp: boolean }) => setFollowedUp(companyId, lead.callId, followedUp),
    onMutate: async ({ lead, followedUp }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueriesData<LeadsPage>({ queryKey: key });
      queryClient.setQueriesData<LeadsPage>({ queryKey: [...key, 'list'] }, (page) =>
        page && { ...page, items: page.items.map((l) => (l.callId === lead.callId ? { ...l, followedUp: followedUp ? { by: me, at: new Date().toISOString() } : null } : l)) });
      return { before };
    },
    onError: (error, _vars, context) => {
      for (const [queryKey, data] of context?.before ?? []) queryClient.setQueryData(queryKey, data);
      notifications.show({ color: 'red', title: 'Could not change "followed up"; it is back as it was', message: errorText(error) });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
