import type { AgentTools, CallFacts, TurnInput } from '../types.ts';
import type { ToolArgs, ToolName } from './tool-schemas.ts';
import type { TurnProgress } from './turn-progress.ts';

/** What a tool runs with: the turn, the company's tools, and the turn's progress to update. */
export interface ToolContext {
  input: TurnInput;
  tools: AgentTools;
  progress: TurnProgress;
}

/** What goes back to the model as the tool's result (JSON). */
export type ToolOutput = Record<string, unknown>;

export type ToolRunner<N extends ToolName> = (ctx: ToolContext, args: ToolArgs<N>) => Promise<ToolOutput>;

/**
 * The idempotency key of the n-th call of a tool in this turn. Derived from the call and the
 * turn, so a Twilio retry of the turn repeats the same keys and never books twice.
 */
export function idempotencyKey(ctx: ToolContext, tool: ToolName): string {
  const n = (ctx.progress.calls.get(tool) ?? 0) + 1;
  ctx.progress.calls.set(tool, n);
  return `${ctx.input.call.callSid}:${ctx.input.seq}:${tool}:${n}`;
}

/** Keeps what the caller told us, so the other engine can continue the call. */
export function learn(ctx: ToolContext, facts: CallFacts): void {
  const known = ctx.progress.state.facts;
  for (const [key, value] of Object.entries(facts) as Array<[keyof CallFacts, CallFacts[keyof CallFacts]]>) {
    if (value !== undefined && value !== '') (known as Record<string, unknown>)[key] = value;
  }
}

export const refusal = (code: string, message: string): ToolOutput => ({ ok: false, code, message });
