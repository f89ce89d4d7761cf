import { normalizePhone } from '../../../phone/normalize.ts';
import { noteEmergency } from './emergency-check.ts';
import { idempotencyKey, learn, refusal, type ToolContext, type ToolRunner } from './tool-context.ts';
import { reach } from './turn-progress.ts';

const searchKnowledge: ToolRunner<'search_knowledge'> = async (ctx, args) => {
  const found = await ctx.tools.searchKnowledge(args.question);
  if (found.answerable && found.answer) {
    reach(ctx.progress, 'answered', 'faq');
    return { found: true, answer: found.answer };
  }
  // The company sees what callers asked that the knowledge base could not answer.
  await ctx.tools.recordUnanswered(args.question);
  ctx.progress.intent = 'faq.unknown';
  return { found: false, next: 'Say you are not sure and offer to take a message. Do not guess.' };
};

const detectEmergency: ToolRunner<'detect_emergency'> = async (ctx, args) => {
  const match = await ctx.tools.detectEmergency(args.description);
  if (!match) return { emergency: false };
  noteEmergency(ctx, match, args.description);
  // The server says the instruction itself, ahead of the model's reply.
  return { emergency: true, kind: match.name, safety_instruction: match.instruction, next: 'The caller hears the safety instruction first; do not repeat it. Follow the emergency rules.' };
};

const takeMessage: ToolRunner<'take_message'> = async (ctx, args) => {
  const given = args.callback_number ? normalizePhone(args.callback_number) : null;
  if (args.callback_number && !given) return refusal('INVALID_PHONE_NUMBER', 'That callback number is not a phone number. Ask the caller to repeat it.');
  const callbackNumber = given ?? ctx.progress.state.facts.phone ?? ctx.input.call.callerNumber;
  learn(ctx, { name: args.name, ...(given ? { phone: given } : {}) });
  if (!callbackNumber) return refusal('NEED_PHONE', 'Ask the caller for a callback number.');
  const taken = await ctx.tools.takeMessage({ name: args.name, callbackNumber, body: args.message, urgent: args.urgent ?? false, key: idempotencyKey(ctx, 'take_message') });
  ctx.progress.messageTaken = true;
  reach(ctx.progress, 'message', 'message');
  return { ok: true, message_id: taken.id };
};

/** Where a transfer goes, decided by the company's settings, never by the model. */
function transferTarget(ctx: ToolContext, reason: 'caller_asked' | 'emergency'): string | null {
  const { transferNumbers, transferWhen, isOpenNow, afterHours } = ctx.input.profile;
  if (reason === 'emergency') return transferWhen.emergency ? (transferNumbers.emergencyOnCall ?? transferNumbers.main) : null;
  if (!isOpenNow && afterHours === 'transfer_on_call') return transferNumbers.emergencyOnCall ?? transferNumbers.main;
  return transferWhen.callerAsksForPerson ? transferNumbers.main : null;
}

const transferCall: ToolRunner<'transfer_call'> = async (ctx, args) => {
  const to = transferTarget(ctx, args.reason);
  if (!to) return refusal('NO_TRANSFER', 'Nobody can take the call now. Offer to take a message instead.');
  ctx.progress.terminal = { kind: 'transfer', to };
  if (args.reason === 'emergency' || ctx.progress.state.facts.emergency) reach(ctx.progress, 'emergency', ctx.progress.intent?.startsWith('emergency') ? ctx.progress.intent : 'emergency.transfer');
  else reach(ctx.progress, 'transferred', 'transfer');
  return { ok: true, transferring: true };
};

const endCall: ToolRunner<'end_call'> = async (ctx) => {
  ctx.progress.terminal = { kind: 'hangup' };
  ctx.progress.intent = 'end';
  return { ok: true };
};

export const CALL_TOOLS = {
  search_knowledge: searchKnowledge,
  detect_emergency: detectEmergency,
  take_message: takeMessage,
  transfer_call: transferCall,
  end_call: endCall,
};
