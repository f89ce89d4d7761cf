import type { Services } from '../../services.ts';
import { renderGreeting } from '../agent-settings/greeting.ts';
import type { WeeklyHours } from '../booking/engine/types.ts';
import { expandWeeklyHours } from '../booking/engine/weekly-hours.ts';
import { createZoneClock } from '../booking/engine/zone-clock.ts';
import type { AgentProfile, CollectibleDetail } from './types.ts';

/**
 * What the agent knows of a company for one turn: its name and zone, its agent settings
 * (the greeting rendered for open or after hours), whether it is open at `now` (weekly hours,
 * date overrides and holidays, read by the booking engine's own calendar code), and the
 * services it books.
 */
export type ProfileServices = Pick<Services, 'companies' | 'agentSettings' | 'bookingConfig'>;

export function isOpenAt(timeZone: string, weeklyHours: WeeklyHours, closures: { overrides: readonly { date: string; closed?: true; ranges?: readonly { start: string; end: string }[] }[]; holidays: readonly string[] }, now: Date): boolean {
  const clock = createZoneClock(timeZone);
  const t = now.getTime();
  const day = clock.localDayOf(t);
  return expandWeeklyHours(clock, weeklyHours, day, day, closures).some((i) => i.start <= t && t < i.end);
}

/** What a profile is built from: the company's settings, which change rarely (cacheable). */
export async function loadProfileInputs(services: ProfileServices, companyId: string) {
  const [company, { settings }, booking, offered] = await Promise.all([
    services.companies.get(companyId),
    services.agentSettings.current(companyId),
    services.bookingConfig.getSettings(companyId),
    services.bookingConfig.listServices(companyId),
  ]);
  return { company, settings, booking, offered };
}

export type ProfileInputs = Awaited<ReturnType<typeof loadProfileInputs>>;

/** The profile at `now`: open or closed, and the greeting that goes with it. Pure. */
export function profileAt(inputs: ProfileInputs, companyId: string, now: Date): AgentProfile {
  const { company, settings, booking, offered } = inputs;
  const weeklyHours = booking.weeklyHours as WeeklyHours;
  const isOpenNow = isOpenAt(company.timeZone, weeklyHours, { overrides: booking.overrides, holidays: booking.holidays.map((h) => h.date) }, now);
  const greetingValues = { companyName: company.name, agentName: settings.agentName };
  return {
    companyId,
    companyName: company.name,
    timeZone: company.timeZone,
    agentName: settings.agentName,
    greeting: renderGreeting(isOpenNow ? settings.greetings.openHours : settings.greetings.afterHours, greetingValues),
    instructions: settings.instructions,
    tone: settings.tone,
    businessDescription: settings.businessDescription,
    language: settings.language,
    collectBeforeBooking: settings.collectBeforeBooking as CollectibleDetail[],
    transferNumbers: { ...settings.transferNumbers },
    transferWhen: { ...settings.transferWhen },
    afterHours: settings.afterHours,
    isOpenNow,
    maxCallSeconds: settings.maxCallSeconds,
    services: offered
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, name: s.name, description: s.description, priceText: s.priceText, durationMinutes: s.durationMinutes, emergency: s.emergency })),
    openHours: weeklyHours,
    onCallSurchargeNote: booking.onCall?.surchargeNote ?? null,
    facts: {
      holidays: booking.holidays.map((h) => ({ date: h.date, name: h.name })),
      shortDays: booking.overrides.filter((o) => !o.closed && o.ranges).map((o) => ({ date: o.date, ranges: o.ranges })),
      serviceArea: booking.serviceArea,
      arrivalWindows: booking.arrivalWindows.map((w) => ({ start: w.start, end: w.end })),
    },
  };
}

export async function buildAgentProfile(services: ProfileServices, companyId: string, now: Date): Promise<AgentProfile> {
  return profileAt(await loadProfileInputs(services, companyId), companyId, now);
}
