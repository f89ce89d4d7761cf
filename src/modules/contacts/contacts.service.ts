import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import { assertPhone } from '../../phone/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { normalizePhoneList, normalizeTags, parseSearch, textOrNull } from './contacts.input.ts';
import { contactsRepository as repo, type ContactValues } from './contacts.repository.ts';
import { changedFields } from '../audit/changed-fields.ts';

export interface ContactInput {
  name?: string | undefined;
  phones?: readonly string[] | undefined;
  email?: string | undefined;
  address?: string | undefined;
  zip?: string | undefined;
  notes?: string | undefined;
  tags?: readonly string[] | undefined;
}

/** Every field optional; `phones` replaces the list; null clears email, address or zip. */
export interface ContactPatch {
  name?: string | undefined;
  phones?: readonly string[] | undefined;
  email?: string | null | undefined;
  address?: string | null | undefined;
  zip?: string | null | undefined;
  notes?: string | undefined;
  tags?: readonly string[] | undefined;
}

export interface ContactDefaults {
  name?: string | undefined;
  address?: string | undefined;
  zip?: string | undefined;
}

/** The defaults a found contact lacks: only empty fields are filled, never overwritten. */
function fillBlanks(contact: { name: string; address: string | null; zip: string | null }, defaults: ContactDefaults): Partial<ContactValues> {
  const patch: Partial<ContactValues> = {};
  if (!contact.name && defaults.name?.trim()) patch.name = defaults.name.trim();
  if (!contact.address && defaults.address?.trim()) patch.address = defaults.address.trim();
  if (!contact.zip && defaults.zip?.trim()) patch.zip = defaults.zip.trim();
  return patch;
}

type ContactRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
export type Contact = ReturnType<typeof present>;

