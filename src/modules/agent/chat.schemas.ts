import { Type } from 'typebox';

export const ChatBody = Type.Object(
  {
    conversationId: Type.Optional(Type.String({ pattern: '^WEB[0-9a-f]{32}$', description: 'Absent: start a conversation (the greeting)' })),
    text: Type.Optional(Type.String({ maxLength: 1000, description: 'What the caller writes; absent or empty is silence' })),
    seq: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'The turn number, to retry a message safely' })),
  },
  { additionalProperties: false },
);

export const ChatReply = Type.Object({
  conversationId: Type.String(),
  seq: Type.Integer(),
  say: Type.String(),
  next: Type.Union([Type.Literal('listen'), Type.Literal('hangup'), Type.Literal('transfer')]),
  transferTo: Type.Union([Type.String(), Type.Null()]),
});
