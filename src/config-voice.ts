// The real-time voice settings (issue 12): how calls are carried unless a company chooses, and
// the speech-to-text provider of the Media Streams transport. Pure: problems are reported into `problems`.

export type VoiceModeSetting = 'gather' | 'relay' | 'stream';

export interface RealtimeVoiceConfig {
  /** How the calls of companies whose voice mode is 'default' are carried. */
  voiceModeDefault: VoiceModeSetting;
  /** Deepgram's live recognition for 'stream' calls; without a key those calls go turn by turn. */
  deepgramApiKey: string | undefined;
  /** http(s) base of Deepgram's API; its live socket is the ws(s) of it. */
  deepgramBaseUrl: string;
  /** Deepgram's endpointing: milliseconds of silence that end what the caller says. */
  deepgramEndpointingMs: number;
  /** A Media Streams caller silent this long after the agent spoke gets a turn of silence, as a <Gather> timeout gives. */
  streamSilenceMs: number;
}

const MODES: readonly VoiceModeSetting[] = ['gather', 'relay', 'stream'];

export function parseRealtimeVoice(str: (name: string) => string | undefined, problems: string[]): RealtimeVoiceConfig {
  const mode = (str('VOICE_MODE_DEFAULT') ?? 'gather').toLowerCase();
  const known = MODES.includes(mode as VoiceModeSetting);
  if (!known) problems.push(`VOICE_MODE_DEFAULT must be one of ${MODES.join(', ')} (got "${mode}")`);
  const deepgramBaseUrl = (str('DEEPGRAM_BASE_URL') ?? 'https://api.deepgram.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(deepgramBaseUrl)) problems.push(`DEEPGRAM_BASE_URL must be an absolute http(s) URL (got "${deepgramBaseUrl}")`);
  const endpointing = Number(str('DEEPGRAM_ENDPOINTING_MS') ?? 300);
  const endpointingOk = Number.isInteger(endpointing) && endpointing >= 10 && endpointing <= 5000;
  if (!endpointingOk) problems.push('DEEPGRAM_ENDPOINTING_MS must be an integer from 10 to 5000');
  const silence = Number(str('STREAM_SILENCE_MS') ?? 6000);
  const silenceOk = Number.isInteger(silence) && silence >= 100 && silence <= 60_000;
  if (!silenceOk) problems.push('STREAM_SILENCE_MS must be an integer from 100 to 60000');
  return {
    streamSilenceMs: silenceOk ? silence : 6000,
    voiceModeDefault: known ? (mode as VoiceModeSetting) : 'gather',
    deepgramApiKey: str('DEEPGRAM_API_KEY'),
    deepgramBaseUrl,
    deepgramEndpointingMs: endpointingOk ? endpointing : 300,
  };
}
