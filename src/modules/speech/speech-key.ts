import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { VoiceProfile } from './speech.types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE = /^([0-9a-f]{64})\.([A-Za-z0-9_-]{22})\.mp3$/;

/**
 * The cache key of one clip: sha256 over everything that changes the audio (the company too,
 * so two companies' URLs for the same sentence do not match). The API key is not part of it:
 * the same voice says the same thing whoever pays.
 */
export function speechCacheKey(companyId: string, profile: VoiceProfile, text: string): string {
  const material = JSON.stringify(['speech-v1', companyId, profile.voiceId, profile.modelId, profile.stability, profile.similarityBoost, profile.style, profile.speed, text]);
  return createHash('sha256').update(material).digest('hex');
}

/** A short fingerprint of spoken text for logs: the text may hold a caller's name. */
export const textFingerprint = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Audio URLs are capabilities: Twilio fetches them without our authentication, so each names
 * its company and key with an HMAC over both. Without the server's secret a URL can be neither
 * guessed nor moved to another company. The signing key is derived from SESSION_SECRET.
 */
export function createSpeechUrlSigner(secret: string) {
  const key = createHmac('sha256', secret).update('clientsvia speech url v1').digest();
  const sign = (companyId: string, cacheKey: string): string =>
    createHmac('sha256', key).update(`${companyId.toLowerCase()}/${cacheKey}`).digest().subarray(0, 16).toString('base64url');

  return {
    sign,
    fileName: (companyId: string, cacheKey: string): string => `${cacheKey}.${sign(companyId, cacheKey)}.mp3`,

    /** The cache key a requested file names, or null when the name or its signature is wrong. */
    verify(companyId: string, file: string): string | null {
      const m = FILE.exec(file);
      if (!m || !UUID.test(companyId)) return null;
      const expected = Buffer.from(sign(companyId, m[1]!));
      const given = Buffer.from(m[2]!);
      return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
    },
  };
}

export type SpeechUrlSigner = ReturnType<typeof createSpeechUrlSigner>;
