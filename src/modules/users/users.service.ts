import type { Db } from '../../db/connect.ts';
import { enterTenant, withPlatform, type PlatformTx } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { admitAttempt, releaseAttempt } from '../auth/admit-attempt.ts';
import { hashPassword } from '../auth/credentials.ts';
import { EMAIL_PROBE_THROTTLE, emailProbeKey } from '../auth/login-throttle.ts';
import type { Actor } from '../auth/principal.ts';
import { usersRepository as repo, type UserPatch } from './users.repository.ts';

type CompanyRole = 'owner' | 'staff';

const probesExhausted = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', 'Too many users refused for emails already in use; try again later.', { retryAfterSeconds });
type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findInCompany>>>;

const present = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  companyId: u.company_id,
  disabled: u.disabled,
  lastLoginAt: u.last_login_at,
  createdAt: u.created_at,
  updatedAt: u.updated_at,
});

/** Whoever adds a user: only the platform admin may learn that an email has an account. */
export interface CreateAs {
  actor: Actor;
  isPlatformAdmin: boolean;
}

/** `onAccessChanged` hears of a user whose sessions must be read afresh (after the commit). */
export function createUsersService(db: Db, audit: AuditService, secret: string, hooks: { onAccessChanged?: (userId: string) => void } = {}) {
  /**
   * Emails are unique on the whole platform, so a refusal always says the address is in use
   * somewhere. The admin gets EMAIL_TAKEN; an owner gets EMAIL_UNAVAILABLE, which names no
   * company (not even its own), and only a few of those a day (EMAIL_PROBE_THROTTLE).
   */
  async function assertEmailFree(q: PlatformTx, email: string, isPlatformAdmin: boolean): Promise<void> {
    if (!(await repo.emailExists(q, email))) return;
    if (isPlatformAdmin) throw new AppError('EMAIL_TAKEN', 'A user with this email already exists', { field: 'email' });
    throw new AppError('EMAIL_UNAVAILABLE', 'This email address cannot be used for a new user; use another address, or ask the platform admin.', { field: 'email' });
  }

  /** A company must keep at least one active owner, or nobody could manage it. */
  async function assertOwnerRemains(q: PlatformTx, companyId: string): Promise<void> {
    const { n } = await repo.countActiveOwners(q, companyId);
    if (Number(n) < 1) throw new AppError('LAST_OWNER', 'A company needs at least one active owner.');
  }

  return {
    async list(companyId: string, page: PageRequest) {
      return toPage((await repo.listByCompany(db, companyId, page)).map(present), page);
    },

    async get(companyId: string, userId: string) {
      const u = await repo.findInCompany(db, companyId, userId);
      if (!u) throw notFound('User');
      return present(u);
    },

    /** Whether an email already belongs to a user anywhere on the platform (the admin's question only). */
    async emailInUse(email: string): Promise<boolean> {
      return withPlatform(db, async (trx) => Boolean(await repo.emailExists(trx, email.toLowerCase())));
    },

    async create(by: CreateAs, companyId: string, input: { email: string; name?: string | undefined; password: string; role: CompanyRole }) {
      const email = input.email.toLowerCase();
      // Counted before the check and given back unless the email was refused, so parallel
      // requests cannot probe past the limit either.
      const probe = by.isPlatformAdmin ? undefined : emailProbeKey(companyId, secret);
      if (probe) await admitAttempt(db, probe, EMAIL_PROBE_THROTTLE, probesExhausted);
      let refused = false;
      try {
        const passwordHash = await hashPassword(input.password);
        return await withPlatform(db, async (trx) => {
          await assertEmailFree(trx, email, by.isPlatformAdmin);
          const u = await repo.insert(trx, { email, name: input.name ?? '', password_hash: passwordHash, role: input.role, company_id: companyId });
          const tx = await enterTenant(trx, companyId);
          await audit.record(tx, companyId, by.actor, { action: 'user.created', entityType: 'user', entityId: u.id, changes: { email, role: input.role } });
          return present(u);
        });
      } catch (err) {
        refused = err instanceof AppError && err.code === 'EMAIL_UNAVAILABLE';
        throw err;
      } finally {
        if (probe && !refused) await releaseAttempt(db, probe, EMAIL_PROBE_THROTTLE);
      }
    },

    async update(actor: Actor, companyId: string, userId: string, input: { name?: string | undefined; role?: CompanyRole | undefined; disabled?: boolean | undefined; password?: string | undefined }) {
      const patch: UserPatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.role !== undefined) patch.role = input.role;
      if (input.disabled !== undefined) patch.disabled = input.disabled;
      if (input.password !== undefined) patch.password_hash = await hashPassword(input.password);
      const updated = await withPlatform(db, async (trx) => {
        const u = await repo.update(trx, companyId, userId, patch);
        if (!u) throw notFound('User');
        if (patch.role !== undefined || patch.disabled) await assertOwnerRemains(trx, companyId);
        // A password change or disabling ends every session of that user.
        if (patch.password_hash || patch.disabled) await repo.deleteSessionsOf(trx, userId);
        const tx = await enterTenant(trx, companyId);
        const { password, ...rest } = input;
        await audit.record(tx, companyId, actor, {
          action: 'user.updated', entityType: 'user', entityId: userId, changes: { ...rest, ...(password ? { password: true } : {}) },
        });
        return present(u);
      });
      hooks.onAccessChanged?.(userId);
      return updated;
    },

    async remove(actor: Actor, companyId: string, userId: string): Promise<void> {
      await withPlatform(db, async (trx) => {
        const u = await repo.findInCompany(trx, companyId, userId);
        if (!u) throw notFound('User');
        await repo.delete(trx, companyId, userId);
        if (u.role === 'owner') await assertOwnerRemains(trx, companyId);
        const tx = await enterTenant(trx, companyId);
        await audit.record(tx, companyId, actor, { action: 'user.deleted', entityType: 'user', entityId: userId, changes: { email: u.email } });
      });
      hooks.onAccessChanged?.(userId);
    },

    /** Creates the platform admin on first start; returns the generated password if one was made. */
    async ensurePlatformAdmin(email: string, password: string): Promise<boolean> {
      return withPlatform(db, async (trx) => {
        if (await repo.findAdmin(trx)) return false;
        await repo.insert(trx, { email, name: 'Platform admin', password_hash: await hashPassword(password), role: 'admin', company_id: null });
        return true;
      });
    },

    /** Used by demo seeding: creates a company user unless the email exists. */
    async ensureCompanyUser(companyId: string, input: { email: string; name: string; password: string; role: CompanyRole }) {
      return withPlatform(db, async (trx) => {
        if (await repo.emailExists(trx, input.email)) return false;
        await repo.insert(trx, { email: input.email, name: input.name, password_hash: await hashPassword(input.password), role: input.role, company_id: companyId });
        return true;
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
