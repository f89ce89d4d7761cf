import { Value } from 'typebox/value';
import type { ToolDefinition } from './chat-types.ts';
import { isToolName, TOOL_NAMES, TOOL_SCHEMAS, type ToolArgs, type ToolName } from './tool-schemas.ts';

const DESCRIPTIONS: Record<ToolName, string> = {
  search_knowledge: "Look up the answer to a caller's question about the company, its services, prices, policies or the trade. Answer only from what it returns.",
  detect_emergency: 'Check whether what the caller describes is an emergency (gas smell, flooding, no heat in freezing weather, sparking, ...). Returns the safety instruction to read first.',
  find_slots: 'Find open appointment times for a service at the caller\'s ZIP code. Pass the caller\'s own words for when. Returns a few slots to offer.',
  hold_slot: "Hold one offered slot for the caller. Returns a read-back to say; the booking is NOT made until confirm_booking succeeds after the caller says yes.",
  confirm_booking: 'Book the held slot, only after the caller heard the read-back and said yes.',
  find_caller_bookings: "The caller's upcoming appointments.",
  cancel_booking: 'Cancel one of the caller\'s appointments, after they confirmed which one.',
  reschedule_booking: "Move one of the caller's appointments to an offered slot, after they confirmed it.",
  take_message: 'Leave a message for the company to call the caller back.',
  transfer_call: 'Hand the call to a person at the company. Ends your part of the call.',
  end_call: 'Hang up, after saying goodbye. Ends the call.',
};

/** What is sent to the model in every request, built once. */
export const TOOL_DEFINITIONS: readonly ToolDefinition[] = TOOL_NAMES.map((name) => ({
  type: 'function',
  function: { name, description: DESCRIPTIONS[name], parameters: JSON.parse(JSON.stringify(TOOL_SCHEMAS[name])) as Record<string, unknown> },
}));

export type ParsedToolCall = { [N in ToolName]: { name: N; args: ToolArgs<N> } }[ToolName];

/**
 * The model's tool call, checked: a known name and arguments that are JSON and match the
 * tool's schema. Unknown properties are dropped. The error says what to fix, for the model.
 */
export function parseToolCall(name: string, argsText: string): { ok: true; call: ParsedToolCall } | { ok: false; error: string; message: string } {
  if (!isToolName(name)) return { ok: false, error: 'unknown_tool', message: `There is no tool named "${name.slice(0, 60)}". The tools are: ${TOOL_NAMES.join(', ')}.` };
  let args: unknown;
  try {
    args = argsText.trim() === '' ? {} : JSON.parse(argsText);
  } catch {
    return { ok: false, error: 'invalid_arguments', message: `The arguments for ${name} are not valid JSON. Send a JSON object.` };
  }
  const schema = TOOL_SCHEMAS[name];
  if (!Value.Check(schema, args)) {
    const problems = [...Value.Errors(schema, args)].slice(0, 3).map((e) => `${e.instancePath || '(arguments)'} ${e.message}`);
    return { ok: false, error: 'invalid_arguments', message: `The arguments for ${name} are wrong: ${problems.join('; ')}.` };
  }
  return { ok: true, call: { name, args: Value.Clean(schema, Value.Clone(args)) } as ParsedToolCall };
}
