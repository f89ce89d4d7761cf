import type { Db } from '../../db/connect.ts';
import { enterTenant, withPlatform, type PlatformTx } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import { assertPhone, normalizePhone } from '../../phone/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { createTtlCache, type TtlCacheOptions } from '../../cache/ttl-cache.ts';
import type { NumberClaim, NumberProof } from './number-proof.ts';
import { phoneNumbersRepository as repo } from './phone-numbers.repository.ts';

type PhoneNumberRow = NonNullable<Awaited<ReturnType<typeof repo.find>>>;
export type PhoneNumber = ReturnType<typeof present>;

/** Who answers an incoming call to a number. */
export interface NumberRoute {
  companyId: string;
  companyStatus: 'active' | 'suspended';
  timeZone: string;
  phoneNumberId: string;
}

const present = (r: PhoneNumberRow) => ({
  id: r.id,
  number: r.e164,
  label: r.label,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// More than any company holds; the configuration document reads and writes them all at once.
const ALL_NUMBERS = { limit: 10_000, offset: 0 };

// The message never says which company holds the number: that would leak another tenant.
const numberTaken = () => new AppError('PHONE_NUMBER_TAKEN', 'This phone number is already in use.', { field: 'number' });

export function createPhoneNumbersService(db: Db, audit: AuditService, proof: NumberProof, cacheOptions: TtlCacheOptions = {}) {
  /**
   * Per process. Changes made through this service are visible here at once; other app
   * processes see them (and company status or time-zone changes not reported through
   * `invalidate`) within the cache TTL, 30 seconds by default.
   */
  const cache = createTtlCache<NumberRoute>(cacheOptions);

  return {
    async list(companyId: string, page: PageRequest) {
      return toPage((await repo.list(db, companyId, page)).map(present), page);
    },

    async get(companyId: string, id: string): Promise<PhoneNumber> {
      const row = await repo.find(db, companyId, id);
      if (!row) throw notFound('Phone number');
      return present(row);
    },

    /**
     * A number belongs to one company across the platform, and only to one that proved it
     * (`claim`, checked before anything looks at who holds the number, so a company that cannot
     * prove it learns nothing). ON CONFLICT makes the claim race-safe: of two concurrent adds,
     * the second waits for the first to commit and then inserts nothing, so it answers 409
     * rather than failing on the unique index.
     */
    async add(actor: Actor, companyId: string, input: { number: string; label?: string | undefined }, claim: NumberClaim): Promise<PhoneNumber> {
      const e164 = assertPhone(input.number, 'number');
      const label = input.label?.trim() ?? '';
      await proof.assertClaim(companyId, claim, [{ e164, field: 'number' }]);
      const created = await withPlatform(db, async (trx) => {
        const row = await repo.insertUnlessTaken(trx, { company_id: companyId, e164, label });
        if (!row) throw numberTaken();
        const tx = await enterTenant(trx, companyId);
        await audit.record(tx, companyId, actor, { action: 'phone_number.created', entityType: 'phone_number', entityId: row.id, changes: { number: e164, label } });
        return present(row);
      });
      // After commit: a lookup running meanwhile could otherwise re-cache the old answer.
      cache.delete(e164);
      return created;
    },

    async update(actor: Actor, companyId: string, id: string, input: { label: string }): Promise<PhoneNumber> {
      const label = input.label.trim();
      const updated = await withPlatform(db, async (trx) => {
        const row = await repo.updateLabel(trx, companyId, id, label);
        if (!row) throw notFound('Phone number');
        const tx = await enterTenant(trx, companyId);
        await audit.record(tx, companyId, actor, { action: 'phone_number.updated', entityType: 'phone_number', entityId: id, changes: { label } });
        return present(row);
      });
      cache.delete(updated.number);
      return updated;
    },

    async remove(actor: Actor, companyId: string, id: string): Promise<void> {
      const e164 = await withPlatform(db, async (trx) => {
        const row = await repo.delete(trx, companyId, id);
        if (!row) throw notFound('Phone number');
        const tx = await enterTenant(trx, companyId);
        await audit.record(tx, companyId, actor, { action: 'phone_number.deleted', entityType: 'phone_number', entityId: id, changes: { number: row.e164 } });
        return row.e164;
      });
      cache.delete(e164);
    },

    /**
     * The first step of every incoming call: which company answers `calledNumber`. Cached;
     * null when the number is not a phone number or belongs to no company.
     */
    async lookup(calledNumber: string): Promise<NumberRoute | null> {
      // Keys are normalised E.164, so a caller already sending E.164 (Twilio does) hits
      // without parsing.
      const direct = cache.get(calledNumber);
      if (direct !== undefined) return direct;
      const e164 = normalizePhone(calledNumber);
      if (e164 === null) return null;
      const cached = cache.get(e164);
      if (cached !== undefined) return cached;
      const generation = cache.generation();
      const row = await repo.findRoute(db, e164);
      const route: NumberRoute | null = row
        ? { companyId: row.companyId, companyStatus: row.companyStatus, timeZone: row.timeZone, phoneNumberId: row.phoneNumberId }
        : null;
      cache.set(e164, route, generation);
      return route;
    },

    /**
     * Drops cached routes of one company (after its status or time zone changes) or of all.
     * Only this process's cache: other processes catch up within the TTL.
     */
    invalidate(companyId?: string): void {
      if (companyId === undefined) cache.clear();
      else cache.deleteWhere((route) => route.companyId === companyId);
    },

    /**
     * Before a `replaceIn`, outside its transaction (Twilio is asked): the numbers in `numbers`
     * the company does not hold yet must be proven by `claim`.
     */
    async assertClaimable(companyId: string, claim: NumberClaim, numbers: readonly { number: string }[], field = 'numbers'): Promise<void> {
      const held = new Set((await repo.list(db, companyId, ALL_NUMBERS)).map((r) => r.e164));
      await proof.assertClaim(companyId, claim, numbers.flatMap((n, i) => (held.has(n.number) ? [] : [{ e164: n.number, field: `${field}[${i}].number` }])));
    },

    /** Every number of the company, oldest first, inside a caller's platform transaction. */
    async listAllIn(trx: PlatformTx, companyId: string): Promise<PhoneNumber[]> {
      return (await repo.list(trx, companyId, ALL_NUMBERS)).map(present);
    },

    /**
     * Makes `numbers` (E.164, checked by the caller) exactly the company's numbers inside the
     * caller's platform transaction: removes, relabels, adds. A number another company holds is
     * a 409 PHONE_NUMBER_TAKEN naming `${field}[i].number`. Returns the numbers whose route
     * changed, for `forget` after the commit. The caller audits.
     */
    async replaceIn(trx: PlatformTx, companyId: string, numbers: readonly { number: string; label: string }[], field = 'numbers'): Promise<string[]> {
      const current = await repo.list(trx, companyId, ALL_NUMBERS);
      const wanted = new Map(numbers.map((n) => [n.number, n.label]));
      const rerouted: string[] = [];
      for (const row of current) {
        const label = wanted.get(row.e164);
        if (label === undefined) {
          await repo.delete(trx, companyId, row.id);
          rerouted.push(row.e164);
        } else if (label !== row.label) {
          await repo.updateLabel(trx, companyId, row.id, label);
        }
      }
      const held = new Set(current.map((r) => r.e164));
      for (const [i, n] of numbers.entries()) {
        if (held.has(n.number)) continue;
        if (!(await repo.insertUnlessTaken(trx, { company_id: companyId, e164: n.number, label: n.label }))) {
          throw new AppError('PHONE_NUMBER_TAKEN', `${field}[${i}].number is already in use.`, { field: `${field}[${i}].number` });
        }
        rerouted.push(n.number);
      }
      return rerouted;
    },

    /** Drops the cached routes of these numbers (after a commit changed who answers them). */
    forget(numbers: readonly string[]): void {
      for (const e164 of numbers) cache.delete(e164);
    },
  };
}

export type PhoneNumbersService = ReturnType<typeof createPhoneNumbersService>;
