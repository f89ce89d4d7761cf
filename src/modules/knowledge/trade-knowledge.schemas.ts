import { Type } from 'typebox';
import { DateTime, Uuid } from '../../http/common-schemas.ts';

export const TradeCategoryParams = Type.Object({ tradeCategoryId: Uuid });
export const TradeEntryParams = Type.Object({ tradeCategoryId: Uuid, tradeEntryId: Uuid });
export const VocabularyParams = Type.Object({ tradeCategoryId: Uuid, vocabularyId: Uuid });
export const EmergencyParams = Type.Object({ tradeCategoryId: Uuid, emergencyId: Uuid });

export const TradeEntry = Type.Object({
  id: Uuid,
  question: Type.String(),
  answer: Type.String(),
  alternatives: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const Terms = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 2,
  maxItems: 30,
  description: 'Words and phrases callers use for the same thing; the first names the group',
});

export const VocabularyGroup = Type.Object({ id: Uuid, terms: Type.Array(Type.String()), createdAt: DateTime, updatedAt: DateTime });
export const VocabularyBody = Type.Object({ terms: Terms }, { additionalProperties: false });

export const Severity = Type.Union([Type.Literal('life_safety'), Type.Literal('urgent')]);
const DefaultAction = Type.Union([Type.Literal('transfer_on_call'), Type.Literal('book_urgent'), Type.Literal('take_message')], {
  description: 'What the agent does after reading the safety instruction',
});
export const Triggers = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 50, description: 'Phrases that mean this emergency ("smell gas")' });
export const EmergencyName = Type.String({ minLength: 1, maxLength: 200 });
export const SafetyInstruction = Type.String({ minLength: 1, maxLength: 2000, description: 'Read to the caller first, word for word' });

export const Emergency = Type.Object({
  id: Uuid,
  name: Type.String(),
  severity: Severity,
  triggers: Type.Array(Type.String()),
  safetyInstruction: Type.String(),
  defaultAction: DefaultAction,
  enabled: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreateEmergencyBody = Type.Object(
  { name: EmergencyName, severity: Severity, triggers: Triggers, safetyInstruction: SafetyInstruction, defaultAction: DefaultAction, enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const UpdateEmergencyBody = Type.Object(
  {
    name: Type.Optional(EmergencyName),
    severity: Type.Optional(Severity),
    triggers: Type.Optional(Triggers),
    safetyInstruction: Type.Optional(SafetyInstruction),
    defaultAction: Type.Optional(DefaultAction),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TradeKnowledge = Type.Object({
  tradeCategory: Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }),
  entries: Type.Array(TradeEntry),
  vocabulary: Type.Array(VocabularyGroup),
  emergencies: Type.Array(Emergency),
});
