import { IANAZone } from 'luxon';
import type { Db } from '../../db/connect.ts';
import { enterTenant, withPlatform, withTenant, type PlatformTx, type TenantTx } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { actorOf, isAdmin, type Actor, type Principal } from '../auth/principal.ts';
import type { TradeCategoriesService } from '../trade-categories/trade-categories.service.ts';
import { companiesRepository as repo, type CompanyPatch } from './companies.repository.ts';

export interface CompanyInput {
  name: string;
  slug?: string | undefined;
  timeZone: string;
  tradeCategoryIds?: string[] | undefined;
}

export interface CompanyUpdate {
  name?: string | undefined;
  timeZone?: string | undefined;
  status?: 'active' | 'suspended' | undefined;
}

type CompanyRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'company';
}

export function assertTimeZone(tz: string): void {
  if (!IANAZone.isValidZone(tz)) {
    throw new AppError('INVALID_TIME_ZONE', `"${tz}" is not an IANA time zone (for example America/Chicago)`, { field: 'timeZone' });
  }
}

export interface CompanyHooks {
  /** Called after a company's profile change has committed. */
  onChanged?: (companyId: string) => void;
}


/** What the configuration document says of the company itself. */
export interface CompanyProfile {
  name: string;
  timeZone: string;
  /** Days transcripts, audio clips and messages are kept. */
  personalDataRetentionDays: number;
}

