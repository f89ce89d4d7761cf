import { DateTime } from 'luxon';
import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import { anonymousUsageRepository as repo } from './anonymous-usage.repository.ts';

export interface AnonymousCaps {
  conversationsPerCompanyPerDay: number;
  bookingsPerCompanyPerDay: number;
  bookingsPerPhonePerDay: number;
  /** Turns answered by the (paid) language model, per company-local day. */
  modelTurnsPerCompanyPerDay: number;
}

/** A paid unit of work for an anonymous visitor: counted, or refused with the day's first refusal flagged. */
export interface SpendDecision {
  allowed: boolean;
  /** The first refusal of this budget for the company today (raise the alert once). */
  firstRefusal: boolean;
}

/**
 * Daily caps on what anonymous visitors (the public widget) may use of a company: counted in
 * the database per company-local day, so every process serving the company shares them.
 */
export function createAnonymousUsageService(db: Db, deps: { companies: CompaniesService; caps: AnonymousCaps }) {
  const { companies, caps } = deps;
  const dayOf = async (companyId: string, at: Date) => DateTime.fromJSDate(at, { zone: await companies.timeZoneOf(companyId) }).toISODate()!;

  return {
    /** Counts a new anonymous conversation, or refuses it with ANON_CONVERSATION_LIMIT. */
    async takeConversation(companyId: string, at: Date): Promise<void> {
      const day = await dayOf(companyId, at);
      const taken = await withTenant(db, companyId, (tx) => repo.take(tx, companyId, { day, kind: 'conversation', subject: '' }, caps.conversationsPerCompanyPerDay));
      if (!taken) throw new AppError('ANON_CONVERSATION_LIMIT', 'This company has taken as many website conversations as it can today; please call instead.');
    },

    /**
     * Counts an anonymous booking request against the company's and the phone number's caps
     * together: refused (ANON_BOOKING_LIMIT) when either is full, and then neither is counted.
     */
    async takeBooking(companyId: string, phone: string, at: Date): Promise<void> {
      const day = await dayOf(companyId, at);
      await withTenant(db, companyId, async (tx) => {
        const forCompany = await repo.take(tx, companyId, { day, kind: 'booking', subject: '' }, caps.bookingsPerCompanyPerDay);
        const forPhone = forCompany && (await repo.take(tx, companyId, { day, kind: 'booking_phone', subject: phone }, caps.bookingsPerPhonePerDay));
        // Thrown inside the transaction, so a company count taken just before is rolled back.
        if (!forPhone) throw new AppError('ANON_BOOKING_LIMIT', 'No more booking requests can be taken from the website today.');
      });
    },

    /**
     * Counts one language-model turn against the company's daily budget. Refused once the
     * budget is used up; the caller then answers with the embedded engine (no cost).
     */
    async takeModelTurn(companyId: string, at: Date): Promise<SpendDecision> {
      const day = await dayOf(companyId, at);
      return withTenant(db, companyId, async (tx) => {
        if (await repo.take(tx, companyId, { day, kind: 'model_turn', subject: '' }, caps.modelTurnsPerCompanyPerDay)) return { allowed: true, firstRefusal: false };
        return { allowed: false, firstRefusal: await repo.take(tx, companyId, { day, kind: 'budget_alert', subject: 'model_turn' }, 1) };
      });
    },
  };
}

export type AnonymousUsageService = ReturnType<typeof createAnonymousUsageService>;
