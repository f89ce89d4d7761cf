import type { BookingConfigService } from '../booking/booking-config.service.ts';
import type { KnowledgeService } from '../knowledge/knowledge.service.ts';
import type { BookingSettingsDoc, OverrideDoc, ServiceDoc, TechnicianDoc } from './company-config.schemas.ts';

/**
 * The parts of the document as the modules present them, with ids and timestamps left out.
 * Export writes these; import compares the document with them and writes only what differs.
 * Pure.
 */
type SettingsView = Awaited<ReturnType<BookingConfigService['settingsIn']>>;
type ServiceView = Awaited<ReturnType<BookingConfigService['listServicesIn']>>[number];
type TechnicianView = Awaited<ReturnType<BookingConfigService['listTechniciansIn']>>[number];
type InheritedView = Awaited<ReturnType<KnowledgeService['inheritedIn']>>[number];

export const nameKey = (name: string) => name.trim().toLowerCase();

/** On-call services by name: ids differ between companies. An id of a deleted service is left out. */
export function settingsDoc(v: SettingsView, serviceNameById: ReadonlyMap<string, string>): BookingSettingsDoc {
  return {
    weeklyHours: v.weeklyHours,
    overrides: v.overrides,
    holidays: v.holidays,
    serviceArea: v.serviceArea,
    minNoticeMinutes: v.minNoticeMinutes,
    horizonDays: v.horizonDays,
    maxJobsPerTechnicianPerDay: v.maxJobsPerTechnicianPerDay,
    arrivalWindows: v.arrivalWindows,
    onCall: v.onCall && {
      weeklyHours: v.onCall.weeklyHours,
      services: v.onCall.serviceIds.flatMap((id) => serviceNameById.get(id) ?? []),
      surchargeNote: v.onCall.surchargeNote,
    },
    holdMinutes: v.holdMinutes,
    smsConfirmations: v.smsConfirmations,
  } as BookingSettingsDoc;
}

export const serviceDoc = (s: ServiceView): ServiceDoc => ({
  name: s.name,
  durationMinutes: s.durationMinutes,
  description: s.description,
  priceText: s.priceText,
  requiredSkills: s.requiredSkills,
  emergency: s.emergency,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  slotIntervalMinutes: s.slotIntervalMinutes,
  active: s.active,
});

export const technicianDoc = (t: TechnicianView): TechnicianDoc => ({
  name: t.name,
  skills: t.skills,
  zips: t.zips,
  weeklyHours: t.weeklyHours,
  timeOff: t.timeOff,
  active: t.active,
}) as TechnicianDoc;

/** The company's override of an inherited entry, by the entry's starter key when it has one. */
export function overrideDoc(e: InheritedView): OverrideDoc | null {
  if (!e.override) return null;
  return {
    tradeCategory: e.tradeCategory.slug,
    ...(e.seedKey ? { key: e.seedKey } : {}),
    question: e.question,
    enabled: e.override.enabled,
    answer: e.override.answer,
  };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}

/** Equal as JSON, whatever the order of object keys (jsonb keeps its own order). */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
