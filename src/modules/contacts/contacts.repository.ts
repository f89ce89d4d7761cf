import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import { escapeLike } from '../../db/escape-like.ts';

export interface ContactValues {
  name: string;
  email: string | null;
  address: string | null;
  zip: string | null;
  notes: string;
  tags: string[];
}

/** What a list query searches for; built by the service from the user's `q`. */
export interface ContactSearch {
  text: string;
  /** Digits of a phone-like query, matched anywhere in the stored E.164 digits. */
  digits?: string | undefined;
  /** The query as a whole number, when it is one: an exact hit ranks first. */
  e164?: string | undefined;
}

const COLUMNS = ['c.id', 'c.name', 'c.email', 'c.address', 'c.zip', 'c.notes', 'c.tags', 'c.created_at', 'c.updated_at'] as const;

// A contact's numbers in their given order, fetched with the row (no N+1 on lists).
const phones = sql<string[]>`ARRAY(SELECT p.e164 FROM contact_phones p WHERE p.company_id = c.company_id AND p.contact_id = c.id ORDER BY p.position)`.as('phones');

const hasPhone = (predicate: RawBuilder<unknown>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM contact_phones p WHERE p.company_id = c.company_id AND p.contact_id = c.id AND ${predicate})`;

function selectContacts(tx: TenantTx, companyId: string) {
  return tx.selectFrom('contacts as c').select([...COLUMNS, phones]).where('c.company_id', '=', companyId);
}

export const contactsRepository = {
  findById(tx: TenantTx, companyId: string, id: string) {
    return selectContacts(tx, companyId).where('c.id', '=', id).executeTakeFirst();
  },

  /** Newest first; with a search, best match first (exact number, exact name, number ending, name prefix, the rest). */
  list(tx: TenantTx, companyId: string, search: ContactSearch | undefined, page: PageRequest) {
    return contactsRepository.listQuery(tx, companyId, search, page).execute();
  },

  /** The list's query, unexecuted: its plan is checked in tests. */
  listQuery(tx: TenantTx, companyId: string, search: ContactSearch | undefined, page: PageRequest) {
    let q = selectContacts(tx, companyId);
    if (search) {
      const { text, digits, e164 } = search;
      const pattern = escapeLike(text);
      const ranks = [
        ...(e164 ? [sql`WHEN ${hasPhone(sql`p.e164 = ${e164}`)} THEN 0`] : []),
        sql`WHEN lower(c.name) = lower(${text}) THEN 1`,
        ...(digits ? [sql`WHEN ${hasPhone(sql`p.e164 LIKE ${`%${digits}`}`)} THEN 2`] : []),
        sql`WHEN c.name ILIKE ${`${pattern}%`} THEN 3`,
      ];
      q = q
        .where((eb) => eb.or([
          eb('c.name', 'ilike', `%${pattern}%`),
          ...(digits ? [hasPhone(sql`p.e164 LIKE ${`%${digits}%`}`)] : []),
        ]))
        .orderBy(sql`CASE ${sql.join(ranks, sql` `)} ELSE 4 END`)
        .orderBy(sql`similarity(c.name, ${text})`, 'desc');
    }
    return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(page.limit + 1).offset(page.offset);
  },

  insert(tx: TenantTx, companyId: string, values: ContactValues) {
    return tx.insertInto('contacts').values({ company_id: companyId, ...values }).returning('id').executeTakeFirstOrThrow();
  },

  update(tx: TenantTx, companyId: string, id: string, patch: Partial<ContactValues>) {
    return tx.updateTable('contacts').set({ ...patch, updated_at: new Date() })
      .where('company_id', '=', companyId).where('id', '=', id).returning('id').executeTakeFirst();
  },

  delete(tx: TenantTx, companyId: string, id: string) {
    return tx.deleteFrom('contacts').where('company_id', '=', companyId).where('id', '=', id).returning('id').executeTakeFirst();
  },

  /**
   * Claims numbers for a contact in the given order. A number another contact holds (even one
   * committed a moment ago by a concurrent transaction) is skipped, not an error: the caller
   * compares what came back with what it asked for.
   */
  async insertPhones(tx: TenantTx, companyId: string, contactId: string, e164s: readonly string[]): Promise<string[]> {
    if (e164s.length === 0) return [];
    const rows = await tx.insertInto('contact_phones')
      .values(e164s.map((e164, position) => ({ company_id: companyId, e164, contact_id: contactId, position })))
      .onConflict((oc) => oc.columns(['company_id', 'e164']).doNothing())
      .returning('e164').execute();
    return rows.map((r) => r.e164);
  },

  deletePhones(tx: TenantTx, companyId: string, contactId: string) {
    return tx.deleteFrom('contact_phones').where('company_id', '=', companyId).where('contact_id', '=', contactId).execute();
  },

  findPhoneOwner(tx: TenantTx, companyId: string, e164: string) {
    return tx.selectFrom('contact_phones').select('contact_id').where('company_id', '=', companyId).where('e164', '=', e164).executeTakeFirst();
  },
};
