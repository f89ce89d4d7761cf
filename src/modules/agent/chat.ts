import { randomBytes } from 'node:crypto';
import { notFound } from '../../errors.ts';
import { greetingForText } from '../agent-settings/greeting.ts';
import type { AnonymousUsageService } from '../anonymous-usage/anonymous-usage.service.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { MessagesService } from '../calls/messages.service.ts';
import type { TurnResult } from '../conversation/types.ts';
import type { TurnRunner } from './turn-runner.ts';

/**
 * The agent over text: the dashboard's "test your agent" (channel 'web', signed in) and a
 * company's website widget (channel 'widget', anonymous). The same engine, tools and records as
 * a phone call; only the rendering differs. Anonymous conversations are capped per company per
 * day, and their bookings are requests the company confirms (see conversation/tools.ts).
 */
export interface ChatReply {
  conversationId: string;
  seq: number;
  say: string;
  next: 'listen' | 'hangup' | 'transfer';
  transferTo: string | null;
  /** The dashboard's test chat only: what the conversation has produced so far, to link to. */
  produced?: Produced;
}

export interface Produced {
  callId: string;
  bookingId: string | null;
  messageId: string | null;
}

const replyOf = (conversationId: string, seq: number, result: TurnResult): ChatReply => ({
  conversationId,
  seq,
  say: result.say,
  next: result.next.kind,
  transferTo: result.next.kind === 'transfer' ? result.next.to : null,
});

export function createChat(deps: {
  calls: CallsService; runner: TurnRunner; turnBudgetMs: number; channel: 'web' | 'widget'; anonymousUsage: AnonymousUsageService;
  /** Given for the signed-in test chat: its replies then say which booking or message the conversation made. */
  messages?: MessagesService;
}) {
  const { calls, runner, channel } = deps;

  // Read after the turn is recorded, so a replayed turn reports what exists now.
  async function withProduced(companyId: string, callId: string, reply: ChatReply): Promise<ChatReply> {
    if (!deps.messages) return reply;
    const [call, messages] = await Promise.all([
      calls.get(companyId, callId),
      deps.messages.list(companyId, { callId }, { limit: 1, offset: 0 }),
    ]);
    return { ...reply, produced: { callId, bookingId: call.bookingId, messageId: messages.items[0]?.id ?? null } };
  }

  return {
    /** Starts a conversation (the greeting) or takes its next message. A repeated `seq` gets the same reply. */
    async message(companyId: string, input: { conversationId?: string | undefined; text?: string | undefined; seq?: number | undefined }): Promise<ChatReply> {
      if (!input.conversationId) {
        const conversationId = `WEB${randomBytes(16).toString('hex')}`;
        if (channel === 'widget') await deps.anonymousUsage.takeConversation(companyId, runner.clock());
        const { call } = await calls.begin(companyId, { callSid: conversationId, channel, from: null, to: null, at: runner.clock() });
        const greeting = (await runner.greeting(companyId)).result;
        const result = { ...greeting, say: greetingForText(greeting.say) };
        const reply = replyOf(conversationId, 0, result);
        const recorded = JSON.parse(await runner.record(companyId, call, 0, { ran: null, result, response: JSON.stringify(reply), speechMs: 0 })) as ChatReply;
        return withProduced(companyId, call.id, recorded);
      }
      const call = await calls.findBySid(companyId, input.conversationId);
      if (!call || call.channel !== channel) throw notFound('Conversation');
      const seq = input.seq ?? call.turnCount + 1;
      const recorded = await calls.recordedTurn(companyId, call.id, seq);
      if (recorded) return withProduced(companyId, call.id, JSON.parse(recorded.response) as ChatReply);
      const text = input.text?.trim() ?? '';
      const ran = await runner.run(companyId, call, seq, text ? { text, confidence: null } : null, AbortSignal.timeout(deps.turnBudgetMs));
      const reply = replyOf(input.conversationId, seq, ran.result);
      const saved = JSON.parse(await runner.record(companyId, call, seq, { ran, result: ran.result, response: JSON.stringify(reply), speechMs: 0 })) as ChatReply;
      return withProduced(companyId, call.id, saved);
    },
  };
}

export type Chat = ReturnType<typeof createChat>;
