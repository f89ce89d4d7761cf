import type { EmergencyMatch } from '../types.ts';
import { learn, type ToolContext } from './tool-context.ts';
import { reach } from './turn-progress.ts';

/**
 * Marks an emergency in the turn: the caller hears its safety instruction first, once per call,
 * whatever the model says after it.
 */
export function noteEmergency(ctx: ToolContext, match: EmergencyMatch, description: string): void {
  const { memory } = ctx.progress;
  learn(ctx, { emergency: true, problem: ctx.progress.state.facts.problem ?? description });
  reach(ctx.progress, 'emergency', `emergency.${match.key}`);
  if (memory.emergencies.includes(match.key)) return;
  memory.emergencies.push(match.key);
  ctx.progress.safetyInstruction = match.instruction;
}

/**
 * The server's own emergency check on what the caller said, before the model sees it: safety
 * does not wait for the model to think of calling detect_emergency. Returns a note for the
 * model, appended to the caller's words, or null.
 */
export async function checkForEmergency(ctx: ToolContext, callerText: string): Promise<string | null> {
  const match = await ctx.tools.detectEmergency(callerText);
  if (!match) return null;
  const first = !ctx.progress.memory.emergencies.includes(match.key);
  noteEmergency(ctx, match, callerText);
  const heard = first ? `The caller is hearing this safety instruction first: "${match.instruction}" Do not repeat it.` : 'The caller has heard the safety instruction.';
  return `[Server note: this is an emergency (${match.name}). ${heard} Next, follow the emergency rules.]`;
}
