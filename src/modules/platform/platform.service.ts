import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { checkReadiness } from '../../db/readiness.ts';
import { AppError } from '../../errors.ts';
import { readJobStatus } from '../../jobs/job-status.ts';
import type { Actor } from '../auth/principal.ts';
import type { createCompaniesService } from '../companies/companies.service.ts';
import type { createCompanyConfigService } from '../company-config/company-config.service.ts';
import type { createUsersService } from '../users/users.service.ts';
import { companyTemplates, templateDocumentFor } from './company-templates.ts';

interface Deps {
  companies: ReturnType<typeof createCompaniesService>;
  companyConfig: ReturnType<typeof createCompanyConfigService>;
  users: ReturnType<typeof createUsersService>;
}

export interface NewCompanyFromTemplate {
  name: string;
  slug?: string | undefined;
  timeZone: string;
  template: string;
  owner: { email: string; name?: string | undefined; password: string };
}

/** The platform admin's own operations: templates, one-step company setup, platform status. */
export function createPlatformService(db: Db, config: Config, deps: Deps) {
  return {
    templates() {
      return companyTemplates().map(({ key, name, tradeCategories, timeZone }) => ({ key, name, tradeCategories, timeZone }));
    },

    /**
     * A company ready to answer: the template's agent, hours, services, area and knowledge under
     * the new name and zone, and its first owner. What can fail is checked before anything is
     * written (template, owner email; the template documents are the tested examples), so a
     * refusal leaves nothing behind.
     */
    async createFromTemplate(actor: Actor, input: NewCompanyFromTemplate) {
      const template = companyTemplates().find((t) => t.key === input.template);
      if (!template) throw new AppError('UNKNOWN_TEMPLATE', `There is no template "${input.template}"`, { field: 'template' });
      if (await deps.users.emailInUse(input.owner.email)) throw new AppError('EMAIL_TAKEN', 'A user with this email already exists', { field: 'owner.email' });
      const company = await deps.companies.create(actor, { name: input.name, slug: input.slug, timeZone: input.timeZone });
      await deps.companyConfig.importConfig(actor, company.id, templateDocumentFor(template, input), 'assigned');
      const owner = await deps.users.create({ actor, isPlatformAdmin: true }, company.id, { ...input.owner, role: 'owner' });
      return { company: await deps.companies.get(company.id), ownerUserId: owner.id };
    },

    async status() {
      const readiness = await checkReadiness(db);
      const ready = readiness.database === 'ok' && readiness.pending.length === 0;
      return {
        version: config.version,
        uptimeSeconds: Math.round(process.uptime()),
        database: { ready, pendingMigrations: readiness.database === 'ok' ? readiness.pending : [] },
        jobs: readiness.database === 'ok' ? await readJobStatus(db) : { available: false, counts: {}, failed: [] },
      };
    },
  };
}
