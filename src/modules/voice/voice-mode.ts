import type { VoiceModeSetting } from '../../config-voice.ts';
import type { VoiceSettings } from '../voice-settings/voice-settings.schemas.ts';

/**
 * How one company's calls are carried now: its voice setting with 'default' resolved to the
 * platform's, and 'stream' only when our own speech pipeline can run: a Deepgram key to hear
 * the caller and an ElevenLabs voice with a key to speak. Otherwise the call goes turn by turn
 * (<Gather>), which needs neither: never dead air. Pure.
 */
export function voiceModeOf(
  voice: Pick<VoiceSettings, 'mode' | 'provider' | 'useOwnKey'>,
  platform: { voiceModeDefault: VoiceModeSetting; deepgramApiKey: string | undefined; elevenLabsApiKey: string | undefined },
): VoiceModeSetting {
  const mode = voice.mode === 'default' ? platform.voiceModeDefault : voice.mode;
  if (mode !== 'stream') return mode;
  const canSpeak = voice.provider === 'elevenlabs' && (voice.useOwnKey || Boolean(platform.elevenLabsApiKey));
  return platform.deepgramApiKey && canSpeak ? 'stream' : 'gather';
}
