import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type VoiceSettingsDocument = paths['/api/companies/{companyId}/voice-settings']['get']['responses']['200']['content']['application/json'];
export type VoiceSettings = VoiceSettingsDocument['settings'];

export const voiceSettingsKey = (companyId: string) => ['companies', companyId, 'voice-settings'] as const;

export const getVoiceSettings = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/voice-settings', { params: { path: { companyId } } }));

export function useVoiceSettings(companyId: string) {
  return useQuery({ queryKey: voiceSettingsKey(companyId), queryFn: () => getVoiceSettings(companyId) });
}
