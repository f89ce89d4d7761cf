import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type AgentSettingsVersion = paths['/api/companies/{companyId}/agent-settings/history']['get']['responses']['200']['content']['application/json']['items'][number];

const PAGE = 50;

export const getAgentHistory = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/agent-settings/history', { params: { path: { companyId }, query: { limit: PAGE } } }));

/** The latest 50 saved versions, newest first. */
export function useAgentHistory(companyId: string) {
  return useQuery({ queryKey: ['companies', companyId, 'agent-settings-history'], queryFn: () => getAgentHistory(companyId) });
}
