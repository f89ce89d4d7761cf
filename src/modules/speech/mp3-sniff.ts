/**
 * Whether bytes start like an MP3 file: an ID3v2 tag, or an MPEG audio frame header (11 sync
 * bits, then a version, layer, bitrate and sample rate that are not the reserved values).
 * Enough to refuse an HTML error page or JSON served with a 200.
 */
export function looksLikeMp3(b: Uint8Array): boolean {
  if (b.length >= 10 && b[0] === 0x49 && b[1] === 0x44 && b[2] === 0x33) return true;
  if (b.length < 4 || b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return false;
  const version = (b[1]! >> 3) & 0x3;
  const layer = (b[1]! >> 1) & 0x3;
  const bitrate = b[2]! >> 4;
  const sampleRate = (b[2]! >> 2) & 0x3;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}
