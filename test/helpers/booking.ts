import { DateTime } from 'luxon';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { App } from '../../src/app.ts';
import { createCompany, createUserSession, type Session } from './factories.ts';

/**
 * A company ready to book over HTTP, configured by its owner the way the dashboard does:
 * weekday hours 08:00–17:00, one plumbing service and technicians, a small service area.
 */
export interface BookingFixture {
  companyId: string;
  timeZone: string;
  owner: Session;
  serviceId: string;
  technicianIds: string[];
  /** An owner's request to a path under /api/companies/:companyId. */
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: object, headers?: Record<string, string>): Promise<Response>;
}

export interface BookingFixtureOptions {
  timeZone?: string;
  technicians?: number;
  settings?: Record<string, unknown>;
  service?: Record<string, unknown>;
}

export async function createBookingFixture(app: App, options: BookingFixtureOptions = {}): Promise<BookingFixture> {
  const timeZone = options.timeZone ?? 'America/Chicago';
  const company = await createCompany(app, { timeZone });
  const owner = await createUserSession(app, company.id, 'owner');
  const call: BookingFixture['call'] = (method, path, payload, headers = {}) =>
    app.inject({ method, url: `/api/companies/${company.id}${path}`, headers: { ...owner.headers, ...headers }, ...(payload ? { payload } : {}) });
  const must = async (res: Response, status: number) => {
    if (res.statusCode !== status) throw new Error(`fixture request failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };

  await must(await call('PUT', '/booking-settings', {
    weeklyHours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '08:00', end: '17:00' }]])),
    serviceArea: ['60601', '60602', '02134'],
    minNoticeMinutes: 60,
    horizonDays: 90,
    ...options.settings,
  }), 200);
  const service = await must(await call('POST', '/services', {
    name: 'Leak repair', durationMinutes: 60, priceText: '$149 to $249', requiredSkills: ['plumbing'], slotIntervalMinutes: 30, ...options.service,
  }), 201);
  const technicianIds: string[] = [];
  for (let i = 0; i < (options.technicians ?? 1); i++) {
    technicianIds.push((await must(await call('POST', '/technicians', { name: `Tech ${i + 1}`, skills: ['plumbing'] }), 201)).id);
  }
  return { companyId: company.id, timeZone, owner, serviceId: service.id, technicianIds, call };
}

/** A weekday ('monday'…) at least `minDaysAhead` days from today in the zone, as YYYY-MM-DD. */
export function upcoming(timeZone: string, weekday: number, minDaysAhead = 14): string {
  let day = DateTime.now().setZone(timeZone).startOf('day').plus({ days: minDaysAhead });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** The instant of a local date and 'HH:mm' in the zone, as ISO with its offset. */
export const localInstant = (timeZone: string, date: string, time: string): string =>
  DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toISO({ suppressMilliseconds: true })!;

export const MONDAY = 1;

/**
 * The next local date on which the zone's offset falls back (clocks repeat an hour) or springs
 * forward (an hour is skipped), searched a year ahead from tomorrow, as YYYY-MM-DD.
 */
export function nextDstChange(timeZone: string, kind: 'fall-back' | 'spring-forward'): string {
  let day = DateTime.now().setZone(timeZone).startOf('day').plus({ days: 1 });
  for (let i = 0; i < 370; i++, day = day.plus({ days: 1 })) {
    const next = day.plus({ days: 1 });
    const delta = next.offset - day.offset;
    if ((kind === 'fall-back' && delta < 0) || (kind === 'spring-forward' && delta > 0)) return day.toISODate()!;
  }
  throw new Error(`${timeZone} has no ${kind} within a year`);
}
