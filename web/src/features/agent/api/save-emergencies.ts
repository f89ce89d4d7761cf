import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { agentSettingsKey, type AgentSettings } from './get-agent-settings.ts';
import { tradeEmergenciesKey } from './get-trade-emergencies.ts';

export type EmergencySettings = Pick<AgentSettings, 'emergencies' | 'tradeEmergenciesOff'>;

/** Saves only the emergencies (the other settings keep their value) as a new version of the agent settings. */
export const saveEmergencies = (companyId: string, settings: EmergencySettings, expectedVersion: number) =>
  unwrap(api.PUT('/api/companies/{companyId}/agent-settings', { params: { path: { companyId } }, body: { settings, expectedVersion } }));

export function useSaveEmergencies(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, expectedVersion }: { settings: EmergencySettings; expectedVersion: number }) => saveEmergencies(companyId, settings, expectedVersion),
    onSuccess: (saved) => {
      queryClient.setQueryData(agentSettingsKey(companyId), saved);
      void queryClient.invalidateQueries({ queryKey: tradeEmergenciesKey(companyId) });
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'agent-settings-history'] });
    },
  });
}
