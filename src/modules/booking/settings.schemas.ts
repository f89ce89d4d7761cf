import { Type, type Static } from 'typebox';
import { DateTime, InstantInput, Uuid } from '../../http/common-schemas.ts';
import { KEEPS_OMITTED } from '../../http/partial-update.ts';

/** 'HH:mm' local wall time; '24:00' only as the end of a day. Shape only: the service checks meaning. */
export const ClockTime = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', examples: ['08:00'] });
export const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['2026-12-25'] });
// A string, so leading zeros survive ('02134'); ZIP+4 is accepted and stored as its 5 digits.
export const Zip = Type.String({ pattern: '^\\s*[0-9]{5}(-?[0-9]{4})?\\s*$', examples: ['60601'] });

const TimeRange = Type.Object(
  { start: ClockTime, end: ClockTime },
  { additionalProperties: false, description: 'An end at or before the start runs past midnight (22:00–06:00); 00:00–00:00 is the whole day.' },
);
const Ranges = Type.Array(TimeRange, { maxItems: 12 });

export const WeeklyHours = Type.Object(
  {
    monday: Type.Optional(Ranges),
    tuesday: Type.Optional(Ranges),
    wednesday: Type.Optional(Ranges),
    thursday: Type.Optional(Ranges),
    friday: Type.Optional(Ranges),
    saturday: Type.Optional(Ranges),
    sunday: Type.Optional(Ranges),
  },
  { additionalProperties: false, description: 'Open ranges per weekday in the company time zone; a missing day is closed.' },
);

const DateOverride = Type.Object(
  { date: LocalDate, closed: Type.Optional(Type.Literal(true)), ranges: Type.Optional(Ranges) },
  { additionalProperties: false, description: 'Replaces one date: closed, or other ranges.' },
);
const Holiday = Type.Object({ date: LocalDate, name: Type.String({ maxLength: 120 }) }, { additionalProperties: false });
const ArrivalWindow = Type.Object(
  { start: ClockTime, end: ClockTime, capacity: Type.Integer({ minimum: 1, maximum: 100 }) },
  { additionalProperties: false },
);
const OnCall = Type.Object(
  {
    weeklyHours: WeeklyHours,
    serviceIds: Type.Array(Uuid, { maxItems: 100, description: 'Services that may be booked in on-call hours' }),
    surchargeNote: Type.String({ maxLength: 500, description: 'Read to the caller before an after-hours booking' }),
  },
  { additionalProperties: false },
);

const settingsFields = {
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: "The company's IANA time zone", examples: ['America/Chicago'] }),
  weeklyHours: WeeklyHours,
  overrides: Type.Array(DateOverride, { maxItems: 400 }),
  holidays: Type.Array(Holiday, { maxItems: 400 }),
  serviceArea: Type.Array(Zip, { maxItems: 5000 }),
  minNoticeMinutes: Type.Integer({ minimum: 0, maximum: 20160 }),
  horizonDays: Type.Integer({ minimum: 0, maximum: 365 }),
  maxJobsPerTechnicianPerDay: Type.Integer({ minimum: 0, maximum: 100, description: '0 means no cap' }),
  arrivalWindows: Type.Array(ArrivalWindow, { maxItems: 12, description: 'When set, regular hours are offered as these windows' }),
  onCall: Type.Union([OnCall, Type.Null()]),
  holdMinutes: Type.Integer({ minimum: 1, maximum: 60, description: 'How long a hold keeps a slot while the caller confirms' }),
  smsConfirmations: Type.Boolean({ description: 'Text the caller a confirmation when the agent books' }),
};

export const BookingSettings = Type.Object({ ...settingsFields, updatedAt: Type.Union([DateTime, Type.Null()]) });
/** Fields left out keep their current value. */
export const PutBookingSettingsBody = Type.Partial(Type.Object(settingsFields), { additionalProperties: false, description: KEEPS_OMITTED });
export type BookingSettingsInput = Static<typeof PutBookingSettingsBody>;
export type WeeklyHoursInput = Static<typeof WeeklyHours>;

const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 });
const Minutes = (max: number) => Type.Integer({ minimum: 0, maximum: max });

const serviceFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ maxLength: 2000 }),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  priceText: Type.String({ maxLength: 200, description: 'Read to callers, e.g. "$149 to $249"' }),
  requiredSkills: Skills,
  emergency: Type.Boolean(),
  bufferBeforeMinutes: Minutes(480),
  bufferAfterMinutes: Minutes(480),
  slotIntervalMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  active: Type.Boolean(),
};

export const Service = Type.Object({ id: Uuid, ...serviceFields, createdAt: DateTime, updatedAt: DateTime });
export const CreateServiceBody = Type.Object(
  {
    name: serviceFields.name,
    durationMinutes: serviceFields.durationMinutes,
    description: Type.Optional(serviceFields.description),
    priceText: Type.Optional(serviceFields.priceText),
    requiredSkills: Type.Optional(serviceFields.requiredSkills),
    emergency: Type.Optional(serviceFields.emergency),
    bufferBeforeMinutes: Type.Optional(serviceFields.bufferBeforeMinutes),
    bufferAfterMinutes: Type.Optional(serviceFields.bufferAfterMinutes),
    slotIntervalMinutes: Type.Optional(serviceFields.slotIntervalMinutes),
    active: Type.Optional(serviceFields.active),
  },
  { additionalProperties: false },
);
export const UpdateServiceBody = Type.Partial(Type.Object(serviceFields), { additionalProperties: false });
export type ServiceInput = Static<typeof UpdateServiceBody>;
export const ServiceParams = Type.Object({ companyId: Uuid, serviceId: Uuid });

const TimeOff = Type.Object(
  { start: InstantInput(), end: InstantInput(), reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
const technicianFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  phone: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()]),
  skills: Skills,
  zips: Type.Array(Zip, { maxItems: 2000, description: 'Zips this technician covers; empty means the whole service area' }),
  weeklyHours: Type.Union([WeeklyHours, Type.Null()], { description: "The technician's own hours within the company's; null means company hours" }),
  timeOff: Type.Array(TimeOff, { maxItems: 500 }),
  active: Type.Boolean(),
};

export const Technician = Type.Object({ id: Uuid, ...technicianFields, createdAt: DateTime, updatedAt: DateTime });
export const CreateTechnicianBody = Type.Object(
  {
    name: technicianFields.name,
    phone: Type.Optional(technicianFields.phone),
    skills: Type.Optional(technicianFields.skills),
    zips: Type.Optional(technicianFields.zips),
    weeklyHours: Type.Optional(technicianFields.weeklyHours),
    timeOff: Type.Optional(technicianFields.timeOff),
    active: Type.Optional(technicianFields.active),
  },
  { additionalProperties: false },
);
export const UpdateTechnicianBody = Type.Partial(Type.Object(technicianFields), { additionalProperties: false });
export type TechnicianInput = Static<typeof UpdateTechnicianBody>;
export const TechnicianParams = Type.Object({ companyId: Uuid, technicianId: Uuid });
