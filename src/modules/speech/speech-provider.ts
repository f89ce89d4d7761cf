import { createHash } from 'node:crypto';
import type { BaseLogger } from 'pino';
import type { Config } from '../../config.ts';
import type { AppMetrics } from '../../observability/metrics.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';
import { synthesizeWithElevenLabs } from './elevenlabs-client.ts';
import { textFingerprint } from './speech-key.ts';
import type { VoiceProfile } from './speech.types.ts';

export type SpeechLogger = Pick<BaseLogger, 'warn' | 'info' | 'debug' | 'error'>;
const ignore = () => {};
/** For processes that never speak (command-line tools). */
export const SILENT_LOGGER: SpeechLogger = { warn: ignore, info: ignore, debug: ignore, error: ignore };
export type SpeechConfig = Pick<Config, 'elevenLabsBaseUrl' | 'elevenLabsApiKey' | 'speechBreakerFailures' | 'speechBreakerCooldownMs'>;

export interface SynthesisRequest {
  companyId: string;
  profile: VoiceProfile;
  text: string;
  timeoutMs: number;
  /** Also ends the request (a job being stopped). */
  signal?: AbortSignal | undefined;
}

/**
 * ElevenLabs behind a circuit breaker per API key, with a hard time limit per request.
 * Answers audio or null; logs why not, naming the company and the text's length and
 * fingerprint, never the text or the key.
 */
export function createSpeechProvider(config: SpeechConfig, logger: SpeechLogger, metrics: Pick<AppMetrics, 'speechSynthesisSeconds'>, now: () => number = Date.now) {
  const breaker = createCircuitBreaker({ failures: config.speechBreakerFailures, cooldownMs: config.speechBreakerCooldownMs, now });
  // The breaker is keyed by a digest, so the process never keeps keys it does not need.
  const breakerId = (apiKey: string) => createHash('sha256').update(apiKey).digest('hex').slice(0, 16);

  /** The key a profile speaks with, or null when it cannot use ElevenLabs at all. */
  function apiKeyFor(profile: VoiceProfile): string | null {
    if (profile.provider !== 'elevenlabs') return null;
    return profile.apiKey ?? config.elevenLabsApiKey ?? null;
  }

  async function synthesize({ companyId, profile, text, timeoutMs, signal }: SynthesisRequest): Promise<Buffer | null> {
    const apiKey = apiKeyFor(profile);
    if (!apiKey) return null;
    const id = breakerId(apiKey);
    const about = { companyId, voiceId: profile.voiceId, keySource: profile.apiKey ? 'company' : 'platform', textLength: text.length, textSha: textFingerprint(text) };
    if (!breaker.allow(id)) {
      logger.debug(about, 'speech synthesis skipped: ElevenLabs circuit open');
      return null;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), Math.max(1, timeoutMs));
    const onOuterAbort = () => abort.abort();
    if (signal?.aborted) abort.abort();
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    const started = performance.now();
    try {
      const result = await synthesizeWithElevenLabs(config.elevenLabsBaseUrl, apiKey, profile, text, abort.signal);
      metrics.speechSynthesisSeconds.observe({ outcome: result.ok ? 'ok' : result.reason }, (performance.now() - started) / 1000);
      if (result.ok) {
        breaker.success(id);
        return result.audio;
      }
      // A caller that gave up (a job being stopped) says nothing about ElevenLabs.
      if (signal?.aborted) return null;
      const opened = breaker.failure(id);
      const ms = Math.round(performance.now() - started);
      logger.warn({ ...about, reason: result.reason, status: result.status, ms }, 'speech synthesis failed');
      if (opened) logger.warn({ ...about, cooldownMs: config.speechBreakerCooldownMs }, 'ElevenLabs circuit opened: speaking without it for the cool-down');
      return null;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  return { apiKeyFor, synthesize, breakerState: (apiKey: string) => breaker.state(breakerId(apiKey)) };
}

export type SpeechProvider = ReturnType<typeof createSpeechProvider>;
