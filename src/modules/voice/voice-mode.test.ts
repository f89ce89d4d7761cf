import { describe, expect, it } from 'vitest';
import { voiceModeOf } from './voice-mode.ts';

const platform = { voiceModeDefault: 'gather' as const, deepgramApiKey: 'dg-key', elevenLabsApiKey: 'el-key' };
const eleven = { provider: 'elevenlabs' as const, useOwnKey: false };

describe('voiceModeOf', () => {
  it("resolves 'default' to the platform's mode", () => {
    expect(voiceModeOf({ ...eleven, mode: 'default' }, { ...platform, voiceModeDefault: 'relay' })).toBe('relay');
    expect(voiceModeOf({ ...eleven, mode: 'gather' }, { ...platform, voiceModeDefault: 'relay' })).toBe('gather');
  });

  it('streams when Deepgram and an ElevenLabs key are there', () => {
    expect(voiceModeOf({ ...eleven, mode: 'stream' }, platform)).toBe('stream');
    expect(voiceModeOf({ ...eleven, mode: 'default' }, { ...platform, voiceModeDefault: 'stream' })).toBe('stream');
    expect(voiceModeOf({ provider: 'elevenlabs', useOwnKey: true, mode: 'stream' }, { ...platform, elevenLabsApiKey: undefined })).toBe('stream');
  });

  it('goes turn by turn instead of streaming without a way to hear or speak', () => {
    expect(voiceModeOf({ ...eleven, mode: 'stream' }, { ...platform, deepgramApiKey: undefined })).toBe('gather');
    expect(voiceModeOf({ ...eleven, mode: 'stream' }, { ...platform, elevenLabsApiKey: undefined })).toBe('gather');
    expect(voiceModeOf({ provider: 'twilio', useOwnKey: false, mode: 'stream' }, platform)).toBe('gather');
  });
});
