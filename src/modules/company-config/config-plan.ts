import { Value } from 'typebox/value';
import { AppError } from '../../errors.ts';
import { assertPhone } from '../../phone/normalize.ts';
import type { AgentSettingsService } from '../agent-settings/agent-settings.service.ts';
import type { ValidatedAgentSettings } from '../agent-settings/agent-settings.rules.ts';
import type { BookingConfigService } from '../booking/booking-config.service.ts';
import { normalizeSkills, normalizeZipInput } from '../booking/settings.input.ts';
import { assertTimeZone } from '../companies/companies.service.ts';
import type { KnowledgeService } from '../knowledge/knowledge.service.ts';
import type { TradeCategoriesService } from '../trade-categories/trade-categories.service.ts';
import type { ValidatedVoiceSettings } from '../voice-settings/voice-settings.rules.ts';
import type { VoiceSettingsService } from '../voice-settings/voice-settings.service.ts';
import type { WidgetService } from '../widget/widget.service.ts';
import { CompanyConfigDocument, DEFAULT_RETENTION_DAYS, type BookingSettingsDoc, type CompanyConfig, type EntryDoc, type OverrideDoc, type ServiceDoc, type TechnicianDoc } from './company-config.schemas.ts';
import { invalidAt, named, rejected, shapeProblems, within } from './config-errors.ts';
import { nameKey } from './config-parts.ts';

/** A document that passed every check: defaults applied, numbers in E.164, categories by id. */
export interface ConfigPlan {
  company: { name: string; timeZone: string; personalDataRetentionDays: number; tradeCategoryIds: string[] };
  phoneNumbers: { number: string; label: string }[];
  agent: ValidatedAgentSettings;
  voice: ValidatedVoiceSettings;
  widget: { allowedOrigins: string[] };
  booking: { settings: BookingSettingsDoc; services: ServiceDoc[]; technicians: TechnicianDoc[] };
  knowledge: { entries: EntryDoc[]; overrides: OverrideDoc[] };
}

export interface PlanDeps {
  tradeCategories: Pick<TradeCategoriesService, 'list'>;
  agentSettings: Pick<AgentSettingsService, 'validate'>;
  voiceSettings: Pick<VoiceSettingsService, 'validate'>;
  widget: Pick<WidgetService, 'checkOrigins'>;
  bookingConfig: Pick<BookingConfigService, 'checkSettings' | 'checkService' | 'checkTechnician'>;
  knowledge: Pick<KnowledgeService, 'checkEntries'>;
}

type Filled = Omit<CompanyConfig, 'booking' | 'knowledge' | 'phoneNumbers' | 'widget'> & {
  widget: ConfigPlan['widget'];
  phoneNumbers: { number: string; label: string }[];
  booking: ConfigPlan['booking'];
  knowledge: ConfigPlan['knowledge'];
};

function assertUniqueNames(items: readonly { name: string }[], field: string): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const key = nameKey(item.name);
    if (key === '') throw invalidAt(`${field}[${i}].name`, 'must not be blank');
    if (first.has(key)) throw invalidAt(`${field}[${i}].name`, `repeats the name of ${field}[${first.get(key)}]`);
    first.set(key, i);
  });
}

/** The knowledge module names rows (1-based); the document names entries by their path. */
function entryErrors(err: unknown): unknown {
  const rows = err instanceof AppError ? (err.details?.rows as { row: number; field: string; message: string }[] | undefined) : undefined;
  if (!rows?.length) return err;
  const at = (r: { row: number; field: string }) => `knowledge.entries[${r.row - 1}]${r.field === 'entry' ? '' : `.${r.field}`}`;
  return rejected(rows.map((r) => ({ field: at(r), message: r.message })), (err as AppError).code);
}

async function companyPart(deps: PlanDeps, doc: Filled): Promise<ConfigPlan['company']> {
  const name = doc.company.name.trim();
  if (name === '') throw invalidAt('company.name', 'must not be blank');
  within('company', () => assertTimeZone(doc.company.timeZone));
  const idBySlug = new Map((await deps.tradeCategories.list()).map((c) => [c.slug, c.id]));
  const tradeCategoryIds = doc.company.tradeCategories.map((slug, i) => {
    const id = idBySlug.get(slug);
    if (!id) throw invalidAt(`company.tradeCategories[${i}]`, `'${slug}' is not a trade category (${[...idBySlug.keys()].join(', ')})`);
    return id;
  });
  return { name, timeZone: doc.company.timeZone, personalDataRetentionDays: doc.company.personalDataRetentionDays ?? DEFAULT_RETENTION_DAYS, tradeCategoryIds };
}

