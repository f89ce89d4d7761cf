import twilio from 'twilio';

/**
 * TwiML for each moment of a call, built with Twilio's own library. What the agent says is
 * spoken inside <Gather> so the caller can talk over it (barge-in); a clip from ElevenLabs
 * plays when there is one, otherwise Twilio's voice reads the text.
 */
const { VoiceResponse } = twilio.twiml;

export interface Speech {
  text: string;
  /** A cached ElevenLabs clip of the text; absent: Twilio <Say> reads it. */
  audioUrl?: string | undefined;
}

export interface VoiceOptions {
  language: string;
  /** Twilio <Say> voice, e.g. 'Polly.Joanna-Neural'. */
  sayVoice: string;
}

// Twilio types voices and languages as closed unions; ours come from settings, checked there.
type SayAttributes = Parameters<InstanceType<typeof VoiceResponse>['say']>[0];
type GatherAttributes = NonNullable<Parameters<InstanceType<typeof VoiceResponse>['gather']>[0]>;
const sayAttributes = (voice: VoiceOptions) => ({ voice: voice.sayVoice, language: voice.language }) as SayAttributes;

function speak(target: { say(attrs: object, text: string): unknown; play(url: string): unknown }, speech: Speech, voice: VoiceOptions): void {
  if (speech.audioUrl) target.play(speech.audioUrl);
  else target.say(sayAttributes(voice), speech.text);
}

/** Speak, then listen: the caller's answer (or silence) is posted to `action`. */
export function listenTwiml(speech: Speech, voice: VoiceOptions, action: string, hints: readonly string[]): string {
  const r = new VoiceResponse();
  const gather = r.gather({
    input: ['speech'],
    action,
    method: 'POST',
    speechTimeout: 'auto',
    timeout: 6,
    actionOnEmptyResult: true,
    language: voice.language as GatherAttributes['language'],
    speechModel: 'phone_call',
    ...(hints.length > 0 ? { hints: hints.join(', ').slice(0, 2000) } : {}),
  });
  speak(gather, speech, voice);
  return r.toString();
}

/** Speak, then hang up. */
export function hangupTwiml(speech: Speech, voice: VoiceOptions): string {
  const r = new VoiceResponse();
  speak(r, speech, voice);
  r.hangup();
  return r.toString();
}

/**
 * Speak (unless the words were already spoken, on a streaming call), then connect the caller to
 * a person; if nobody answers, apologise and end.
 */
export function transferTwiml(speech: Speech | null, voice: VoiceOptions, to: string, callerId: string | null): string {
  const r = new VoiceResponse();
  if (speech) speak(r, speech, voice);
  r.dial({ timeout: 25, ...(callerId ? { callerId } : {}) }, to);
  r.say(sayAttributes(voice), "I'm sorry, nobody could pick up right now. Please call back in a few minutes. Goodbye.");
  r.hangup();
  return r.toString();
}

/** Where a <Gather> posts the caller's answer to turn `seq`. */
export const turnUrl = (publicUrl: string, seq: number) => `${publicUrl}/api/twilio/turn?seq=${seq}`;

/** A bare hang-up: the goodbye was already spoken. */
export function endTwiml(): string {
  const r = new VoiceResponse();
  r.hangup();
  return r.toString();
}

export const DEFAULT_VOICE: VoiceOptions = { language: 'en-US', sayVoice: 'Polly.Joanna-Neural' };