export function createCompaniesService(db: Db, audit: AuditService, tradeCategories: TradeCategoriesService, hooks: CompanyHooks = {}) {
  async function present(tx: TenantTx, row: CompanyRow) {
    const cats = await repo.tradeCategoriesOf(tx, row.id);
    return {
      id: row.id,
      name: row.name,
      slug: row.slug,
      timeZone: row.time_zone,
      status: row.status,
      tradeCategories: cats,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function setCategories(tx: TenantTx, companyId: string, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    await tradeCategories.assertExist(tx, unique);
    await repo.replaceTradeCategories(tx, companyId, unique);
  }

  async function applyPatch(actor: Actor, companyId: string, patch: CompanyPatch, changes: Record<string, unknown>) {
    const updated = await withPlatform(db, async (trx) => {
      const before = await repo.findById(trx, companyId);
      if (!before) throw notFound('Company');
      const row = Object.keys(patch).length > 0 ? await repo.update(trx, companyId, patch) : before;
      if (!row) throw notFound('Company');
      const tx = await enterTenant(trx, companyId);
      await audit.record(tx, companyId, actor, { action: 'company.updated', entityType: 'company', entityId: companyId, changes });
      return present(tx, row);
    });
    hooks.onChanged?.(companyId);
    return updated;
  }

  return {
    async exists(companyId: string): Promise<boolean> {
      return (await repo.findById(db, companyId)) !== undefined;
    },

    /** Whether the platform has no companies yet (first start). */
    isEmpty: async (): Promise<boolean> => !(await repo.hasAny(db)),

    slugExists: async (slug: string): Promise<boolean> => (await repo.findBySlug(db, slug)) !== undefined,

    /** Every company's id, for system jobs that visit each tenant in turn. */
    listIds: async (): Promise<string[]> => (await repo.listIds(db)).map((r) => r.id),

    /** Each company's personal-data retention in days (the daily purge). */
    retentionDays: (): Promise<Array<{ id: string; days: number }>> => repo.retentionDays(db),

    /** 'active' or 'suspended'; null for no such company. */
    async statusOf(companyId: string): Promise<'active' | 'suspended' | null> {
      return (await repo.findById(db, companyId))?.status ?? null;
    },

    /** The company's IANA zone, read on the platform path (tenant transactions cannot see companies). */
    async timeZoneOf(companyId: string): Promise<string> {
      const row = await repo.findById(db, companyId);
      if (!row) throw notFound('Company');
      return row.time_zone;
    },

    async get(companyId: string) {
      const row = await repo.findById(db, companyId);
      if (!row) throw notFound('Company');
      return withTenant(db, companyId, (tx) => present(tx, row));
    },

    /** Admins see every company; a company user sees only its own. */
    async list(principal: Principal, page: PageRequest) {
      const rows = await repo.list(db, page, isAdmin(principal) ? undefined : (principal.companyId ?? undefined));
      const items = [];
      for (const row of rows.slice(0, page.limit)) items.push(await withTenant(db, row.id, (tx) => present(tx, row)));
      return { items, limit: page.limit, offset: page.offset, hasMore: rows.length > page.limit };
    },

    async create(actor: Actor, input: CompanyInput) {
      assertTimeZone(input.timeZone);
      const slug = input.slug ?? slugify(input.name);
      return withPlatform(db, async (trx) => {
        if (await repo.findBySlug(trx, slug)) throw new AppError('SLUG_TAKEN', `A company with slug "${slug}" already exists`, { field: 'slug' });
        const row = await repo.insert(trx, { name: input.name, slug, time_zone: input.timeZone });
        const tx = await enterTenant(trx, row.id);
        await setCategories(tx, row.id, input.tradeCategoryIds ?? []);
        await audit.record(tx, row.id, actor, { action: 'company.created', entityType: 'company', entityId: row.id, changes: { name: row.name, slug, timeZone: row.time_zone } });
        return present(tx, row);
      });
    },

    async update(principal: Principal, companyId: string, input: CompanyUpdate) {
      if (input.status !== undefined && !isAdmin(principal)) {
        throw new AppError('FORBIDDEN', 'Only a platform admin can change a company status.');
      }
      if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
      const patch: CompanyPatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.timeZone !== undefined) patch.time_zone = input.timeZone;
      if (input.status !== undefined) patch.status = input.status;
      return applyPatch(actorOf(principal), companyId, patch, { ...input });
    },

    /** The company's IANA zone, changed by its booking settings. */
    async setTimeZone(actor: Actor, companyId: string, timeZone: string) {
      assertTimeZone(timeZone);
      return applyPatch(actor, companyId, { time_zone: timeZone }, { timeZone });
    },

    async setTradeCategories(principal: Principal, companyId: string, ids: string[]) {
      const row = await repo.findById(db, companyId);
      if (!row) throw notFound('Company');
      const updated = await withTenant(db, companyId, async (tx) => {
        await setCategories(tx, companyId, ids);
        await audit.record(tx, companyId, actorOf(principal), { action: 'company.trade_categories_set', entityType: 'company', entityId: companyId, changes: { tradeCategoryIds: ids } });
        return present(tx, row);
      });
      hooks.onChanged?.(companyId);
      return updated;
    },

    // Inside a caller's transaction (the company configuration document): the caller audits
    // and, after its commit, calls `changeCommitted`.

    /** Name and zone, read on the platform path before the transaction enters the tenant. */
    async profileIn(trx: PlatformTx, companyId: string): Promise<CompanyProfile> {
      const row = await repo.findById(trx, companyId);
      if (!row) throw notFound('Company');
      return { name: row.name, timeZone: row.time_zone, personalDataRetentionDays: row.personal_data_retention_days };
    },

    async updateProfileIn(trx: PlatformTx, companyId: string, profile: CompanyProfile): Promise<void> {
      assertTimeZone(profile.timeZone);
      const patch = { name: profile.name, time_zone: profile.timeZone, personal_data_retention_days: profile.personalDataRetentionDays };
      if (!(await repo.update(trx, companyId, patch))) throw notFound('Company');
    },

    tradeCategoriesIn: (tx: TenantTx, companyId: string) => repo.tradeCategoriesOf(tx, companyId),

    setTradeCategoriesIn: (tx: TenantTx, companyId: string, ids: string[]) => setCategories(tx, companyId, ids),

    /** After a caller's own transaction changed the company: refreshes what depends on it. */
    changeCommitted: (companyId: string): void => hooks.onChanged?.(companyId),
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
