/**
 * Inputs and outputs of the availability engine. Everything here is plain data (JSON-shaped),
 * so the same objects come from the database, the API and the tests.
 */

/** An instant: an ISO 8601 string with an offset or `Z`, or epoch milliseconds. */
export type Instant = string | number;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Local wall-clock range 'HH:mm'–'HH:mm' in the company's zone. `end <= start` means the range
 * runs past midnight into the next day ('22:00'–'06:00'; '00:00'–'00:00' is a whole day). A
 * range belongs to the local date it starts on.
 */
export interface TimeRange {
  start: string;
  end: string;
}

export type WeeklyHours = Partial<Record<Weekday, readonly TimeRange[]>>;

/** Replaces the weekly hours of one local date: closed, or other ranges. */
export interface DateOverride {
  date: string;
  closed?: true;
  ranges?: readonly TimeRange[];
}

export interface ArrivalWindow {
  start: string;
  end: string;
  capacity: number;
}

export interface OnCallSettings {
  weeklyHours: WeeklyHours;
  serviceIds: readonly string[];
  surchargeNote: string;
}

export interface Service {
  id: string;
  name: string;
  durationMinutes: number;
  requiredSkills: readonly string[];
  emergency: boolean;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number;
}

export interface TimeOff {
  start: Instant;
  end: Instant;
}

export interface Technician {
  id: string;
  name: string;
  skills: readonly string[];
  /** Zips this technician covers; an empty list means the company's whole service area. */
  zips: readonly string[];
  /** The technician's own hours, intersected with the company's; absent means "company hours". */
  weeklyHours?: WeeklyHours;
  timeOff: readonly TimeOff[];
  active: boolean;
}

export interface BookingConfig {
  timeZone: string;
  weeklyHours: WeeklyHours;
  overrides: readonly DateOverride[];
  /** Closed local dates; a holiday wins over an override of the same date. */
  holidays: readonly string[];
  serviceArea: readonly string[];
  minNoticeMinutes: number;
  /** Slots may start on local dates up to and including today + horizonDays. */
  horizonDays: number;
  /** Zero or less means no cap. */
  maxJobsPerTechnicianPerDay: number;
  /** When set, regular hours are offered as arrival windows instead of exact start times. */
  arrivalWindows?: readonly ArrivalWindow[];
  onCall?: OnCallSettings;
  services: readonly Service[];
  technicians: readonly Technician[];
}

/** A confirmed booking or a live hold; both block the technician and count toward caps. */
export interface ExistingBooking {
  technicianId: string;
  start: Instant;
  end: Instant;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** `${localDate}@${window start}` when booked into an arrival window. */
  windowKey?: string;
}

export interface AvailabilityRequest {
  serviceId: string;
  zip: string;
  from: Instant;
  to: Instant;
  technicianId?: string;
  emergency?: boolean;
}

export interface Slot {
  /** ISO instant with the company-local offset, e.g. 2026-11-01T01:30:00-06:00. */
  start: string;
  end: string;
  localDate: string;
  localStartTime: string;
  localEndTime: string;
  /** e.g. 'Sunday, November 1 at 1:30 AM CST'. */
  label: string;
  arrivalWindow?: { start: string; end: string; remaining: number };
  /** Present when the slot lies (partly) outside regular hours: the agent reads the note out. */
  onCall?: { surchargeNote: string };
  technicianIds: string[];
}

export type AvailabilityErrorCode = 'OUT_OF_SERVICE_AREA' | 'UNKNOWN_SERVICE' | 'NO_QUALIFIED_TECHNICIAN' | 'INVALID_ZIP';

export interface AvailabilityError {
  ok: false;
  code: AvailabilityErrorCode;
  message: string;
}

export type AvailabilityResult = { ok: true; slots: Slot[] } | AvailabilityError;
