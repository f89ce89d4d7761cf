import type { Db } from '../../db/connect.ts';
import type { PlatformTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

type Q = Db | PlatformTx;

const COLUMNS = ['id', 'company_id', 'e164', 'label', 'created_at', 'updated_at'] as const;

// platform.phone_numbers is a platform table: RLS does not guard it, so every query that
// serves a company names that company explicitly.
export const phoneNumbersRepository = {
  list(q: Q, companyId: string, page: PageRequest) {
    return q.selectFrom('platform.phone_numbers').select(COLUMNS).where('company_id', '=', companyId)
      .orderBy('created_at').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
  },

  find(q: Q, companyId: string, id: string) {
    return q.selectFrom('platform.phone_numbers').select(COLUMNS).where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  /** Undefined when the number already belongs to a company (this one or another). */
  insertUnlessTaken(q: Q, values: { company_id: string; e164: string; label: string }) {
    return q.insertInto('platform.phone_numbers').values(values)
      .onConflict((oc) => oc.column('e164').doNothing())
      .returning(COLUMNS).executeTakeFirst();
  },

  updateLabel(q: Q, companyId: string, id: string, label: string) {
    return q.updateTable('platform.phone_numbers').set({ label, updated_at: new Date() })
      .where('company_id', '=', companyId).where('id', '=', id).returning(COLUMNS).executeTakeFirst();
  },

  delete(q: Q, companyId: string, id: string) {
    return q.deleteFrom('platform.phone_numbers').where('company_id', '=', companyId).where('id', '=', id)
      .returning(COLUMNS).executeTakeFirst();
  },

  /** The incoming-call route: which company answers this number (any company). */
  findRoute(q: Q, e164: string) {
    return q.selectFrom('platform.phone_numbers as p')
      .innerJoin('platform.companies as c', 'c.id', 'p.company_id')
      .select(['p.id as phoneNumberId', 'p.company_id as companyId', 'c.status as companyStatus', 'c.time_zone as timeZone'])
      .where('p.e164', '=', e164).executeTakeFirst();
  },
};
