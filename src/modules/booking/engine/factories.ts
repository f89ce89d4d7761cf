import type { AvailabilityRequest, AvailabilityResult, BookingConfig, ExistingBooking, Service, Slot, Technician, WeeklyHours } from './types.ts';

/**
 * Plain-data builders for engine tests and the benchmark: sensible trade-business defaults,
 * every field overridable.
 */

export const WEEKDAY_HOURS: WeeklyHours = {
  monday: [{ start: '08:00', end: '17:00' }],
  tuesday: [{ start: '08:00', end: '17:00' }],
  wednesday: [{ start: '08:00', end: '17:00' }],
  thursday: [{ start: '08:00', end: '17:00' }],
  friday: [{ start: '08:00', end: '17:00' }],
};

export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'svc-repair',
    name: 'Leak repair',
    durationMinutes: 60,
    requiredSkills: ['plumbing'],
    emergency: false,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: 30,
    ...overrides,
  };
}

export function makeTechnician(overrides: Partial<Technician> = {}): Technician {
  return {
    id: 'tech-1',
    name: 'Alex Rivera',
    skills: ['plumbing'],
    zips: [],
    timeOff: [],
    active: true,
    ...overrides,
  };
}

export function makeConfig(overrides: Partial<BookingConfig> = {}): BookingConfig {
  return {
    timeZone: 'America/New_York',
    weeklyHours: WEEKDAY_HOURS,
    overrides: [],
    holidays: [],
    serviceArea: ['10001', '02134'],
    minNoticeMinutes: 0,
    horizonDays: 30,
    maxJobsPerTechnicianPerDay: 0,
    services: [makeService()],
    technicians: [makeTechnician()],
    ...overrides,
  };
}

export function makeBooking(overrides: Partial<ExistingBooking> = {}): ExistingBooking {
  return {
    technicianId: 'tech-1',
    start: '2026-06-01T14:00:00Z',
    end: '2026-06-01T15:00:00Z',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    ...overrides,
  };
}

/** A request for the default repair service in the default zip, between two instants. */
export const makeRequest = (from: string, to: string, overrides: Partial<AvailabilityRequest> = {}): AvailabilityRequest => ({
  serviceId: 'svc-repair',
  zip: '10001',
  from,
  to,
  ...overrides,
});

/** The slots of a successful answer; a refusal fails the test with its code. */
export function slotsOf(result: AvailabilityResult): Slot[] {
  if (!result.ok) throw new Error(`expected slots, got ${result.code}`);
  return result.slots;
}
