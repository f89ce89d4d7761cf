import type { BaseLogger } from 'pino';
import { COMPANY_CACHE_TTL_MS, type InvalidationHub } from '../../cache/invalidation-hub.ts';
import { createLoadingCache } from '../../cache/loading-cache.ts';
import type { SecretsService } from '../secrets/secrets.service.ts';
import type { SpeechService } from '../speech/speech.service.ts';
import type { VoiceProfile } from '../speech/speech.types.ts';
import type { VoiceSettingsService } from '../voice-settings/voice-settings.service.ts';
import type { Speaker } from './call-flow.ts';
import { DEFAULT_VOICE } from './twiml.ts';

/**
 * The company's voice for one call turn: its ElevenLabs profile (with its own key when it uses
 * one), or null when it speaks through Twilio's <Say> voice. A key that no longer decrypts
 * falls back to the platform key, logged without the key.
 */
export function createVoiceProfileResolver(deps: { voiceSettings: VoiceSettingsService; secrets: SecretsService; logger: Pick<BaseLogger, 'warn'>; invalidation?: InvalidationHub }) {
  const resolve = async (companyId: string): Promise<{ profile: VoiceProfile | null; sayVoice: string }> => {
    const { settings } = await deps.voiceSettings.get(companyId);
    if (settings.provider === 'twilio') return { profile: null, sayVoice: settings.voiceId };
    let apiKey: string | null = null;
    if (settings.useOwnKey) {
      try {
        apiKey = await deps.secrets.reveal(companyId, 'elevenlabs_api_key');
      } catch (err) {
        deps.logger.warn({ err, companyId }, "company's ElevenLabs key is unreadable; using the platform key");
      }
    }
    const { provider, voiceId, modelId, stability, similarityBoost, style, speed } = settings;
    return { profile: { provider, voiceId, modelId, stability, similarityBoost, style, speed, apiKey }, sayVoice: DEFAULT_VOICE.sayVoice };
  };
  // Read on every turn, changed rarely: kept per company for a few seconds.
  const cache = createLoadingCache(resolve, { ttlMs: COMPANY_CACHE_TTL_MS });
  deps.invalidation?.register((companyId) => cache.invalidate(companyId));
  return (companyId: string) => cache.get(companyId);
}

export type VoiceProfileResolver = ReturnType<typeof createVoiceProfileResolver>;

/** Speech for a turn: a cached or freshly synthesised clip within the budget, else <Say>. */
export function createSpeaker(resolve: VoiceProfileResolver, speech: Pick<SpeechService, 'audioFor'>): Speaker {
  return {
    async speak(companyId, text, budgetMs) {
      const started = performance.now();
      const { profile, sayVoice } = await resolve(companyId);
      const audio = profile ? await speech.audioFor(companyId, profile, text, { budgetMs: Math.max(0, budgetMs - (performance.now() - started)) }) : null;
      return { audioUrl: audio?.url, sayVoice, ms: Math.round(performance.now() - started) };
    },
  };
}
