import { Type } from 'typebox';
import { DateTime, InstantInput, Nullable, PageQuery, Uuid } from '../../http/common-schemas.ts';

const Outcome = Type.Union([
  Type.Literal('booked'), Type.Literal('answered'), Type.Literal('message'), Type.Literal('transferred'), Type.Literal('emergency'), Type.Literal('abandoned'),
]);

const Channel = Type.Union([Type.Literal('phone'), Type.Literal('web'), Type.Literal('widget')]);

export const Call = Type.Object({
  id: Uuid,
  callSid: Type.String(),
  channel: Channel,
  fromNumber: Nullable(Type.String()),
  toNumber: Nullable(Type.String()),
  status: Type.String(),
  outcome: Nullable(Outcome),
  startedAt: DateTime,
  endedAt: Nullable(DateTime),
  durationSeconds: Nullable(Type.Integer()),
  contactId: Nullable(Uuid),
  bookingId: Nullable(Uuid),
  turnCount: Type.Integer(),
  callerName: Nullable(Type.String({ description: "The caller's contact name, when the call has a contact" })),
  emergency: Type.Boolean({ description: 'The caller reported an emergency (whatever the call then became)' }),
});

export const Turn = Type.Object({
  seq: Type.Integer(),
  callerText: Nullable(Type.String()),
  confidence: Nullable(Type.Number()),
  agentText: Type.String(),
  intent: Nullable(Type.String()),
  engine: Type.String(),
  engineMs: Type.Integer(),
  speechMs: Type.Integer(),
  transport: Nullable(Type.Enum(['gather', 'relay', 'stream'], { description: 'What carried the turn; null on calls from before real-time voice' })),
  firstSentMs: Nullable(Type.Integer({ description: "Streaming calls: the caller's end of speech to our first text token or audio frame sent" })),
  firstHeardMs: Nullable(Type.Integer({ description: "Media Streams calls: the caller's end of speech to the first of the answer's audio they heard" })),
  interrupted: Type.Boolean({ description: 'The caller cut in while the agent was speaking' }),
  heardText: Nullable(Type.String({ description: 'What of the answer the caller heard before cutting in' })),
  at: DateTime,
  clips: Type.Array(Type.String(), { description: 'Paths of the ElevenLabs clips the caller heard in this turn (empty: Twilio read the text)' }),
  transferTo: Nullable(Type.String({ description: 'The number this turn connected the caller to' })),
});

export const CallWithTranscript = Type.Object({ ...Call.properties, transcript: Type.Array(Turn) });

export const ListCallsQuery = Type.Object(
  {
    ...PageQuery,
    outcome: Type.Optional(Outcome),
    from: Type.Optional(InstantInput()),
    to: Type.Optional(InstantInput()),
    contactId: Type.Optional(Uuid),
    channel: Type.Optional(Channel),
    emergency: Type.Optional(Type.Boolean({ description: 'Only emergencies (true) or only the rest (false)' })),
    caller: Type.Optional(Type.String({ maxLength: 100, description: "Part of the caller's name, or digits of their number" })),
  },
  { additionalProperties: false },
);
export const CallParams = Type.Object({ companyId: Uuid, callId: Uuid });

export const Message = Type.Object({
  id: Uuid,
  callId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  callerName: Type.String(),
  callbackNumber: Nullable(Type.String()),
  body: Type.String(),
  urgent: Type.Boolean(),
  status: Type.Union([Type.Literal('new'), Type.Literal('handled')]),
  handledAt: Nullable(DateTime),
  createdAt: DateTime,
});
export const ListMessagesQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('handled')])),
    callId: Type.Optional(Uuid),
    urgent: Type.Optional(Type.Boolean({ description: 'Only urgent messages (true) or only the rest (false)' })),
  },
  { additionalProperties: false },
);
export const MessageParams = Type.Object({ companyId: Uuid, messageId: Uuid });
export const UpdateMessageBody = Type.Object({ status: Type.Union([Type.Literal('new'), Type.Literal('handled')]) }, { additionalProperties: false });
