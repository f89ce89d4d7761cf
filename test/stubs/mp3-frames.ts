/**
 * Real MP3 audio: MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, mono. Each frame is a valid
 * header followed by zeroed side information and main data, which decoders play as silence
 * (26 ms per frame). Enough for anything that parses MP3 to accept it.
 */
const HEADER = [0xff, 0xfb, 0x90, 0xc4];
// 144 * bitrate / sample rate, without padding.
export const FRAME_BYTES = Math.floor((144 * 128_000) / 44_100);

export function silentMp3(frames: number): Buffer {
  const out = Buffer.alloc(FRAME_BYTES * frames);
  for (let i = 0; i < frames; i++) out.set(HEADER, i * FRAME_BYTES);
  return out;
}
