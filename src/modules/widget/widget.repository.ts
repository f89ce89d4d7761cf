import type { TenantTx } from '../../db/tenant.ts';

const COLUMNS = ['allowed_origins', 'key_nonce', 'version', 'updated_at'] as const;

export const widgetRepository = {
  find(tx: TenantTx, companyId: string) {
    return tx.selectFrom('widget_settings').select(COLUMNS).where('company_id', '=', companyId).executeTakeFirst();
  },

  /** The company's row, created with the defaults if missing, locked until the transaction ends: saves take turns. */
  async lock(tx: TenantTx, companyId: string) {
    await tx.insertInto('widget_settings').values({ company_id: companyId }).onConflict((oc) => oc.column('company_id').doNothing()).execute();
    return tx.selectFrom('widget_settings').select(COLUMNS).where('company_id', '=', companyId).forUpdate().executeTakeFirstOrThrow();
  },

  update(tx: TenantTx, companyId: string, change: { allowed_origins?: string[]; key_nonce?: string }) {
    return tx.updateTable('widget_settings')
      .set((eb) => ({ ...change, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('company_id', '=', companyId)
      .returning(COLUMNS).executeTakeFirstOrThrow();
  },
};
