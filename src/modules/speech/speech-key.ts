import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { VoiceProfile } from './speech.types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// `<key>.<generation>.<expires>.<signature>.mp3`, generation and expiry in base 36 and a 96-bit
// tag, so the name stays under the router's 100-character parameter limit.
const FILE = /^([0-9a-f]{64})\.([1-9a-z][0-9a-z]{0,5})\.(0|[1-9a-z][0-9a-z]{0,7})\.([A-Za-z0-9_-]{16})\.mp3$/;

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

/** What an audio URL grants: one clip of one company, under a URL generation, until `expires`. */
export interface ClipGrant {
  cacheKey: string;
  /** The company's URL generation when it was signed; raising it revokes the URL. */
  generation: number;
  /** Unix seconds after which the URL is refused; 0 for a set phrase (no expiry, cacheable). */
  expires: number;
}

/**
 * Audio URLs are capabilities: Twilio fetches them without our authentication, so each names
 * its company, clip, generation and expiry with an HMAC over all four. Without the server's
 * secret a URL can be neither guessed, moved to another company, extended nor made permanent.
 * The signing key is derived from SESSION_SECRET; revocation goes by the generation instead.
 */
export function createSpeechUrlSigner(secret: string) {
  const key = createHmac('sha256', secret).update('clientsvia speech url v2').digest();
  const sign = (companyId: string, g: ClipGrant): string =>
    createHmac('sha256', key).update(`${companyId.toLowerCase()}/${g.cacheKey}/${g.generation}/${g.expires}`).digest().subarray(0, 12).toString('base64url');

  return {
    sign,
    fileName: (companyId: string, g: ClipGrant): string => `${g.cacheKey}.${g.generation.toString(36)}.${g.expires.toString(36)}.${sign(companyId, g)}.mp3`,

    /** What a requested file grants, or null when the name or its signature is wrong (no expiry check). */
    verify(companyId: string, file: string): ClipGrant | null {
      const m = FILE.exec(file);
      if (!m || !UUID.test(companyId)) return null;
      const grant = { cacheKey: m[1]!, generation: parseInt(m[2]!, 36), expires: parseInt(m[3]!, 36) };
      const expected = Buffer.from(sign(companyId, grant));
      const given = Buffer.from(m[4]!);
      return expected.length === given.length && timingSafeEqual(expected, given) ? grant : null;
    },
  };
}

export type SpeechUrlSigner = ReturnType<typeof createSpeechUrlSigner>;