const present = (r: ContactRow) => ({
  id: r.id,
  name: r.name,
  phones: r.phones,
  email: r.email,
  address: r.address,
  zip: r.zip,
  notes: r.notes,
  tags: r.tags,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const valuesOf = (input: ContactInput): ContactValues => ({
  name: input.name?.trim() ?? '',
  email: textOrNull(input.email),
  address: textOrNull(input.address),
  zip: textOrNull(input.zip),
  notes: input.notes ?? '',
  tags: normalizeTags(input.tags ?? []),
});

function patchOf(input: ContactPatch): Partial<ContactValues> {
  const patch: Partial<ContactValues> = {};
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.email !== undefined) patch.email = textOrNull(input.email);
  if (input.address !== undefined) patch.address = textOrNull(input.address);
  if (input.zip !== undefined) patch.zip = textOrNull(input.zip);
  if (input.notes !== undefined) patch.notes = input.notes;
  if (input.tags !== undefined) patch.tags = normalizeTags(input.tags);
  return patch;
}


export function createContactsService(db: Db, audit: AuditService) {
  async function mustFind(tx: TenantTx, companyId: string, id: string): Promise<Contact> {
    const row = await repo.findById(tx, companyId, id);
    if (!row) throw notFound('Contact');
    return present(row);
  }

  /** One number, one contact per company: a number held by another contact is a 409. */
  async function claimPhones(tx: TenantTx, companyId: string, contactId: string, e164s: string[]): Promise<void> {
    const claimed = new Set(await repo.insertPhones(tx, companyId, contactId, e164s));
    const taken = e164s.find((p) => !claimed.has(p));
    if (taken === undefined) return;
    const owner = await repo.findPhoneOwner(tx, companyId, taken);
    throw new AppError('CONTACT_PHONE_EXISTS', 'This phone number already belongs to another contact', { contactId: owner?.contact_id ?? null, phone: taken });
  }

  async function findByPhone(tx: TenantTx, companyId: string, e164: string): Promise<Contact | undefined> {
    const owner = await repo.findPhoneOwner(tx, companyId, e164);
    return owner ? mustFind(tx, companyId, owner.contact_id) : undefined;
  }

  async function findOrCreateIn(tx: TenantTx, actor: Actor, companyId: string, e164: string, defaults: ContactDefaults): Promise<{ contact: Contact; created: boolean }> {
    const existing = await findByPhone(tx, companyId, e164);
    if (existing) return { contact: existing, created: false };
    const { id } = await repo.insert(tx, companyId, valuesOf(defaults));
    const [claimed] = await repo.insertPhones(tx, companyId, id, [e164]);
    if (claimed === undefined) {
      // A concurrent call committed this number first: drop our contact and use theirs.
      await repo.delete(tx, companyId, id);
      const winner = await findByPhone(tx, companyId, e164);
      if (!winner) throw new AppError('CONFLICT', 'The contact for this number changed meanwhile; try again.');
      return { contact: winner, created: false };
    }
    await audit.record(tx, companyId, actor, { action: 'contact.created', entityType: 'contact', entityId: id, changes: { fields: ['phones', ...changedFields(defaults)], via: 'phone' } });
    return { contact: await mustFind(tx, companyId, id), created: true };
  }

  return {
    async list(companyId: string, filter: { q?: string | undefined }, page: PageRequest) {
      const search = parseSearch(filter.q);
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, search, page));
      return toPage(rows.map(present), page);
    },

    async get(companyId: string, id: string): Promise<Contact> {
      return withTenant(db, companyId, (tx) => mustFind(tx, companyId, id));
    },

    async create(actor: Actor, companyId: string, input: ContactInput): Promise<Contact> {
      const phones = normalizePhoneList(input.phones ?? []);
      const values = valuesOf(input);
      return withTenant(db, companyId, async (tx) => {
        const { id } = await repo.insert(tx, companyId, values);
        await claimPhones(tx, companyId, id, phones);
        await audit.record(tx, companyId, actor, { action: 'contact.created', entityType: 'contact', entityId: id, changes: { fields: changedFields(input) } });
        return mustFind(tx, companyId, id);
      });
    },

    async update(actor: Actor, companyId: string, id: string, input: ContactPatch): Promise<Contact> {
      const phones = input.phones === undefined ? undefined : normalizePhoneList(input.phones);
      const patch = patchOf(input);
      return withTenant(db, companyId, async (tx) => {
        // Updating the row first locks it, so concurrent edits of one contact's numbers take turns.
        if (!(await repo.update(tx, companyId, id, patch))) throw notFound('Contact');
        if (phones) {
          await repo.deletePhones(tx, companyId, id);
          await claimPhones(tx, companyId, id, phones);
        }
        await audit.record(tx, companyId, actor, { action: 'contact.updated', entityType: 'contact', entityId: id, changes: { fields: changedFields(input) } });
        return mustFind(tx, companyId, id);
      });
    },

    async remove(actor: Actor, companyId: string, id: string): Promise<void> {
      await withTenant(db, companyId, async (tx) => {
        if (!(await repo.delete(tx, companyId, id))) throw notFound('Contact');
        await audit.record(tx, companyId, actor, { action: 'contact.deleted', entityType: 'contact', entityId: id });
      });
    },

    /**
     * The contact who owns a number, created from `defaults` when there is none (caller id).
     * Race-safe: of concurrent calls for one new number, one creates and the rest find it.
     */
    async findOrCreateByPhone(actor: Actor, companyId: string, phone: string, defaults: ContactDefaults = {}): Promise<{ contact: Contact; created: boolean }> {
      const e164 = assertPhone(phone, 'phone');
      return withTenant(db, companyId, (tx) => findOrCreateIn(tx, actor, companyId, e164, defaults));
    },

    /**
     * findOrCreateByPhone inside another module's transaction (a booking names its customer
     * atomically with itself). A found contact gains the name, address or zip it lacked.
     */
    async findOrCreateByPhoneIn(tx: TenantTx, actor: Actor, companyId: string, phone: string, defaults: ContactDefaults = {}): Promise<{ contact: Contact; created: boolean }> {
      const found = await findOrCreateIn(tx, actor, companyId, assertPhone(phone, 'phone'), defaults);
      if (found.created) return found;
      const blanks = fillBlanks(found.contact, defaults);
      if (Object.keys(blanks).length === 0) return found;
      await repo.update(tx, companyId, found.contact.id, blanks);
      await audit.record(tx, companyId, actor, { action: 'contact.updated', entityType: 'contact', entityId: found.contact.id, changes: { fields: Object.keys(blanks) } });
      return { contact: await mustFind(tx, companyId, found.contact.id), created: false };
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
