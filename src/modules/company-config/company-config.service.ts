import type { Db } from '../../db/connect.ts';
import { withPlatform } from '../../db/tenant.ts';
import type { Actor } from '../auth/principal.ts';
import type { NumberClaim } from '../phone-numbers/number-proof.ts';
import type { CompanyConfig } from './company-config.schemas.ts';
import { applyIn, type ConfigSection } from './config-apply.ts';
import type { CompanyConfigDeps } from './config-deps.ts';
import { exportIn } from './config-export.ts';
import { planImport } from './config-plan.ts';

/**
 * A company's whole configuration as one document. Export reads it in one transaction;
 * import checks all of it first, then writes all of it in one transaction, or nothing.
 */
export function createCompanyConfigService(db: Db, deps: CompanyConfigDeps) {
  const exportConfig = (companyId: string): Promise<CompanyConfig> => withPlatform(db, (trx) => exportIn(deps, trx, companyId));

  return {
    exportConfig,

    /** `claim`: how numbers the company does not hold yet are proven (see phone numbers). */
    async importConfig(actor: Actor, companyId: string, body: unknown, claim: NumberClaim): Promise<{ document: CompanyConfig; changed: ConfigSection[] }> {
      // Before the transaction: some checks read the platform path or ask Twilio, and PGlite has one connection.
      const plan = await planImport(deps, companyId, body);
      await deps.phoneNumbers.assertClaimable(companyId, claim, plan.phoneNumbers, 'phoneNumbers');
      const applied = await withPlatform(db, (trx) => applyIn(deps, trx, actor, companyId, plan));
      // After the commit, so a lookup running meanwhile cannot cache the old answer again.
      deps.phoneNumbers.forget(applied.rerouted);
      if (applied.changed.includes('company')) deps.companies.changeCommitted(companyId);
      if (applied.inheritedChanged) deps.knowledge.forgetInherited(companyId);
      else if (applied.changed.includes('agent')) deps.knowledge.forgetEmergencyRules(companyId);
      return { document: await exportConfig(companyId), changed: applied.changed };
    },
  };
}

export type CompanyConfigService = ReturnType<typeof createCompanyConfigService>;
