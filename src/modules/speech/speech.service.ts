import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import { createAudioLru } from './audio-lru.ts';
import { createSpeechUrlSigner, speechCacheKey } from './speech-key.ts';
import { createSpeechProvider, type SpeechConfig, type SpeechLogger } from './speech-provider.ts';
import { speechRepository as repo } from './speech.repository.ts';
import type { PrepareResult, SpeechAudio, StoredAudio, VoiceProfile } from './speech.types.ts';

export interface SpeechServiceDeps {
  config: SpeechConfig & Pick<Config, 'publicUrl' | 'sessionSecret' | 'speechMemoryCacheMb' | 'speechBudgetMs'>;
  db: Db;
  logger: SpeechLogger;
  /** The breaker's clock (tests). */
  now?: () => number;
}

/** Pre-synthesis has no caller waiting, but a request that never ends must not hold the job. */
const PREPARE_TIMEOUT_MS = 30_000;
const CONTENT_TYPE = 'audio/mpeg';

/** Resolves to the promise's value, or to false once `ms` have passed. */
function withDeadline(work: Promise<boolean>, ms: number): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(false);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => { timer = setTimeout(resolve, ms, false); });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Speech out: what the agent says, as audio Twilio can `<Play>`. Clips are cached per company
 * in the database (any app process serves any clip) with a bounded copy in memory; a miss is
 * synthesised by ElevenLabs within the caller's time budget. Every way speech can fail answers
 * null, and the call speaks with `<Say>` instead.
 */
export function createSpeechService({ config, db, logger, now }: SpeechServiceDeps) {
  const provider = createSpeechProvider(config, logger, now);
  const signer = createSpeechUrlSigner(config.sessionSecret);
  const memory = createAudioLru(config.speechMemoryCacheMb * 1024 * 1024);
  // Two turns asking for the same new sentence at once share one ElevenLabs request.
  const inFlight = new Map<string, Promise<boolean>>();

  const memoryKey = (companyId: string, key: string) => `${companyId}/${key}`;
  const urlFor = (companyId: string, key: string) => `${config.publicUrl}/api/speech/${companyId}/${signer.fileName(companyId, key)}`;

  async function isCached(companyId: string, key: string): Promise<boolean> {
    if (memory.get(memoryKey(companyId, key))) return true;
    return withTenant(db, companyId, (tx) => repo.touch(tx, companyId, key));
  }

  /** True once the clip is in the database, where every app process can serve it. */
  function synthesizeAndStore(companyId: string, profile: VoiceProfile, text: string, key: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const mk = memoryKey(companyId, key);
    const pending = inFlight.get(mk);
    if (pending) return pending;
    const work = (async () => {
      const audio = await provider.synthesize({ companyId, profile, text, timeoutMs, signal });
      if (!audio) return false;
      await withTenant(db, companyId, (tx) => repo.insert(tx, companyId, { key, contentType: CONTENT_TYPE, audio }));
      memory.set(mk, { contentType: CONTENT_TYPE, audio });
      return true;
    })().finally(() => inFlight.delete(mk));
    inFlight.set(mk, work);
    return work;
  }

  return {
    /**
     * A URL for `text` in the company's voice, from the cache or synthesised within `budgetMs`;
     * null when the company speaks through Twilio, no key is configured, or ElevenLabs is slow,
     * failing or its circuit is open. The budget defaults to SPEECH_BUDGET_MS. Never throws.
     */
    async audioFor(companyId: string, profile: VoiceProfile, text: string, { budgetMs = config.speechBudgetMs }: { budgetMs?: number } = {}): Promise<SpeechAudio | null> {
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      if (!provider.apiKeyFor(profile) || text.trim() === '') return null;
      const key = speechCacheKey(companyId, profile, text);
      try {
        if (await isCached(companyId, key)) return { url: urlFor(companyId, key), cached: true, ms: elapsed() };
        const remaining = budgetMs - elapsed();
        if (remaining <= 0) return null;
        const stored = await withDeadline(synthesizeAndStore(companyId, profile, text, key, remaining), remaining);
        return stored ? { url: urlFor(companyId, key), cached: false, ms: elapsed() } : null;
      } catch (err) {
        // The database, not the provider: the turn still speaks, with <Say>.
        logger.error({ companyId, err }, 'speech cache unavailable');
        return null;
      }
    },

    /**
     * Synthesises ahead what every call says (the greeting, fixed phrases), so calls find it
     * cached. Texts must be exactly what the call flow will speak. Database errors throw (the
     * job retries); provider failures are counted.
     */
    async prepare(companyId: string, profile: VoiceProfile, texts: string[], options: { signal?: AbortSignal } = {}): Promise<PrepareResult> {
      const result: PrepareResult = { cached: 0, synthesized: 0, failed: 0, skipped: false };
      if (!provider.apiKeyFor(profile)) return { ...result, skipped: true };
      for (const text of new Set(texts.filter((t) => t.trim() !== ''))) {
        const key = speechCacheKey(companyId, profile, text);
        if (await isCached(companyId, key)) result.cached += 1;
        else if (await synthesizeAndStore(companyId, profile, text, key, PREPARE_TIMEOUT_MS, options.signal)) result.synthesized += 1;
        else result.failed += 1;
      }
      return result;
    },

    /** The clip a signed file name points to, or null (wrong signature, unknown clip). */
    async load(companyId: string, file: string): Promise<StoredAudio | null> {
      const key = signer.verify(companyId, file);
      if (!key) return null;
      const mk = memoryKey(companyId, key);
      const hit = memory.get(mk);
      if (hit) return hit;
      const row = await withTenant(db, companyId, (tx) => repo.find(tx, companyId, key));
      if (!row) return null;
      const clip = { contentType: row.content_type, audio: Buffer.from(row.audio.buffer, row.audio.byteOffset, row.audio.byteLength) };
      memory.set(mk, clip);
      return clip;
    },
  };
}

export type SpeechService = ReturnType<typeof createSpeechService>;
