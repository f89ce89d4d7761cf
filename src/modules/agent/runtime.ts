import type { BaseLogger } from 'pino';
import type { Config } from '../../config.ts';
import type { AppMetrics } from '../../observability/metrics.ts';
import type { Services } from '../../services.ts';
import { createEmbeddedEngine } from '../conversation/embedded/engine.ts';
import { createFallbackEngine } from '../conversation/llm/fallback-engine.ts';
import { createLlmEngine } from '../conversation/llm/llm-engine.ts';
import { createLoadingCache } from '../../cache/loading-cache.ts';
import { COMPANY_CACHE_TTL_MS, type InvalidationHub } from '../../cache/invalidation-hub.ts';
import { loadProfileInputs, profileAt } from '../conversation/profile.ts';
import { createAgentTools } from '../conversation/tools.ts';
import type { TurnInput } from '../conversation/types.ts';
import type { AgentRuntime } from './turn-runner.ts';

const MAX_HINTS = 60;

/**
 * The agent as the call flow runs it: the embedded dialogue manager always, and in front of it
 * the language model when LLM_BASE_URL is set (with the company's own key or the platform's),
 * falling back to the embedded engine for any turn the model cannot answer in time.
 */
export function createAgentRuntime(deps: {
  config: Config; services: Services; logger: Pick<BaseLogger, 'debug' | 'info' | 'warn'>; invalidation: InvalidationHub; metrics?: AppMetrics;
}): AgentRuntime {
  const { config, services, logger } = deps;
  // Read on every turn, changed rarely: kept per company for a few seconds.
  const profiles = createLoadingCache((companyId) => loadProfileInputs(services, companyId), { ttlMs: COMPANY_CACHE_TTL_MS });
  const vocabulary = createLoadingCache((companyId) => services.knowledge.vocabularyHints(companyId).catch(() => [] as string[]), { ttlMs: COMPANY_CACHE_TTL_MS });
  deps.invalidation.register((companyId) => {
    profiles.invalidate(companyId);
    vocabulary.invalidate(companyId);
  });
  const embedded = createEmbeddedEngine();
  const llm = config.llmBaseUrl
    ? createFallbackEngine(
        createLlmEngine({
          baseUrl: config.llmBaseUrl,
          model: config.llmModel,
          platformApiKey: config.llmApiKey,
          companyApiKey: async (companyId) => services.secrets.reveal(companyId, 'llm_api_key').catch(() => null),
          logger,
        }),
        embedded,
        { budgetMs: config.llmTurnBudgetMs, logger, ...(deps.metrics ? { metrics: deps.metrics } : {}) },
      )
    : null;

  // Anonymous visitors (the website widget) spend the company's money on every model turn: a
  // daily budget, then the embedded engine carries the conversation on at no cost.
  async function modelAllowed({ call, profile, now }: TurnInput): Promise<boolean> {
    if (call.channel !== 'widget') return true;
    const decision = await services.anonymousUsage.takeModelTurn(profile.companyId, now);
    if (decision.firstRefusal) {
      logger.warn({ alert: 'anon_budget_reached', budget: 'model_turn', companyId: profile.companyId, limit: config.anonModelTurnsPerCompanyPerDay }, 'anonymous language-model budget reached for today; the website widget continues on the embedded engine');
    }
    return decision.allowed;
  }

  return {
    profileFor: async (companyId, now) => profileAt(await profiles.get(companyId), companyId, now),
    toolsFor: (companyId, call, now, deferWrite) => createAgentTools(services, { companyId, call, now, anonymous: { requestHoldMinutes: config.anonRequestHoldMinutes }, deferWrite }),
    async respond(input, tools, signal) {
      if (!llm || !(await modelAllowed(input))) return { result: await embedded.respond(input, tools, signal), engine: 'embedded' };
      const tracked = await llm.respondTracked(input, tools, signal);
      return { result: tracked.result, engine: tracked.engine };
    },
    async hintsFor(companyId, profile) {
      const words = await vocabulary.get(companyId);
      return [...new Set([...profile.services.map((s) => s.name.toLowerCase()), ...words])].slice(0, MAX_HINTS);
    },
  };
}
