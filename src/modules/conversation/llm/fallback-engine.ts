import type { BaseLogger } from 'pino';
import { unreadMetrics, type AppMetrics } from '../../../observability/metrics.ts';
import { createCircuitBreaker } from '../../speech/circuit-breaker.ts';
import { LOW_CONFIDENCE } from '../embedded/engine.ts';
import type { AgentTools, ConversationEngine, TurnInput, TurnResult } from '../types.ts';
import { appendExchange } from './llm-memory.ts';
import { LlmTurnError } from './llm-turn-error.ts';

export interface FallbackEngineOptions {
  /** How long the primary engine may take before the fallback answers the turn. */
  budgetMs: number;
  /** After the budget, how long the primary has to hand over where it got to. */
  graceMs?: number;
  /** Consecutive failures per company that skip the primary for the cool-down. */
  breakerFailures?: number;
  breakerCooldownMs?: number;
  logger: Pick<BaseLogger, 'warn' | 'info'>;
  metrics?: Pick<AppMetrics, 'modelCalls' | 'modelFallbacks'>;
  now?: () => number;
}

/** Which engine's words the caller heard: the transcript records it. */
export type AnsweredBy = 'llm' | 'embedded' | 'fallback';

export interface TrackedTurn {
  result: TurnResult;
  engine: AnsweredBy;
  /** Why the fallback answered. */
  reason?: string;
}

export interface FallbackEngine extends ConversationEngine {
  respondTracked(input: TurnInput, tools: AgentTools, signal?: AbortSignal): Promise<TrackedTurn>;
}

type Settled = { ok: true; result: TurnResult } | { ok: false; error: unknown };

/**
 * Turns the plainer engine answers by policy, not as a fallback: silence and speech the
 * recogniser was unsure of (never read as words), and a call past its time limit.
 */
function ownedByFallback(input: TurnInput): boolean {
  const { utterance, now, call, profile } = input;
  if (!utterance || utterance.text.trim() === '') return true;
  if (utterance.confidence !== null && utterance.confidence < LOW_CONFIDENCE) return true;
  return (now.getTime() - call.startedAt.getTime()) / 1000 >= profile.maxCallSeconds;
}

const reasonOf = (error: unknown): string => (error instanceof LlmTurnError ? error.reason : 'error');
/** The few reasons a dashboard tells apart: the model was slow, failed, or was skipped. */
const fallbackReason = (reason: string): 'timeout' | 'breaker' | 'error' => (reason === 'timeout' ? 'timeout' : reason === 'circuit_open' ? 'breaker' : 'error');

/**
 * The language model with a time budget and a plainer engine behind it: whatever the model
 * does (slow, down, nonsense), the caller hears an answer within the budget plus a small grace.
 * Silence, unclear speech and the call's time limit go straight to the fallback's policy. A
 * company whose model keeps failing skips it for a while, so it costs no turn a wait.
 */
export function createFallbackEngine(primary: ConversationEngine, fallback: ConversationEngine, options: FallbackEngineOptions): FallbackEngine {
  const { budgetMs, graceMs = 150, logger, metrics = unreadMetrics() } = options;
  const breaker = createCircuitBreaker({ failures: options.breakerFailures ?? 3, cooldownMs: options.breakerCooldownMs ?? 30_000, ...(options.now ? { now: options.now } : {}) });

  async function runFallback(input: TurnInput, tools: AgentTools, signal: AbortSignal | undefined, reason: string, started: number): Promise<TrackedTurn> {
    metrics.modelFallbacks.inc({ reason: fallbackReason(reason) });
    const result = await fallback.respond(input, tools, signal);
    logger.warn({ companyId: input.profile.companyId, callSid: input.call.callSid, seq: input.seq, reason, ms: Math.round(performance.now() - started) }, 'language model turn answered by the fallback engine');
    // The model reads next turn what the caller heard in this one.
    return { result: { ...result, state: appendExchange(result.state, input.utterance?.text ?? null, result.say) }, engine: 'fallback', reason };
  }

  async function respondTracked(input: TurnInput, tools: AgentTools, signal?: AbortSignal): Promise<TrackedTurn> {
    const started = performance.now();
    if (ownedByFallback(input)) {
      const result = await fallback.respond(input, tools, signal);
      return { result: { ...result, state: appendExchange(result.state, input.utterance?.text ?? null, result.say) }, engine: fallback.name };
    }
    const companyId = input.profile.companyId;
    if (!breaker.allow(companyId)) return runFallback(input, tools, signal, 'circuit_open', started);

    const budget = new AbortController();
    const onOuterAbort = () => budget.abort();
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    const timers: NodeJS.Timeout[] = [];
    const after = (ms: number) => new Promise<'late'>((resolve) => timers.push(setTimeout(resolve, ms, 'late')));
    timers.push(setTimeout(() => budget.abort(), budgetMs));
    const spent = new Promise<'spent'>((resolve) => budget.signal.addEventListener('abort', () => resolve('spent'), { once: true }));

    const settled: Promise<Settled> = primary.respond(input, tools, budget.signal).then((result) => ({ ok: true, result }), (error: unknown) => ({ ok: false, error }));
    try {
      const inBudget = await Promise.race([settled, spent]);
      // Past the budget the primary stops; it gets a moment to hand over what it did.
      const first = inBudget === 'spent' ? await Promise.race([settled, after(graceMs)]) : inBudget;
      if (first !== 'late' && first.ok) {
        metrics.modelCalls.inc({ outcome: 'ok' });
        breaker.success(companyId);
        return { result: first.result, engine: primary.name };
      }
      const reason = first === 'late' ? 'timeout' : reasonOf(first.error);
      metrics.modelCalls.inc({ outcome: reason === 'timeout' ? 'timeout' : 'error' });
      if (breaker.failure(companyId)) logger.warn({ companyId, cooldownMs: options.breakerCooldownMs ?? 30_000 }, 'language model circuit opened: the embedded engine answers for the cool-down');
      const state = first !== 'late' && first.error instanceof LlmTurnError ? first.error.state : input.state;
      return await runFallback({ ...input, state }, tools, signal, reason, started);
    } finally {
      for (const t of timers) clearTimeout(t);
      signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  return {
    name: primary.name,
    respondTracked,
    respond: async (input, tools, signal) => (await respondTracked(input, tools, signal)).result,
  };
}
