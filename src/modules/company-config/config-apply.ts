import { enterTenant, type PlatformTx, type TenantTx } from '../../db/tenant.ts';
import type { Actor } from '../auth/principal.ts';
import type { ConfigPlan } from './config-plan.ts';
import type { CompanyConfigDeps } from './config-deps.ts';
import { invalidAt } from './config-errors.ts';
import { nameKey, sameJson, serviceDoc, settingsDoc, technicianDoc } from './config-parts.ts';

export type ConfigSection = 'company' | 'phoneNumbers' | 'booking' | 'agent' | 'voice' | 'widget' | 'knowledge';

export interface Applied {
  /** The parts that differed from the document and were written. */
  changed: ConfigSection[];
  /** Numbers whose route changed: cached lookups must forget them after the commit. */
  rerouted: string[];
  /** Whether what the company inherits changed (categories or overrides). */
  inheritedChanged: boolean;
}

type Deps = CompanyConfigDeps;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const normalQuestion = (q: string) => q.replace(/\s+/g, ' ').trim().toLowerCase();

/** Services and technicians by name: updated where they differ, added, and retired when left out. */
async function applyBookingIn(deps: Deps, tx: TenantTx, companyId: string, timeZone: string, plan: ConfigPlan['booking']): Promise<boolean> {
  const config = deps.bookingConfig;
  let changed = false;
  const services = await config.listServicesIn(tx, companyId);
  const current = new Map(services.map((s) => [nameKey(s.name), s]));
  const idByName = new Map<string, string>();
  for (const wanted of plan.services) {
    const now = current.get(nameKey(wanted.name));
    if (now && sameJson(serviceDoc(now), wanted)) {
      idByName.set(nameKey(wanted.name), now.id);
      continue;
    }
    idByName.set(nameKey(wanted.name), (await config.saveServiceIn(tx, companyId, now?.id ?? null, wanted)).id);
    changed = true;
  }
  for (const s of services.filter((x) => !idByName.has(nameKey(x.name)))) {
    if ((await config.retireServiceIn(tx, companyId, s.id)) === 'deleted' || s.active) changed = true;
  }

  const technicians = await config.listTechniciansIn(tx, companyId);
  const team = new Map<string, (typeof technicians)[number]>();
  for (const t of technicians) if (!team.has(nameKey(t.name))) team.set(nameKey(t.name), t);
  const kept = new Set<string>();
  for (const wanted of plan.technicians) {
    const now = team.get(nameKey(wanted.name));
    kept.add(nameKey(wanted.name));
    if (now && sameJson(technicianDoc(now), wanted)) continue;
    await config.saveTechnicianIn(tx, companyId, now?.id ?? null, wanted);
    changed = true;
  }
  // A name the company has twice: the first is matched, the others are retired.
  for (const t of technicians.filter((x) => !kept.has(nameKey(x.name)) || team.get(nameKey(x.name)) !== x)) {
    if ((await config.retireTechnicianIn(tx, companyId, t.id)) === 'deleted' || t.active) changed = true;
  }

  const settingsNow = settingsDoc(await config.settingsIn(tx, companyId, timeZone), new Map(services.map((s) => [s.id, s.name])));
  if (!sameJson(settingsNow, plan.settings)) {
    const { onCall } = plan.settings;
    await config.replaceSettingsIn(tx, companyId, timeZone, {
      ...plan.settings,
      onCall: onCall && { weeklyHours: onCall.weeklyHours, surchargeNote: onCall.surchargeNote, serviceIds: onCall.services.map((n) => idByName.get(nameKey(n))!) },
    });
    changed = true;
  }
  return changed;
}

/** Overrides of inherited entries, found by starter key or question among what the company now inherits. */
async function applyOverridesIn(deps: Deps, tx: TenantTx, companyId: string, overrides: ConfigPlan['knowledge']['overrides']): Promise<boolean> {
  const inherited = await deps.knowledge.inheritedIn(tx, companyId);
  const wanted = new Map<string, { enabled: boolean; answer: string | null }>();
  overrides.forEach((o, i) => {
    const ofTrade = inherited.filter((e) => e.tradeCategory.slug === o.tradeCategory);
    const entry = o.key !== undefined ? ofTrade.find((e) => e.seedKey === o.key) : ofTrade.find((e) => normalQuestion(e.question) === normalQuestion(o.question));
    const field = `knowledge.overrides[${i}].${o.key !== undefined ? 'key' : 'question'}`;
    if (!entry) throw invalidAt(field, `is not an entry of the ${o.tradeCategory} knowledge the company inherits`);
    if (wanted.has(entry.id)) throw invalidAt(field, 'overrides the same entry as an earlier override');
    wanted.set(entry.id, { enabled: o.enabled, answer: o.answer });
  });
  let changed = false;
  for (const e of inherited) {
    const want = wanted.get(e.id);
    if (want === undefined) {
      if (e.override) await deps.knowledge.clearOverrideIn(tx, companyId, e.id);
      changed ||= e.override !== null;
    } else if (!e.override || e.override.enabled !== want.enabled || e.override.answer !== want.answer) {
      await deps.knowledge.setOverrideIn(tx, companyId, e.id, want);
      changed = true;
    }
  }
  return changed;
}

