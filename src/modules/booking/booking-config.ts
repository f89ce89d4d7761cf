import type { ServiceRow, SettingsRow, SettingsValues, TechnicianRow } from './config.repository.ts';
import type { BookingConfig, WeeklyHours } from './engine/types.ts';
import type { WeeklyHoursInput } from './settings.schemas.ts';

/**
 * Database rows to the shapes the engine and the API use. Pure. A company that never saved
 * its settings gets these defaults: weekdays 08:00–17:00, two hours' notice, 30 days ahead.
 */
export const DEFAULT_SETTINGS: Required<Omit<SettingsValues, 'weekly_hours' | 'overrides' | 'holidays' | 'arrival_windows' | 'on_call'>> & {
  weekly_hours: WeeklyHoursInput;
} = {
  weekly_hours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '08:00', end: '17:00' }]])),
  service_area: [],
  min_notice_minutes: 120,
  horizon_days: 30,
  max_jobs_per_technician_per_day: 0,
  hold_minutes: 5,
  sms_confirmations: false,
};

export function presentSettings(timeZone: string, row: SettingsRow | undefined) {
  return {
    timeZone,
    weeklyHours: (row?.weekly_hours ?? DEFAULT_SETTINGS.weekly_hours) as WeeklyHoursInput,
    overrides: row?.overrides ?? [],
    holidays: row?.holidays ?? [],
    serviceArea: row?.service_area ?? DEFAULT_SETTINGS.service_area,
    minNoticeMinutes: row?.min_notice_minutes ?? DEFAULT_SETTINGS.min_notice_minutes,
    horizonDays: row?.horizon_days ?? DEFAULT_SETTINGS.horizon_days,
    maxJobsPerTechnicianPerDay: row?.max_jobs_per_technician_per_day ?? DEFAULT_SETTINGS.max_jobs_per_technician_per_day,
    arrivalWindows: row?.arrival_windows ?? [],
    onCall: row?.on_call ? { ...row.on_call, weeklyHours: row.on_call.weeklyHours as WeeklyHoursInput } : null,
    holdMinutes: row?.hold_minutes ?? DEFAULT_SETTINGS.hold_minutes,
    smsConfirmations: row?.sms_confirmations ?? DEFAULT_SETTINGS.sms_confirmations,
    updatedAt: row?.updated_at ?? null,
  };
}

export type BookingSettingsView = ReturnType<typeof presentSettings>;

export const presentService = (r: ServiceRow) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  durationMinutes: r.duration_minutes,
  priceText: r.price_text,
  requiredSkills: r.required_skills,
  emergency: r.emergency,
  bufferBeforeMinutes: r.buffer_before_minutes,
  bufferAfterMinutes: r.buffer_after_minutes,
  slotIntervalMinutes: r.slot_interval_minutes,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const presentTechnician = (r: TechnicianRow) => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  skills: r.skills,
  zips: r.zips,
  weeklyHours: r.weekly_hours as WeeklyHoursInput | null,
  timeOff: r.time_off,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The engine's configuration: active services and technicians only. */
export function engineConfig(settings: BookingSettingsView, services: readonly ServiceRow[], technicians: readonly TechnicianRow[]): BookingConfig {
  return {
    timeZone: settings.timeZone,
    weeklyHours: settings.weeklyHours,
    overrides: settings.overrides,
    holidays: settings.holidays.map((h) => h.date),
    serviceArea: settings.serviceArea,
    minNoticeMinutes: settings.minNoticeMinutes,
    horizonDays: settings.horizonDays,
    maxJobsPerTechnicianPerDay: settings.maxJobsPerTechnicianPerDay,
    ...(settings.arrivalWindows.length > 0 ? { arrivalWindows: settings.arrivalWindows } : {}),
    ...(settings.onCall ? { onCall: settings.onCall } : {}),
    services: services.filter((s) => s.active).map((s) => ({
      id: s.id,
      name: s.name,
      durationMinutes: s.duration_minutes,
      requiredSkills: s.required_skills,
      emergency: s.emergency,
      bufferBeforeMinutes: s.buffer_before_minutes,
      bufferAfterMinutes: s.buffer_after_minutes,
      slotIntervalMinutes: s.slot_interval_minutes,
    })),
    technicians: technicians.filter((t) => t.active).map((t) => ({
      id: t.id,
      name: t.name,
      skills: t.skills,
      zips: t.zips,
      ...(t.weekly_hours ? { weeklyHours: t.weekly_hours as WeeklyHours } : {}),
      timeOff: t.time_off.map((o) => ({ start: o.start, end: o.end })),
      active: true,
    })),
  };
}
