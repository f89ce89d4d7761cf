import { Type, type Static } from 'typebox';

/**
 * The tools the model may call, one schema each: the same schema is sent to the model as the
 * function's JSON Schema `parameters` and checks the arguments it sends back. They map 1:1 to
 * AgentTools, plus transfer_call and end_call, which end the turn.
 */
const text = (description: string, maxLength = 500) => Type.String({ minLength: 1, maxLength, description });

export const TOOL_SCHEMAS = {
  search_knowledge: Type.Object({
    question: text("The caller's question, in a few words."),
  }),
  detect_emergency: Type.Object({
    description: text('What the caller says is happening, in their words.', 1000),
  }),
  find_slots: Type.Object({
    service_id: text('The id of the service, from the list of services.', 100),
    zip: text("The caller's ZIP code.", 10),
    when: Type.Optional(text("The caller's words for the day and time, e.g. 'tomorrow afternoon', 'Friday at 3', 'as soon as possible'.", 200)),
    emergency: Type.Optional(Type.Boolean({ description: 'True for an emergency visit (on-call hours may apply).' })),
  }),
  hold_slot: Type.Object({
    service_id: text('The id of the service.', 100),
    start: text('The `start` of one of the slots find_slots returned, unchanged.', 40),
    zip: text("The caller's ZIP code.", 10),
    name: text("The caller's full name.", 200),
    phone: Type.Optional(text('The callback number, if the caller gave one; the caller id is used otherwise.', 40)),
    address: Type.Optional(text('The street address of the visit.', 300)),
    email: Type.Optional(text("The caller's email address, if they gave one.", 200)),
    notes: Type.Optional(text('What the problem is, in a sentence.', 1000)),
    emergency: Type.Optional(Type.Boolean()),
  }),
  confirm_booking: Type.Object({
    booking_id: text('The id hold_slot returned.', 100),
  }),
  find_caller_bookings: Type.Object({
    phone: Type.Optional(text("The number the bookings were made with, only if the caller's number is withheld.", 40)),
  }),
  cancel_booking: Type.Object({
    booking_id: text('The id of one of the bookings find_caller_bookings returned.', 100),
    reason: text('Why, in a few words.', 300),
  }),
  reschedule_booking: Type.Object({
    booking_id: text('The id of one of the bookings find_caller_bookings returned.', 100),
    start: text('The `start` of one of the slots find_slots returned, unchanged.', 40),
  }),
  take_message: Type.Object({
    name: text("The caller's name.", 200),
    callback_number: Type.Optional(text('The number to call back, if not the caller id.', 40)),
    message: text('The message for the company, complete enough to act on.', 2000),
    urgent: Type.Optional(Type.Boolean()),
  }),
  transfer_call: Type.Object({
    reason: Type.Union([Type.Literal('caller_asked'), Type.Literal('emergency')], { description: 'Why the call goes to a person.' }),
  }),
  end_call: Type.Object({}),
};

export type ToolName = keyof typeof TOOL_SCHEMAS;
export type ToolArgs<N extends ToolName> = Static<(typeof TOOL_SCHEMAS)[N]>;

export const TOOL_NAMES = Object.keys(TOOL_SCHEMAS) as ToolName[];
export const isToolName = (name: string): name is ToolName => Object.hasOwn(TOOL_SCHEMAS, name);
