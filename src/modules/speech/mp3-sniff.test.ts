import { describe, expect, it } from 'vitest';
import { silentMp3 } from '../../../test/stubs/mp3-frames.ts';
import { looksLikeMp3 } from './mp3-sniff.ts';

describe('MP3 sniffing', () => {
  it('accepts MPEG audio frames and ID3-tagged files', () => {
    expect(looksLikeMp3(silentMp3(2))).toBe(true);
    expect(looksLikeMp3(Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), silentMp3(1)]))).toBe(true);
  });

  it('refuses what a failing upstream might send with a 200', () => {
    for (const body of ['<html><body>error</body></html>', '{"detail":"x"}', '']) expect(looksLikeMp3(Buffer.from(body))).toBe(false);
    expect(looksLikeMp3(Buffer.from([0xff, 0xfb, 0xf0, 0x00]))).toBe(false); // bitrate index 1111 is invalid
  });
});