/**
 * Writes the planned configuration inside the caller's platform transaction: the platform
 * parts (profile, phone numbers), then, as the tenant, the rest; only what differs is written,
 * so importing the document GET answered changes nothing. Audited once, when anything changed.
 */
export async function applyIn(deps: Deps, trx: PlatformTx, actor: Actor, companyId: string, plan: ConfigPlan): Promise<Applied> {
  const changed = new Set<ConfigSection>();
  const profile = await deps.companies.profileIn(trx, companyId);
  if (profile.name !== plan.company.name || profile.timeZone !== plan.company.timeZone || profile.personalDataRetentionDays !== plan.company.personalDataRetentionDays) {
    await deps.companies.updateProfileIn(trx, companyId, plan.company);
    changed.add('company');
  }
  const numbersNow = (await deps.phoneNumbers.listAllIn(trx, companyId)).map((n) => `${n.number} ${n.label}`);
  let rerouted: string[] = [];
  if (!sameSet(numbersNow, plan.phoneNumbers.map((n) => `${n.number} ${n.label}`))) {
    rerouted = await deps.phoneNumbers.replaceIn(trx, companyId, plan.phoneNumbers, 'phoneNumbers');
    changed.add('phoneNumbers');
  }

  const tx = await enterTenant(trx, companyId);
  // One import at a time per company, and no booking written against a service or technician
  // this import removes (bookings take the same lock before they read the configuration).
  await deps.bookings.lockWritesIn(tx, companyId);
  let inheritedChanged = false;
  if (!sameSet((await deps.companies.tradeCategoriesIn(tx, companyId)).map((c) => c.id), plan.company.tradeCategoryIds)) {
    await deps.companies.setTradeCategoriesIn(tx, companyId, plan.company.tradeCategoryIds);
    changed.add('company');
    inheritedChanged = true;
  }
  if (await applyBookingIn(deps, tx, companyId, plan.company.timeZone, plan.booking)) changed.add('booking');

  if (!sameJson((await deps.agentSettings.currentIn(tx, companyId)).settings, plan.agent)) {
    await deps.agentSettings.saveIn(tx, actor, companyId, plan.agent);
    changed.add('agent');
  }
  const voice = await deps.voiceSettings.getIn(tx, companyId);
  if (!sameJson(voice.settings, plan.voice)) {
    // The key is a secret, so never in the document: it must already be set.
    if (plan.voice.useOwnKey && !voice.elevenLabsApiKey.set) {
      throw invalidAt('voice.useOwnKey', "needs the company's ElevenLabs API key; set it with PUT /voice-settings first, or set useOwnKey to false");
    }
    await deps.voiceSettings.putIn(tx, actor, companyId, { settings: plan.voice });
    changed.add('voice');
  }

  if (!sameJson((await deps.widget.getIn(tx, companyId)).allowedOrigins, plan.widget.allowedOrigins)) {
    await deps.widget.saveOriginsIn(tx, actor, companyId, plan.widget.allowedOrigins);
    changed.add('widget');
  }

  if (!sameJson(await deps.knowledge.exportIn(tx, companyId), plan.knowledge.entries)) {
    await deps.knowledge.importWithin(tx, actor, companyId, plan.knowledge.entries, 'replace');
    changed.add('knowledge');
  }
  if (await applyOverridesIn(deps, tx, companyId, plan.knowledge.overrides)) {
    changed.add('knowledge');
    inheritedChanged = true;
  }

  if (changed.size > 0) {
    await deps.audit.record(tx, companyId, actor, { action: 'company.config_imported', entityType: 'company', entityId: companyId, changes: { sections: [...changed] } });
  }
  return { changed: [...changed], rerouted, inheritedChanged };
}
