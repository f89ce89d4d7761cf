import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type AgentSettingsDocument = paths['/api/companies/{companyId}/agent-settings']['get']['responses']['200']['content']['application/json'];
export type AgentSettings = AgentSettingsDocument['settings'];

export const agentSettingsKey = (companyId: string) => ['companies', companyId, 'agent-settings'] as const;

export const getAgentSettings = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/agent-settings', { params: { path: { companyId } } }));

export function useAgentSettings(companyId: string) {
  return useQuery({ queryKey: agentSettingsKey(companyId), queryFn: () => getAgentSettings(companyId) });
}
