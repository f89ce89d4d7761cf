import { enterTenant, type PlatformTx } from '../../db/tenant.ts';
import { CONFIG_VERSION, type CompanyConfig } from './company-config.schemas.ts';
import type { CompanyConfigDeps } from './config-deps.ts';
import { overrideDoc, serviceDoc, settingsDoc, technicianDoc } from './config-parts.ts';

/**
 * The company's configuration as one document, read in one transaction (so its parts agree:
 * the on-call services are among the services): the platform parts first, then the tenant's.
 */
export async function exportIn(deps: CompanyConfigDeps, trx: PlatformTx, companyId: string): Promise<CompanyConfig> {
  const profile = await deps.companies.profileIn(trx, companyId);
  const numbers = await deps.phoneNumbers.listAllIn(trx, companyId);
  const tx = await enterTenant(trx, companyId);
  const categories = await deps.companies.tradeCategoriesIn(tx, companyId);
  const services = await deps.bookingConfig.listServicesIn(tx, companyId);
  const technicians = await deps.bookingConfig.listTechniciansIn(tx, companyId);
  const settings = await deps.bookingConfig.settingsIn(tx, companyId, profile.timeZone);
  const agent = await deps.agentSettings.currentIn(tx, companyId);
  const voice = await deps.voiceSettings.getIn(tx, companyId);
  const widget = await deps.widget.getIn(tx, companyId);
  const entries = await deps.knowledge.exportIn(tx, companyId);
  const inherited = await deps.knowledge.inheritedIn(tx, companyId);
  return {
    version: CONFIG_VERSION,
    company: { name: profile.name, timeZone: profile.timeZone, tradeCategories: categories.map((c) => c.slug), personalDataRetentionDays: profile.personalDataRetentionDays },
    phoneNumbers: numbers.map((n) => ({ number: n.number, label: n.label })),
    agent: agent.settings,
    voice: voice.settings,
    widget: { allowedOrigins: widget.allowedOrigins },
    booking: {
      settings: settingsDoc(settings, new Map(services.map((s) => [s.id, s.name]))),
      services: services.map(serviceDoc),
      technicians: technicians.map(technicianDoc),
    },
    knowledge: { entries, overrides: inherited.flatMap((e) => overrideDoc(e) ?? []) },
  };
}
