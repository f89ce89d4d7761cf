import { Type, type Static, type TOptional } from 'typebox';
import { DateTime } from '../../http/common-schemas.ts';
import { KEEPS_OMITTED } from '../../http/partial-update.ts';
import { SecretChangeField, SecretSummary } from '../secrets/secrets.schemas.ts';

export const VOICE_PROVIDERS = ['elevenlabs', 'twilio'] as const;
export const VOICE_MODES = ['default', 'gather', 'relay', 'stream'] as const;
export type VoiceMode = (typeof VOICE_MODES)[number];

const Fraction = Type.Number({ minimum: 0, maximum: 1 });

const properties = {
  provider: Type.Enum(VOICE_PROVIDERS, { description: "ElevenLabs, or 'twilio': the phone network's built-in voice (TwiML <Say>)" }),
  voiceId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'An ElevenLabs voice id, or a Twilio <Say> voice such as Polly.Joanna-Neural', examples: ['21m00Tcm4TlvDq8ikWAM'] }),
  modelId: Type.String({ pattern: '^[a-z0-9_]{1,64}$', description: 'ElevenLabs model, e.g. eleven_flash_v2_5 (unused by twilio)', examples: ['eleven_flash_v2_5'] }),
  stability: Fraction,
  similarityBoost: Fraction,
  style: Fraction,
  speed: Type.Number({ minimum: 0.7, maximum: 1.2 }),
  useOwnKey: Type.Boolean({ description: "Speak through the company's own ElevenLabs API key instead of the platform's" }),
  mode: Type.Enum(VOICE_MODES, {
    description: "How calls are carried: 'gather' (one TwiML <Gather> round trip per turn), 'relay' (Twilio ConversationRelay: streamed text, "
      + "Twilio's recognition and voices, the caller can interrupt), 'stream' (Twilio Media Streams: our own recognition (Deepgram) and "
      + "ElevenLabs voice streamed as audio, the caller can interrupt; turn by turn while no DEEPGRAM_API_KEY is set) "
      + "or 'default' (the platform's choice, VOICE_MODE_DEFAULT)",
  }),
};

export const VoiceSettings = Type.Object(properties, { additionalProperties: false });
export type VoiceSettings = Static<typeof VoiceSettings>;

/** A save keeps what it leaves out; the configuration import fills it from the provider's defaults. */
export const VoiceSettingsInput = Type.Object(
  Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof typeof properties]: TOptional<(typeof properties)[K]> },
  { additionalProperties: false },
);
export type VoiceSettingsInput = Static<typeof VoiceSettingsInput>;

export const VoiceSettingsDocument = Type.Object({
  settings: VoiceSettings,
  elevenLabsApiKey: SecretSummary,
  updatedAt: Type.Union([DateTime, Type.Null()], { description: 'null: never saved; these are the defaults' }),
});

export const PutVoiceSettingsBody = Type.Object(
  {
    settings: Type.Optional({ ...VoiceSettingsInput, description: `${KEEPS_OMITTED} Switching provider without a voiceId or modelId takes that provider's defaults for them.` } as typeof VoiceSettingsInput),
    elevenLabsApiKey: SecretChangeField,
  },
  { additionalProperties: false, minProperties: 1, description: 'A part left out stays as it is' },
);
