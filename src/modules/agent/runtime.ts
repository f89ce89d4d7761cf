import type { BaseLogger } from 'pino';
import type { Config } from '../../config.ts';
import type { Services } from '../../services.ts';
import { createEmbeddedEngine } from '../conversation/embedded/engine.ts';
import { createFallbackEngine } from '../conversation/llm/fallback-engine.ts';
import { createLlmEngine } from '../conversation/llm/llm-engine.ts';
import { buildAgentProfile } from '../conversation/profile.ts';
import { createAgentTools } from '../conversation/tools.ts';
import type { AgentRuntime } from './turn-runner.ts';

const MAX_HINTS = 60;

/**
 * The agent as the call flow runs it: the embedded dialogue manager always, and in front of it
 * the language model when LLM_BASE_URL is set (with the company's own key or the platform's),
 * falling back to the embedded engine for any turn the model cannot answer in time.
 */
export function createAgentRuntime(deps: { config: Config; services: Services; logger: Pick<BaseLogger, 'debug' | 'info' | 'warn'> }): AgentRuntime {
  const { config, services, logger } = deps;
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
        { budgetMs: config.llmTurnBudgetMs, logger },
      )
    : null;

  return {
    profileFor: (companyId, now) => buildAgentProfile(services, companyId, now),
    toolsFor: (companyId, call, now) => createAgentTools(services, { companyId, call, now }),
    async respond(input, tools, signal) {
      if (!llm) return { result: await embedded.respond(input, tools, signal), engine: 'embedded' };
      const tracked = await llm.respondTracked(input, tools, signal);
      return { result: tracked.result, engine: tracked.engine };
    },
    async hintsFor(companyId, profile) {
      const vocabulary = await services.knowledge.vocabularyHints(companyId).catch(() => [] as string[]);
      return [...new Set([...profile.services.map((s) => s.name.toLowerCase()), ...vocabulary])].slice(0, MAX_HINTS);
    },
  };
}
