/**
 * G.711 μ-law, the audio of a phone call's Media Stream (8 kHz, one byte a sample): encoding
 * 16-bit PCM for the calls the tests place, decoding for the recognition stub that listens to
 * them, and test sounds (tones, silence).
 */
const BIAS = 0x84;
const CLIP = 32635;

export function encodeSample(pcm: number): number {
  let s = Math.max(-CLIP, Math.min(CLIP, Math.round(pcm)));
  const sign = s < 0 ? 0x80 : 0;
  if (sign) s = -s;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

export function decodeSample(mulaw: number): number {
  const u = ~mulaw & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

export const encodePcm = (pcm: ArrayLike<number>): Buffer => Buffer.from(Array.from(pcm, encodeSample));
export const decodeMulaw = (audio: Buffer): Int16Array => Int16Array.from(audio, decodeSample);

export const SAMPLE_RATE = 8000;

/** A sine tone as μ-law. */
export function tone(hz: number, ms: number, amplitude = 8000): Buffer {
  const n = Math.round((SAMPLE_RATE * ms) / 1000);
  return encodePcm(Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE)));
}

export const silence = (ms: number): Buffer => Buffer.alloc(Math.round((SAMPLE_RATE * ms) / 1000), encodeSample(0));
