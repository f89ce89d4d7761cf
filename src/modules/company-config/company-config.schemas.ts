import { Type, type Static, type TSchema } from 'typebox';
import { AgentSettingsInput } from '../agent-settings/agent-settings.schemas.ts';
import { DEFAULT_SETTINGS } from '../booking/booking-config.ts';
import { CreateServiceBody, CreateTechnicianBody, PutBookingSettingsBody, WeeklyHours } from '../booking/settings.schemas.ts';
import { KnowledgeEntryInput, MAX_IMPORT_ROWS } from '../knowledge/knowledge.schemas.ts';
import { VoiceSettingsInput } from '../voice-settings/voice-settings.schemas.ts';
import { WidgetDoc } from '../widget/widget.schemas.ts';

/**
 * A company's whole configuration as one JSON document: what GET /config answers and PUT
 * /config takes. It holds no ids and no secrets, so one company's document can be given to
 * another (an onboarding template). Fields marked with a default may be left out.
 */
export const CONFIG_VERSION = 1;

// A field left out of the document takes this value (applied before anything is checked).
const optional = <T extends TSchema>(schema: T, value: unknown) => Type.Optional({ ...schema, default: value } as T);

/** Two years: how long personal data is kept unless the company says otherwise. */
export const DEFAULT_RETENTION_DAYS = 730;

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 60 });

const CompanyProfile = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone; booking hours are in it', examples: ['America/Chicago'] }),
    tradeCategories: Type.Array(Slug, { maxItems: 20, uniqueItems: true, description: 'Trade category slugs (plumbing, hvac, electrical, ...): the knowledge the company inherits' }),
    personalDataRetentionDays: optional(
      Type.Integer({ minimum: 1, maximum: 36_500, description: 'Days call transcripts, audio clips and messages are kept; older ones are deleted by a daily job (default two years)' }),
      DEFAULT_RETENTION_DAYS,
    ),
  },
  { additionalProperties: false },
);

const PhoneNumberDoc = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 40, description: 'A number the agent answers; any common formatting, stored as E.164. A number belongs to one company.' }),
    label: optional(Type.String({ maxLength: 100 }), ''),
  },
  { additionalProperties: false },
);

const B = PutBookingSettingsBody.properties;
const OnCallDoc = Type.Object(
  {
    weeklyHours: WeeklyHours,
    services: Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { maxItems: 100, uniqueItems: true, description: 'Names of services in booking.services that may be booked in on-call hours' }),
    surchargeNote: Type.String({ maxLength: 500, description: 'Read to the caller before an after-hours booking' }),
  },
  { additionalProperties: false },
);

const BookingSettingsDoc = Type.Object(
  {
    weeklyHours: optional(B.weeklyHours, DEFAULT_SETTINGS.weekly_hours),
    overrides: optional(B.overrides, []),
    holidays: optional(B.holidays, []),
    serviceArea: optional(B.serviceArea, DEFAULT_SETTINGS.service_area),
    minNoticeMinutes: optional(B.minNoticeMinutes, DEFAULT_SETTINGS.min_notice_minutes),
    horizonDays: optional(B.horizonDays, DEFAULT_SETTINGS.horizon_days),
    maxJobsPerTechnicianPerDay: optional(B.maxJobsPerTechnicianPerDay, DEFAULT_SETTINGS.max_jobs_per_technician_per_day),
    arrivalWindows: optional(B.arrivalWindows, []),
    onCall: optional(Type.Union([OnCallDoc, Type.Null()]), null),
    holdMinutes: optional(B.holdMinutes, DEFAULT_SETTINGS.hold_minutes),
    smsConfirmations: optional(B.smsConfirmations, DEFAULT_SETTINGS.sms_confirmations),
  },
  { additionalProperties: false, description: "The booking rules; their time zone is company.timeZone" },
);

const S = CreateServiceBody.properties;
const ServiceDoc = Type.Object(
  {
    name: S.name,
    durationMinutes: S.durationMinutes,
    description: optional(S.description, ''),
    priceText: optional(S.priceText, ''),
    requiredSkills: optional(S.requiredSkills, []),
    emergency: optional(S.emergency, false),
    bufferBeforeMinutes: optional(S.bufferBeforeMinutes, 0),
    bufferAfterMinutes: optional(S.bufferAfterMinutes, 0),
    slotIntervalMinutes: optional(S.slotIntervalMinutes, 30),
    active: optional(S.active, true),
  },
  { additionalProperties: false, description: 'Matched by name (any case): present ones are updated, new ones added; one left out is deleted, or deactivated when bookings refer to it' },
);

