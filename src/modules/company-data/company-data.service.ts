import type { Db } from '../../db/connect.ts';
import { withPlatform, withTenant } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import { isAdmin, type Principal } from '../auth/principal.ts';
import { companyDataRepository as repo } from './company-data.repository.ts';

const COMPANY_ROW = 'platform.companies';

/**
 * Columns an export leaves out: secrets stay in the database (DESIGN: secrets never leave as
 * values, not even encrypted), and cached speech audio is derived data, large and re-made on
 * demand (its row, with its size, is exported).
 */
const WITHHELD: Record<string, string[]> = { company_secrets: ['ciphertext'], speech_cache: ['audio'] };

export interface CompanyDataDeps {
  /** Forget the company in this process's caches (number lookups, inherited knowledge). */
  onDeleted: (companyId: string) => void;
}

export function createCompanyDataService(db: Db, deps: CompanyDataDeps) {
  return {
    /** Every row of the company in every tenant table, read in one transaction as the company. */
    async exportCompany(companyId: string): Promise<{ companyId: string; exportedAt: string; tables: Record<string, Record<string, unknown>[]> }> {
      return withTenant(db, companyId, async (tx) => {
        const tables: Record<string, Record<string, unknown>[]> = {};
        for (const table of await repo.tenantTables(tx)) {
          const withheld = WITHHELD[table] ?? [];
          tables[table] = (await repo.rowsOf(tx, companyId, table)).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !withheld.includes(k))));
        }
        return { companyId, exportedAt: new Date().toISOString(), tables };
      });
    },

    /**
     * Deletes the company: every row of it in every tenant table, then its platform rows
     * (users, sessions, tokens, numbers, the company), in one transaction. The slug must be
     * given back as confirmation. Answers the rows deleted per table.
     */
    async deleteCompany(principal: Principal, companyId: string, confirmSlug: string): Promise<{ deleted: Record<string, number> }> {
      if (!isAdmin(principal)) throw new AppError('FORBIDDEN', 'Only the platform admin can delete a company.');
      const deleted = await withPlatform(db, async (trx) => {
        const company = await trx.selectFrom('platform.companies').select('slug').where('id', '=', companyId).forUpdate().executeTakeFirst();
        if (!company) throw notFound('Company');
        if (company.slug !== confirmSlug) throw new AppError('CONFIRMATION_MISMATCH', "confirmSlug must be the company's slug", { field: 'confirmSlug' });
        const counts: Record<string, number> = {};
        const order = await repo.deletionOrder(trx);
        const rows = order.filter((t) => t.name !== COMPANY_ROW);
        for (const table of rows) counts[table.name] = await repo.deleteFrom(trx, table, companyId);
        // Triggers write while the company's rows go (deleting calls bumps the analytics day
        // versions): one more pass, not counted, before the company's own row.
        for (const table of rows) await repo.deleteFrom(trx, table, companyId);
        for (const table of order.filter((t) => t.name === COMPANY_ROW)) counts[table.name] = await repo.deleteFrom(trx, table, companyId);
        return counts;
      });
      deps.onDeleted(companyId);
      return { deleted };
    },
  };
}

export type CompanyDataService = ReturnType<typeof createCompanyDataService>;
