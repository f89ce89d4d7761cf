import { AppError } from '../../../errors.ts';
import type { ToolCall } from './chat-types.ts';
import { parseToolCall } from './tool-definitions.ts';
import type { ToolName } from './tool-schemas.ts';
import { refusal, type ToolContext, type ToolOutput, type ToolRunner } from './tool-context.ts';
import { BOOKING_TOOLS } from './tools-booking.ts';
import { CALL_TOOLS } from './tools-calls.ts';

const RUNNERS: { [N in ToolName]: ToolRunner<N> } = { ...BOOKING_TOOLS, ...CALL_TOOLS };

/**
 * Runs one tool call of the model on the server and answers what the model is told. A call
 * that cannot run (unknown tool, arguments that are not JSON or do not fit) is answered with
 * what to fix, so the model can try again. A business refusal (AppError: slot taken, zip out of
 * area) is a result too. Anything else is a failure of the turn and propagates.
 */
export async function runToolCall(ctx: ToolContext, call: ToolCall): Promise<{ name: string; output: ToolOutput }> {
  const parsed = parseToolCall(call.function.name, call.function.arguments);
  if (!parsed.ok) return { name: call.function.name, output: { ok: false, error: parsed.error, message: parsed.message } };
  const { name, args } = parsed.call;
  try {
    const output = await (RUNNERS[name] as ToolRunner<typeof name>)(ctx, args as never);
    return { name, output };
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return { name, output: refusal(err.code, err.message) };
    throw err;
  }
}

export const isTerminalTool = (name: string): boolean => name === 'transfer_call' || name === 'end_call';