const T = CreateTechnicianBody.properties;
const TechnicianDoc = Type.Object(
  {
    name: T.name,
    skills: optional(T.skills, []),
    zips: optional(T.zips, []),
    weeklyHours: optional(T.weeklyHours, null),
    timeOff: optional(T.timeOff, []),
    active: optional(T.active, true),
  },
  {
    additionalProperties: false,
    description: "Matched by name like services. A technician's phone number is not part of the document: it stays as it is (a new technician has none).",
  },
);

const K = KnowledgeEntryInput.properties;
const EntryDoc = Type.Object(
  { question: K.question, answer: K.answer, alternatives: optional(K.alternatives, []), tags: optional(K.tags, []), enabled: optional(K.enabled, true) },
  { additionalProperties: false },
);

const OverrideDoc = Type.Object(
  {
    tradeCategory: Slug,
    key: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "The starter entry's key; when given it picks the entry and question only reminds the reader" })),
    question: Type.String({ minLength: 1, maxLength: 500, description: "The trade entry's question (any case); picks the entry when there is no key" }),
    enabled: Type.Boolean({ description: 'false: the agent never uses this entry for the company' }),
    answer: optional(Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()]), null),
  },
  { additionalProperties: false, description: "The company's own answer to an inherited trade entry, or the entry switched off" },
);

/** Small and valid: what a new company could start from (and what generated requests send). */
export const MINIMAL_EXAMPLE = {
  version: CONFIG_VERSION,
  company: { name: 'Example Plumbing', timeZone: 'America/Chicago', tradeCategories: ['plumbing'] },
  phoneNumbers: [],
  agent: {},
  voice: {},
  booking: { settings: {}, services: [], technicians: [] },
  knowledge: { entries: [], overrides: [] },
};

export const CompanyConfigDocument = Type.Object(
  {
    $schema: Type.Optional(Type.String({ maxLength: 500, description: 'For editors: where this JSON Schema is. Ignored.' })),
    version: Type.Literal(CONFIG_VERSION),
    company: CompanyProfile,
    phoneNumbers: Type.Array(PhoneNumberDoc, { maxItems: 50 }),
    agent: { ...AgentSettingsInput, description: 'Agent settings (see /agent-settings); fields left out take their defaults' } as typeof AgentSettingsInput,
    voice: { ...VoiceSettingsInput, description: "Voice settings (see /voice-settings) without the ElevenLabs key; fields left out take the provider's defaults" } as typeof VoiceSettingsInput,
    widget: optional({ ...WidgetDoc, description: 'The website chat widget (see /widget) without its key; left out: no site may use it' } as typeof WidgetDoc, { allowedOrigins: [] }),
    booking: Type.Object(
      {
        settings: BookingSettingsDoc,
        services: Type.Array(ServiceDoc, { maxItems: 200 }),
        technicians: Type.Array(TechnicianDoc, { maxItems: 200 }),
      },
      { additionalProperties: false },
    ),
    knowledge: Type.Object(
      {
        entries: Type.Array(EntryDoc, { maxItems: MAX_IMPORT_ROWS, description: "The company's own entries; they replace the current ones" }),
        overrides: Type.Array(OverrideDoc, { maxItems: 1000, description: 'Inherited entries not listed here answer as the trade publishes them' }),
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    title: 'ClientsVia company configuration',
    description: "A company's whole configuration: profile, phone numbers, agent, voice, website widget, booking and knowledge. No ids, no secrets.",
    examples: [MINIMAL_EXAMPLE],
  },
);

export type CompanyConfig = Static<typeof CompanyConfigDocument>;
type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type BookingSettingsDoc = Filled<Static<typeof BookingSettingsDoc>>;
export type OnCallDoc = Static<typeof OnCallDoc>;
export type ServiceDoc = Filled<Static<typeof ServiceDoc>>;
export type TechnicianDoc = Filled<Static<typeof TechnicianDoc>>;
export type EntryDoc = Filled<Static<typeof EntryDoc>>;
export type OverrideDoc = Static<typeof OverrideDoc> & { answer: string | null };