function phoneNumbersPart(doc: Filled): ConfigPlan['phoneNumbers'] {
  const first = new Map<string, number>();
  return doc.phoneNumbers.map((p, i) => {
    const number = assertPhone(p.number, `phoneNumbers[${i}].number`);
    if (first.has(number)) throw invalidAt(`phoneNumbers[${i}].number`, `repeats phoneNumbers[${first.get(number)}]`);
    first.set(number, i);
    return { number, label: p.label.trim() };
  });
}

function bookingPart(deps: PlanDeps, { settings, services, technicians }: ConfigPlan['booking']): void {
  assertUniqueNames(services, 'booking.services');
  assertUniqueNames(technicians, 'booking.technicians');
  const names = new Set(services.map((s) => nameKey(s.name)));
  settings.onCall?.services.forEach((name, i) => {
    if (!names.has(nameKey(name))) throw invalidAt(`booking.settings.onCall.services[${i}]`, `'${name}' is not the name of a service in booking.services`, 'UNKNOWN_SERVICE');
  });
  const onCall = settings.onCall && { weeklyHours: settings.onCall.weeklyHours, surchargeNote: settings.onCall.surchargeNote, serviceIds: [] };
  within('booking.settings', () => deps.bookingConfig.checkSettings({ ...settings, onCall }));
  services.forEach((s, i) => within(`booking.services[${i}]`, () => deps.bookingConfig.checkService(s)));
  technicians.forEach((t, i) => within(`booking.technicians[${i}]`, () => deps.bookingConfig.checkTechnician(t)));
}

/** In the form the booking module stores (checked already), so only a real difference is written. */
function normalBooking({ settings, services, technicians }: ConfigPlan['booking']): ConfigPlan['booking'] {
  return {
    settings: { ...settings, serviceArea: normalizeZipInput(settings.serviceArea, 'serviceArea') },
    services: services.map((s) => ({ ...s, name: s.name.trim(), requiredSkills: normalizeSkills(s.requiredSkills) })),
    technicians: technicians.map((t) => ({ ...t, name: t.name.trim(), skills: normalizeSkills(t.skills), zips: normalizeZipInput(t.zips, 'zips') })),
  };
}

function knowledgePart(deps: PlanDeps, doc: Filled): ConfigPlan['knowledge'] {
  let entries: EntryDoc[];
  try {
    // Cleaned as the knowledge module stores them, so only a real difference is written.
    entries = deps.knowledge.checkEntries(doc.knowledge.entries);
  } catch (err) {
    throw entryErrors(err);
  }
  const categories = new Set(doc.company.tradeCategories);
  const overrides = doc.knowledge.overrides.map((o, i) => {
    if (!categories.has(o.tradeCategory)) throw invalidAt(`knowledge.overrides[${i}].tradeCategory`, 'is not one of company.tradeCategories');
    const answer = o.answer === null ? null : o.answer.trim();
    if (answer === '') throw invalidAt(`knowledge.overrides[${i}].answer`, 'must not be blank');
    return { ...o, answer };
  });
  return { entries, overrides };
}

/**
 * Checks the whole document before anything is written: its shape, then each part with its
 * module's own rules. Outside any transaction (the agent's check reads the platform path).
 * Whatever is wrong is a 4xx naming the field by its path from the document's root.
 */
export async function planImport(deps: PlanDeps, companyId: string, body: unknown): Promise<ConfigPlan> {
  const doc = Value.Default(CompanyConfigDocument, structuredClone(body));
  const problems = shapeProblems(doc);
  if (problems.length > 0) throw rejected(problems);
  const filled = structuredClone(doc) as Filled;

  const company = await companyPart(deps, filled);
  const phoneNumbers = phoneNumbersPart(filled);
  const agent = await deps.agentSettings.validate(companyId, filled.agent, 'agent').catch((err: unknown) => Promise.reject(named(err)));
  for (const which of ['main', 'emergencyOnCall'] as const) {
    const e164 = agent.transferNumbers[which];
    if (e164 !== null && phoneNumbers.some((p) => p.number === e164)) {
      throw invalidAt(`agent.transferNumbers.${which}`, 'is one of phoneNumbers, the agent\'s own numbers; a transfer there would ring the agent again');
    }
  }
  let voice: ValidatedVoiceSettings;
  try {
    voice = deps.voiceSettings.validate(filled.voice, 'voice');
  } catch (err) {
    throw named(err);
  }
  const widget = { allowedOrigins: within('widget', () => deps.widget.checkOrigins(filled.widget.allowedOrigins)) };
  bookingPart(deps, filled.booking);
  return { company, phoneNumbers, agent, voice, widget, booking: normalBooking(filled.booking), knowledge: knowledgePart(deps, filled) };
}
