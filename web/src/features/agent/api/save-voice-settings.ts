import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { voiceSettingsKey, type VoiceSettings } from './get-voice-settings.ts';

export const saveVoiceSettings = (companyId: string, settings: VoiceSettings) =>
  unwrap(api.PUT('/api/companies/{companyId}/voice-settings', { params: { path: { companyId } }, body: { settings } }));

export function useSaveVoiceSettings(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: VoiceSettings) => saveVoiceSettings(companyId, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(voiceSettingsKey(companyId), saved);
      void queryClient.invalidateQueries({ queryKey: ['companies', companyId, 'greeting-preview'] });
    },
  });
}
