import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import { unreadMetrics, type AppMetrics } from '../../observability/metrics.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { createAudioLru } from './audio-lru.ts';
import { createSpeechUrlSigner, speechCacheKey } from './speech-key.ts';
import { createSpeechProvider, type SpeechConfig, type SpeechLogger } from './speech-provider.ts';
import { speechRepository as repo } from './speech.repository.ts';
import type { PrepareResult, SpeechAudio, StoredAudio, VoiceProfile } from './speech.types.ts';

export interface SpeechServiceDeps {
  config: SpeechConfig & Pick<Config, 'publicUrl' | 'sessionSecret' | 'speechMemoryCacheMb' | 'speechBudgetMs'>;
  db: Db;
  audit: AuditService;
  logger: SpeechLogger;
  /** Counts into a registry nobody reads when left out (tests of the service alone). */
  metrics?: Pick<AppMetrics, 'speechSynthesisSeconds' | 'speechCache'>;
  /** The breaker's clock (tests). */
  now?: () => number;
}

/** Pre-synthesis has no caller waiting, but a request that never ends must not hold the job. */
const PREPARE_TIMEOUT_MS = 30_000;
const CONTENT_TYPE = 'audio/mpeg';
/**
 * How long the URL of a clip that may carry a caller's details stays valid: Twilio fetches it
 * within the turn (and on a retry); after that a leaked URL is worthless.
 */
export const PERSONAL_CLIP_URL_TTL_S = 600;

/** What an audio URL is signed with: whether the clip is a set phrase, and the company's URL generation. */
interface ClipState {
  fixed: boolean;
  generation: number;
}

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
export function createSpeechService({ config, db, audit, logger, metrics = unreadMetrics(), now }: SpeechServiceDeps) {
  const provider = createSpeechProvider(config, logger, metrics, now);
  const signer = createSpeechUrlSigner(config.sessionSecret);
  const memory = createAudioLru(config.speechMemoryCacheMb * 1024 * 1024);
  // Two turns asking for the same new sentence at once share one ElevenLabs request.
  const inFlight = new Map<string, Promise<boolean>>();

  const memoryKey = (companyId: string, key: string) => `${companyId}/${key}`;
  /** A set phrase's URL never expires (caches may keep it); any other clip's expires within minutes. */
  const urlFor = (companyId: string, key: string, state: ClipState) => {
    const expires = state.fixed ? 0 : Math.floor(Date.now() / 1000) + PERSONAL_CLIP_URL_TTL_S;
    return `${config.publicUrl}/api/speech/${companyId}/${signer.fileName(companyId, { cacheKey: key, generation: state.generation, expires })}`;
  };

  /** The stored clip's state (null: not stored), marking it used. */
  function clipState(companyId: string, key: string): Promise<ClipState | null> {
    return withTenant(db, companyId, async (tx) => {
      const clip = await repo.touch(tx, companyId, key);
      return clip ? { fixed: clip.fixed, generation: await repo.urlGeneration(tx, companyId) } : null;
    });
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
        const cached = await clipState(companyId, key);
        metrics.speechCache.inc({ result: cached ? 'hit' : 'miss' });
        if (cached) return { url: urlFor(companyId, key, cached), cached: true, ms: elapsed() };
        const remaining = budgetMs - elapsed();
        if (remaining <= 0) return null;
        const stored = await withDeadline(synthesizeAndStore(companyId, profile, text, key, remaining), remaining);
        const state = stored ? await clipState(companyId, key) : null;
        return state ? { url: urlFor(companyId, key, state), cached: false, ms: elapsed() } : null;
      } catch (err) {
        // The database, not the provider: the turn still speaks, with <Say>.
        logger.error({ companyId, err }, 'speech cache unavailable');
        return null;
      }
    },

    /**
     * Synthesises ahead what every call says (the greeting, fixed phrases), so calls find it
     * cached, and marks those clips as set phrases (their URLs may be cached). Texts must be
     * exactly what the call flow will speak and must hold no caller's details. Database errors
     * throw (the job retries); provider failures are counted.
     */
    async prepare(companyId: string, profile: VoiceProfile, texts: string[], options: { signal?: AbortSignal } = {}): Promise<PrepareResult> {
      const result: PrepareResult = { cached: 0, synthesized: 0, failed: 0, skipped: false };
      if (!provider.apiKeyFor(profile)) return { ...result, skipped: true };
      const prepared: string[] = [];
      for (const text of new Set(texts.filter((t) => t.trim() !== ''))) {
        const key = speechCacheKey(companyId, profile, text);
        if (await clipState(companyId, key)) result.cached += 1;
        else if (await synthesizeAndStore(companyId, profile, text, key, PREPARE_TIMEOUT_MS, options.signal)) result.synthesized += 1;
        else {
          result.failed += 1;
          continue;
        }
        prepared.push(key);
      }
      await withTenant(db, companyId, (tx) => repo.markFixed(tx, companyId, prepared));
      return result;
    },

    /**
     * The clip a signed file name points to, or null: a wrong signature (refused before any
     * database read), an expired URL, a revoked generation, an unknown clip, or a never-expiring
     * URL for a clip that is not a set phrase. `cacheable` only for a set phrase's URL.
     */
    async load(companyId: string, file: string): Promise<(StoredAudio & { cacheable: boolean }) | null> {
      const grant = signer.verify(companyId, file);
      if (!grant || (grant.expires !== 0 && grant.expires * 1000 <= Date.now())) return null;
      const mk = memoryKey(companyId, grant.cacheKey);
      const hit = memory.get(mk);
      const row = await withTenant(db, companyId, async (tx) =>
        (await repo.urlGeneration(tx, companyId)) === grant.generation ? repo.find(tx, companyId, grant.cacheKey, !hit) : undefined);
      if (!row || (grant.expires === 0 && !row.fixed)) return null;
      const clip = hit ?? { contentType: row.content_type, audio: Buffer.from(row.audio!.buffer, row.audio!.byteOffset, row.audio!.byteLength) };
      if (!hit) memory.set(mk, clip);
      return { ...clip, cacheable: grant.expires === 0 };
    },

    /** Personal-data retention: deletes clips that may carry a caller's details, made before `cutoff`. */
    purgeBefore(companyId: string, cutoff: Date): Promise<number> {
      return withTenant(db, companyId, (tx) => repo.deletePersonalBefore(tx, companyId, cutoff));
    },

    /**
     * Keeps the company's cache within bounds: clips unused since `unusedSince` go, then the
     * least recently used beyond `maxBytes`. A pruned clip is synthesised again when next spoken.
     */
    pruneCache(companyId: string, unusedSince: Date | null, maxBytes: number): Promise<number> {
      return withTenant(db, companyId, (tx) => repo.prune(tx, companyId, unusedSince, maxBytes));
    },

    /** Revokes every audio URL of the company handed out so far (set phrases too); audited. */
    async revokeUrls(actor: Actor, companyId: string): Promise<{ generation: number }> {
      return withTenant(db, companyId, async (tx) => {
        const generation = await repo.raiseUrlGeneration(tx, companyId);
        await audit.record(tx, companyId, actor, { action: 'speech.urls_revoked', entityType: 'speech', changes: { generation } });
        return { generation };
      });
    },
  };
}

export type SpeechService = ReturnType<typeof createSpeechService>;
