import { Value } from 'typebox/value';
import { AppError } from '../../errors.ts';
import { keepOmitted } from '../../http/partial-update.ts';
import { VoiceSettings, type VoiceSettingsInput } from './voice-settings.schemas.ts';

export type ValidatedVoiceSettings = VoiceSettings & { readonly __validated: unique symbol };

const SHARED_DEFAULTS = { stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, useOwnKey: false, mode: 'default' as const };

/** The voice a company speaks with until it chooses one: ElevenLabs through the platform's key. */
export const DEFAULT_VOICE_SETTINGS: VoiceSettings = { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', ...SHARED_DEFAULTS };
const TWILIO_DEFAULTS: VoiceSettings = { provider: 'twilio', voiceId: 'Polly.Joanna-Neural', modelId: 'eleven_flash_v2_5', ...SHARED_DEFAULTS };

// ElevenLabs voice ids are opaque alphanumerics; Twilio <Say> takes its basic voices or a
// Polly / Google voice name.
const VOICE_ID = {
  elevenlabs: { re: /^[A-Za-z0-9]{8,64}$/, rule: 'must be an ElevenLabs voice id (letters and digits)' },
  twilio: { re: /^(man|woman|alice|(Polly|Google)\.[A-Za-z0-9-]+)$/, rule: 'must be a Twilio <Say> voice: man, woman, alice, Polly.<Name> or Google.<name>' },
} as const;

const fail = (field: string, message: string) => new AppError('VALIDATION_FAILED', `${field} ${message}`, { fields: [{ field, message }] });

const defaultsFor = (provider: VoiceSettings['provider'] | undefined): VoiceSettings => (provider === 'twilio' ? TWILIO_DEFAULTS : DEFAULT_VOICE_SETTINGS);

/**
 * A complete voice settings document: `input` over `current` (fields left out keep their
 * value), or over the provider's defaults when there is no current document (the
 * configuration import). A voice or model belongs to its provider: switching provider without
 * naming them takes the new provider's.
 */
export function validateVoiceSettings(input: VoiceSettingsInput, prefix = 'settings', current?: VoiceSettings): ValidatedVoiceSettings {
  const fresh = defaultsFor(input.provider ?? current?.provider);
  const base = current && (input.provider === undefined || input.provider === current.provider)
    ? current
    : { ...(current ?? fresh), provider: fresh.provider, voiceId: fresh.voiceId, modelId: fresh.modelId };
  const doc = keepOmitted(base, input as Partial<VoiceSettings>);
  const [first] = Value.Errors(VoiceSettings, doc);
  if (first) throw fail(`${prefix}${first.instancePath.replaceAll('/', '.')}`, first.message);
  const settings = doc as VoiceSettings;
  const voice = VOICE_ID[settings.provider];
  if (!voice.re.test(settings.voiceId)) throw fail(`${prefix}.voiceId`, voice.rule);
  if (settings.provider === 'elevenlabs' && !settings.modelId.startsWith('eleven_')) throw fail(`${prefix}.modelId`, 'must be an ElevenLabs model id (eleven_...)');
  return settings as ValidatedVoiceSettings;
}
