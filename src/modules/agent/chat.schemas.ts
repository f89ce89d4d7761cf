import { Type } from 'typebox';
import { Nullable, Uuid } from '../../http/common-schemas.ts';

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
  produced: Type.Optional(Type.Object(
    { callId: Uuid, bookingId: Nullable(Uuid), messageId: Nullable(Uuid) },
    { description: 'Signed-in test chat only: the conversation record and the booking or message it made so far' },
  )),
});

const GreetingKind = Type.Union([Type.Literal('openHours'), Type.Literal('afterHours')]);
export const GreetingPreviewQuery = Type.Object({ which: Type.Optional(Type.Union(GreetingKind.anyOf, { default: 'openHours' })) });
export const GreetingPreview = Type.Object({
  which: GreetingKind,
  text: Type.String(),
  audioPath: Nullable(Type.String({ description: 'Path of the MP3 clip on this server; null: no clip (speak the text in the browser)' })),
});
