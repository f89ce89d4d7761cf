import type { BaseLogger } from 'pino';
import type { AgentTools, ConversationEngine, TurnInput, TurnResult } from '../types.ts';
import { requestChatCompletion } from './chat-client.ts';
import type { AssistantMessage, ChatMessage } from './chat-types.ts';
import { decideReply } from './decide-reply.ts';
import { createEarlySpeech } from './early-speech.ts';
import { checkForEmergency } from './emergency-check.ts';
import { withMemory } from './llm-memory.ts';
import { LlmTurnError, type LlmTurnFailure } from './llm-turn-error.ts';
import { runToolCall } from './run-tool.ts';
import { buildSystemPrompt } from './system-prompt.ts';
import { TOOL_DEFINITIONS } from './tool-definitions.ts';
import { hasCommitted, startProgress, type TurnProgress } from './turn-progress.ts';

export interface LlmEngineOptions {
  baseUrl: string;
  model: string;
  /** The platform's key, for companies without their own. */
  platformApiKey?: string | undefined;
  /** The company's own key, if it stored one. */
  companyApiKey?: (companyId: string) => Promise<string | null>;
  logger: Pick<BaseLogger, 'warn' | 'debug'>;
  temperature?: number;
  /** Model calls per turn: tool rounds and the final answer together. */
  maxRounds?: number;
}

const MAX_CALLS_PER_ROUND = 6;
/** Without a turn budget from the caller, a request still ends inside Twilio's 15 s. */
const DEFAULT_REQUEST_LIMIT_MS = 12_000;

/**
 * The language-model engine: an OpenAI-compatible model chooses what to say and which tools to
 * call; the tools run here, on the server, and the server decides what happened (decideReply).
 * It throws LlmTurnError when the model gives nothing usable, so another engine can answer.
 */
export function createLlmEngine(options: LlmEngineOptions): ConversationEngine {
  const { baseUrl, model, logger, temperature = 0.2, maxRounds = 4 } = options;

  async function keyFor(companyId: string): Promise<string | null> {
    return (await options.companyApiKey?.(companyId)) ?? options.platformApiKey ?? null;
  }

  async function respond(input: TurnInput, tools: AgentTools, signal?: AbortSignal): Promise<TurnResult> {
    const callerText = input.utterance?.text.trim();
    if (!callerText) throw new LlmTurnError('no_speech', input.state);
    const limit = signal ?? AbortSignal.timeout(DEFAULT_REQUEST_LIMIT_MS);
    const about = { companyId: input.profile.companyId, callSid: input.call.callSid, seq: input.seq };
    const progress = startProgress(input);
    const ctx = { input, tools, progress };
    const system: ChatMessage = { role: 'system', content: buildSystemPrompt(input.profile, input.call, input.now) };
    const apiKey = await keyFor(input.profile.companyId);
    const emergencyNote = await checkForEmergency(ctx, callerText);
    const turn: ChatMessage[] = [{ role: 'user', content: emergencyNote ? `${callerText}\n\n${emergencyNote}` : callerText }];
    const started = performance.now();
    // On a streaming call, whole sentences of the answer go out while the model writes on.
    const early = createEarlySpeech(input.speakEarly, progress);

    const finish = async (modelText: string | null): Promise<TurnResult> => {
      const say = early.heard(await decideReply(input, tools, progress, early.unspoken(modelText), early.safetySpoken));
      if (!say) return giveUp('empty_reply');
      return result(progress, turn, say);
    };
    // Past the budget or out of answers: say what the server did, or let another engine answer.
    const giveUp = (reason: LlmTurnFailure): Promise<TurnResult> => {
      if (hasCommitted(progress) && reason !== 'empty_reply') return finish(null);
      throw new LlmTurnError(reason, withMemory(progress.state, progress.memory));
    };

    for (let round = 1; round <= maxRounds; round++) {
      if (limit.aborted) return giveUp('timeout');
      const answer = await requestChatCompletion({ baseUrl, apiKey, model, messages: [system, ...progress.memory.messages, ...turn], tools: TOOL_DEFINITIONS, temperature, signal: limit, onContent: early.round() });
      if (!answer.ok) {
        logger.warn({ ...about, round, reason: answer.reason, status: answer.status, ms: Math.round(performance.now() - started) }, 'language model request failed');
        return giveUp(answer.reason);
      }
      const message = answer.message;
      turn.push(message);
      const calls = message.tool_calls ?? [];
      early.endRound(calls.length);
      if (calls.length === 0) return finish(message.content);
      await runCalls(ctx, message, turn, limit);
      logger.debug({ ...about, round, tools: calls.map((c) => c.function.name.slice(0, 40)) }, 'language model called tools');
      if (limit.aborted) return giveUp('timeout');
      if (progress.terminal) return finish(message.content);
    }
    return giveUp('too_many_rounds');
  }

  return { name: 'llm', respond };
}

/** Runs the message's tool calls in order and answers each one, as the protocol requires. */
async function runCalls(ctx: Parameters<typeof runToolCall>[0], message: AssistantMessage, turn: ChatMessage[], limit: AbortSignal): Promise<void> {
  for (const [i, call] of (message.tool_calls ?? []).entries()) {
    let output: Record<string, unknown>;
    // Nothing is started once the turn's budget is spent: the engine answering instead must
    // not find a write it does not know of.
    if (limit.aborted) output = { ok: false, error: 'not_run', message: 'Out of time.' };
    else if (i >= MAX_CALLS_PER_ROUND) output = { ok: false, error: 'not_run', message: 'Too many tool calls at once.' };
    else if (ctx.progress.terminal) output = { ok: false, error: 'not_run', message: 'The call is already ending.' };
    else output = (await runToolCall(ctx, call)).output;
    turn.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(output) });
  }
}

/** The turn as stored and returned: the history records what the caller actually heard. */
function result(progress: TurnProgress, turn: ChatMessage[], say: string): TurnResult {
  const last = turn.at(-1);
  if (last?.role === 'assistant' && !last.tool_calls) last.content = say;
  else turn.push({ role: 'assistant', content: say });
  progress.memory.messages.push(...turn);
  const { terminal } = progress;
  return {
    say,
    next: terminal ?? { kind: 'listen' },
    state: { ...withMemory(progress.state, progress.memory), misunderstandings: 0 },
    ...(progress.outcome ? { outcome: progress.outcome } : {}),
    intent: progress.intent ?? 'chat',
  };
}
