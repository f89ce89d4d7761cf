import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { agentSettingsKey, type AgentSettings } from './get-agent-settings.ts';

/** Saves a new version; `expectedVersion` makes a save over someone else's newer one a 409 CONFLICT. */
export const saveAgentSettings = (companyId: string, settings: AgentSettings, expectedVersion: number) =>
  unwrap(api.PUT('/api/companies/{companyId}/agent-settings', { params: { path: { companyId } }, body: { settings, expectedVersion } }));

export function useSaveAgentSettings(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, expectedVersion }: { settings: AgentSettings; expectedVersion: number }) => saveAgentSettings(companyId, settings, expectedVersion),
    onSuccess: (saved) => {
      queryClient.setQueryData(agentSettingsKey(companyId), saved);
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'agent-settings-history'] });
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'greeting-preview'] });
    },
  });
}
