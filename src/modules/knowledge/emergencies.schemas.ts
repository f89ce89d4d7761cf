import { Type } from 'typebox';

const Severity = Type.Union([Type.Literal('life_safety'), Type.Literal('urgent')]);

export const InheritedEmergency = Type.Object({
  tradeCategory: Type.String({ description: "The trade category's slug" }),
  key: Type.String({ description: 'With tradeCategory, how the agent settings name it (tradeEmergenciesOff)' }),
  name: Type.String(),
  severity: Severity,
  triggers: Type.Array(Type.String()),
  safetyInstruction: Type.String(),
  switchedOff: Type.Boolean({ description: 'The company switched it off (agent settings tradeEmergenciesOff)' }),
});

export const EmergencyCheckBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 500, description: 'A sentence a caller might say' }) },
  { additionalProperties: false },
);

export const EmergencyCheckResult = Type.Object({
  emergency: Type.Union([
    Type.Object({
      source: Type.Union([Type.Literal('trade'), Type.Literal('company')], { description: "A trade's emergency or one of the company's own" }),
      tradeCategory: Type.Union([Type.String(), Type.Null()]),
      key: Type.String(),
      name: Type.String(),
      severity: Severity,
      matchedTrigger: Type.String({ description: 'The trigger phrase that matched' }),
      safetyInstruction: Type.String({ description: 'What the caller hears first' }),
    }),
    Type.Null(),
  ], { description: 'null: the agent would not treat the sentence as an emergency' }),
});
