import twilio from 'twilio';
import type { VoiceSettings } from '../voice-settings/voice-settings.schemas.ts';

/**
 * The answer to an incoming call in 'relay' mode: <Connect><ConversationRelay>. Twilio speaks the
 * greeting, recognises the caller (Deepgram) and speaks our text (ElevenLabs, or Amazon/Google
 * for a <Say> voice), exchanging text with our WebSocket; when the session ends (our `end`
 * message, or a failure) Twilio posts to the <Connect> action URL for what comes next.
 */
const { VoiceResponse } = twilio.twiml;

export interface RelayTwimlInput {
  socketUrl: string;
  actionUrl: string;
  greeting: string;
  language: string;
  voice: Pick<VoiceSettings, 'provider' | 'voiceId' | 'modelId' | 'speed' | 'stability' | 'similarityBoost'>;
  hints: readonly string[];
}

const fixed = (n: number) => (Math.round(n * 100) / 100).toFixed(2).replace(/0$/, '');

/** Twilio's naming of a voice: ElevenLabs `<voice>-<model>-<speed>_<stability>_<similarity>`, Polly and Google by name. */
export function relayVoice(voice: RelayTwimlInput['voice']): { ttsProvider?: string; voice?: string } {
  if (voice.provider === 'elevenlabs') {
    const model = voice.modelId.replace(/^eleven_/, '');
    return { ttsProvider: 'ElevenLabs', voice: `${voice.voiceId}-${model}-${fixed(voice.speed)}_${fixed(voice.stability)}_${fixed(voice.similarityBoost)}` };
  }
  const [family, name] = voice.voiceId.split('.', 2);
  if (family === 'Polly' && name) return { ttsProvider: 'Amazon', voice: name };
  if (family === 'Google' && name) return { ttsProvider: 'Google', voice: name };
  return {}; // man, woman, alice: Twilio's default voice for the language
}

export function relayTwiml(input: RelayTwimlInput): string {
  const r = new VoiceResponse();
  const connect = r.connect({ action: input.actionUrl, method: 'POST' });
  connect.conversationRelay({
    url: input.socketUrl,
    welcomeGreeting: input.greeting,
    welcomeGreetingInterruptible: 'any',
    language: input.language,
    ...relayVoice(input.voice),
    transcriptionProvider: 'Deepgram',
    speechModel: 'nova-3-general',
    interruptible: 'any',
    dtmfDetection: true,
    ...(input.hints.length > 0 ? { hints: input.hints.join(',').slice(0, 2000) } : {}),
  });
  return r.toString();
}
