import type { Config } from '../config.ts';
import { SYSTEM_ACTOR } from '../modules/auth/principal.ts';
import type { Services } from '../services.ts';
import { seedDemoAgent } from './demo-agent.ts';
import { seedDemoBooking } from './demo-booking.ts';
import { DEMO_COMPANIES } from './demo-data.ts';
import { seedDemoKnowledge } from './demo-knowledge.ts';

export interface SeedResult {
  created: boolean;
  companies: string[];
}

/**
 * Two demo companies in different trades with phone numbers, an owner each, contacts and a
 * booking configuration (hours, services, technicians, service area, on-call).
 * Idempotent: a company whose slug exists is left as it is.
 */
export async function seedDemo(services: Services, config: Config, options: { onlyIfEmpty: boolean }): Promise<SeedResult> {
  if (options.onlyIfEmpty && !(await services.companies.isEmpty())) return { created: false, companies: [] };
  const categories = await services.tradeCategories.list();
  let created = false;
  const names: string[] = [];
  for (const demo of DEMO_COMPANIES) {
    names.push(demo.name);
    if (await services.companies.slugExists(demo.slug)) continue;
    created = true;
    const tradeCategoryIds = categories.filter((c) => (demo.trades as readonly string[]).includes(c.slug)).map((c) => c.id);
    const company = await services.companies.create(SYSTEM_ACTOR, { name: demo.name, slug: demo.slug, timeZone: demo.timeZone, tradeCategoryIds });
    await services.users.ensureCompanyUser(company.id, { email: demo.owner.email, name: demo.owner.name, password: config.demoPassword, role: 'owner' });
    for (const phone of demo.phoneNumbers) await services.phoneNumbers.add(SYSTEM_ACTOR, company.id, phone, 'assigned');
    for (const contact of demo.contacts) await services.contacts.create(SYSTEM_ACTOR, company.id, contact);
    await seedDemoBooking(services, SYSTEM_ACTOR, company.id, demo.slug);
    await seedDemoAgent(services, SYSTEM_ACTOR, company.id, demo.slug);
    await seedDemoKnowledge(services, SYSTEM_ACTOR, company.id, demo.slug);
  }
  return { created, companies: names };
}
