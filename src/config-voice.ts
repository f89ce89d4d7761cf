// The real-time voice settings (issue 12): how calls are carried unless a company chooses.
// Pure: problems are reported into `problems`.

export type VoiceModeSetting = 'gather' | 'relay';

export interface RealtimeVoiceConfig {
  /** How the calls of companies whose voice mode is 'default' are carried. */
  voiceModeDefault: VoiceModeSetting;
}

const MODES: readonly VoiceModeSetting[] = ['gather', 'relay'];

export function parseRealtimeVoice(str: (name: string) => string | undefined, problems: string[]): RealtimeVoiceConfig {
  const mode = (str('VOICE_MODE_DEFAULT') ?? 'gather').toLowerCase();
  const known = MODES.includes(mode as VoiceModeSetting);
  if (!known) problems.push(`VOICE_MODE_DEFAULT must be one of ${MODES.join(', ')} (got "${mode}")`);
  return { voiceModeDefault: known ? (mode as VoiceModeSetting) : 'gather' };
}
