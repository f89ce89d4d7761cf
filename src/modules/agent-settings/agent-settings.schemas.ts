import { Type, type Static, type TOptional, type TSchema } from 'typebox';
import { DateTime, Uuid } from '../../http/common-schemas.ts';
import { KEEPS_OMITTED } from '../../http/partial-update.ts';
import { EmergencyName, SafetyInstruction, Severity, Triggers } from '../knowledge/trade-knowledge.schemas.ts';

export const TONES = ['friendly', 'professional', 'warm', 'concise'] as const;
/** BCP-47 tags the agent can hold a call in (speech recognition and synthesis both support them). */
export const LANGUAGES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'es-US', 'es-MX', 'fr-CA'] as const;
export const COLLECTIBLE_DETAILS = ['name', 'phone', 'address', 'zip', 'email', 'problem_description'] as const;
export const AFTER_HOURS_BEHAVIOURS = ['take_message', 'book', 'transfer_on_call'] as const;
export const MAX_CALL_SECONDS = { minimum: 60, maximum: 3600 } as const;


const Greeting = Type.String({ minLength: 1, maxLength: 400, description: 'May use {companyName} and {agentName}' });
const TransferNumber = Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], { description: 'Any formatting; stored as E.164' });

export const MAX_COMPANY_EMERGENCIES = 30;

/** An emergency of the company's own, shaped like a trade's: matched the same way, handled the same way. */
export const CompanyEmergency = Type.Object(
  { name: EmergencyName, severity: Severity, triggers: Triggers, safetyInstruction: SafetyInstruction },
  { additionalProperties: false, description: "The caller hears safetyInstruction first, then is handled like a trade emergency (transferred to on-call when transferWhen.emergency)" },
);

/** A trade emergency the company's agent ignores: its trade category's slug and the emergency's key (GET /emergencies lists them). */
export const TradeEmergencyRef = Type.Object(
  {
    tradeCategory: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 60 }),
    key: Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  },
  { additionalProperties: false },
);

const properties = {
  agentName: Type.String({ minLength: 1, maxLength: 60, description: 'The name the agent introduces itself with' }),
  greetings: Type.Object({ openHours: Greeting, afterHours: Greeting }, { additionalProperties: false }),
  instructions: Type.String({ maxLength: 8000, description: 'Persona and instructions for the agent' }),
  tone: Type.Enum(TONES),
  businessDescription: Type.String({ maxLength: 2000 }),
  collectBeforeBooking: Type.Array(Type.Enum(COLLECTIBLE_DETAILS), { uniqueItems: true, maxItems: COLLECTIBLE_DETAILS.length, description: 'Details the agent gathers before booking, in this order' }),
  transferNumbers: Type.Object({ main: TransferNumber, emergencyOnCall: TransferNumber }, { additionalProperties: false }),
  transferWhen: Type.Object(
    {
      callerAsksForPerson: Type.Boolean(),
      emergency: Type.Boolean(),
      afterMisunderstandings: Type.Integer({ minimum: 0, maximum: 10, description: 'Transfer after this many turns the agent did not understand; 0: never' }),
    },
    { additionalProperties: false },
  ),
  afterHours: Type.Enum(AFTER_HOURS_BEHAVIOURS, { description: 'What the agent does outside opening hours' }),
  maxCallSeconds: Type.Integer({ ...MAX_CALL_SECONDS, description: 'The agent wraps up and ends the call after this long' }),
  language: Type.Enum(LANGUAGES, { description: 'BCP-47' }),
  emergencies: Type.Array(CompanyEmergency, { maxItems: MAX_COMPANY_EMERGENCIES, description: "The company's own emergencies, besides those of its trades" }),
  tradeEmergenciesOff: Type.Array(TradeEmergencyRef, { maxItems: 100, description: 'Trade emergencies that do not apply to this company (urgent ones only: a life-safety emergency cannot be switched off)' }),
};

export const AgentSettings = Type.Object(properties, { additionalProperties: false });
export type AgentSettings = Static<typeof AgentSettings>;

const optional = <P extends Record<string, TSchema>>(p: P) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof P]: TOptional<P[K]> };

/** What a save accepts: fields left out keep their current value (the configuration import fills them with defaults). */
export const AgentSettingsInput = Type.Object(optional(properties), { additionalProperties: false });
export type AgentSettingsInput = Static<typeof AgentSettingsInput>;

export const AgentSettingsDocument = Type.Object({
  version: Type.Integer({ minimum: 0, description: '0: never saved; these are the defaults' }),
  updatedAt: Type.Union([DateTime, Type.Null()]),
  settings: AgentSettings,
});

export const PutAgentSettingsBody = Type.Object(
  {
    settings: { ...AgentSettingsInput, description: KEEPS_OMITTED } as typeof AgentSettingsInput,
    expectedVersion: Type.Optional(Type.Integer({ minimum: 0, description: 'The version this edit started from; if another save came first the answer is 409 CONFLICT' })),
  },
  { additionalProperties: false },
);

export const AgentSettingsVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  settings: AgentSettings,
  createdAt: DateTime,
  actor: Type.Object({ type: Type.String(), id: Type.Union([Uuid, Type.Null()]), label: Type.String() }),
});
