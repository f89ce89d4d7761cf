import type { Insertable, Selectable, Updateable } from 'kysely';
import type { BookingServicesTable, BookingSettingsTable, TechniciansTable } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant.ts';

export type SettingsRow = Selectable<BookingSettingsTable>;
export type ServiceRow = Selectable<BookingServicesTable>;
export type TechnicianRow = Selectable<TechniciansTable>;
export type SettingsValues = Omit<Insertable<BookingSettingsTable>, 'company_id' | 'updated_at'>;
export type ServiceValues = Omit<Insertable<BookingServicesTable>, 'company_id' | 'id' | 'created_at' | 'updated_at'>;
export type ServicePatch = Omit<Updateable<BookingServicesTable>, 'company_id' | 'id' | 'created_at' | 'updated_at'>;
export type TechnicianValues = Omit<Insertable<TechniciansTable>, 'company_id' | 'id' | 'created_at' | 'updated_at'>;
export type TechnicianPatch = Omit<Updateable<TechniciansTable>, 'company_id' | 'id' | 'created_at' | 'updated_at'>;

/** A company's booking rules, services and technicians: the configuration the engine reads. */
export const configRepository = {
  findSettings(tx: TenantTx, companyId: string) {
    return tx.selectFrom('booking_settings').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  },

  upsertSettings(tx: TenantTx, companyId: string, values: SettingsValues) {
    const now = new Date();
    return tx
      .insertInto('booking_settings')
      .values({ ...values, company_id: companyId, updated_at: now })
      .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: now }))
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  listServices(tx: TenantTx, companyId: string, options: { activeOnly?: boolean } = {}) {
    let q = tx.selectFrom('booking_services').selectAll().where('company_id', '=', companyId);
    if (options.activeOnly) q = q.where('active', '=', true);
    return q.orderBy('name').orderBy('id').execute();
  },

  findService(tx: TenantTx, companyId: string, id: string) {
    return tx.selectFrom('booking_services').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  insertService(tx: TenantTx, companyId: string, values: ServiceValues) {
    return tx.insertInto('booking_services').values({ ...values, company_id: companyId }).returningAll().executeTakeFirstOrThrow();
  },

  updateService(tx: TenantTx, companyId: string, id: string, patch: ServicePatch) {
    return tx.updateTable('booking_services').set({ ...patch, updated_at: new Date() }).where('company_id', '=', companyId).where('id', '=', id).returningAll().executeTakeFirst();
  },

  async deleteService(tx: TenantTx, companyId: string, id: string): Promise<boolean> {
    const r = await tx.deleteFrom('booking_services').where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  },

  listTechnicians(tx: TenantTx, companyId: string, options: { activeOnly?: boolean } = {}) {
    let q = tx.selectFrom('technicians').selectAll().where('company_id', '=', companyId);
    if (options.activeOnly) q = q.where('active', '=', true);
    return q.orderBy('name').orderBy('id').execute();
  },

  findTechnician(tx: TenantTx, companyId: string, id: string) {
    return tx.selectFrom('technicians').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  insertTechnician(tx: TenantTx, companyId: string, values: TechnicianValues) {
    return tx.insertInto('technicians').values({ ...values, company_id: companyId }).returningAll().executeTakeFirstOrThrow();
  },

  updateTechnician(tx: TenantTx, companyId: string, id: string, patch: TechnicianPatch) {
    return tx.updateTable('technicians').set({ ...patch, updated_at: new Date() }).where('company_id', '=', companyId).where('id', '=', id).returningAll().executeTakeFirst();
  },

  async deleteTechnician(tx: TenantTx, companyId: string, id: string): Promise<boolean> {
    const r = await tx.deleteFrom('technicians').where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  },

  /** Whether any booking, of any status, refers to the service or technician (they stay for history). */
  async isReferenced(tx: TenantTx, companyId: string, column: 'service_id' | 'technician_id', id: string): Promise<boolean> {
    const row = await tx.selectFrom('bookings').select('id').where('company_id', '=', companyId).where(column, '=', id).limit(1).executeTakeFirst();
    return row !== undefined;
  },
};
