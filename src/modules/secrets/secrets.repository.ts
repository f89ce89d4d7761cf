import type { TenantTx } from '../../db/tenant.ts';
import type { SecretName } from './secrets.names.ts';

/** SQL only. Values arrive and leave encrypted; this file never sees a plaintext. */
export const secretsRepository = {
  list(tx: TenantTx, companyId: string) {
    return tx.selectFrom('company_secrets').select(['name', 'last4', 'updated_at']).where('company_id', '=', companyId).execute();
  },

  findCiphertext(tx: TenantTx, companyId: string, name: SecretName) {
    return tx.selectFrom('company_secrets').select('ciphertext').where('company_id', '=', companyId).where('name', '=', name).executeTakeFirst();
  },

  upsert(tx: TenantTx, companyId: string, name: SecretName, ciphertext: string, last4: string) {
    return tx.insertInto('company_secrets')
      .values({ company_id: companyId, name, ciphertext, last4 })
      .onConflict((oc) => oc.columns(['company_id', 'name']).doUpdateSet({ ciphertext, last4, updated_at: new Date() }))
      .execute();
  },

  delete(tx: TenantTx, companyId: string, name: SecretName) {
    return tx.deleteFrom('company_secrets').where('company_id', '=', companyId).where('name', '=', name).returning('name').executeTakeFirst();
  },

  /** Every secret of the company, locked until the transaction ends (rotation rewrites them). */
  listForRewrite(tx: TenantTx, companyId: string) {
    return tx.selectFrom('company_secrets').select(['name', 'ciphertext']).where('company_id', '=', companyId).orderBy('name').forUpdate().execute();
  },

  /** A new encryption of the same value: `last4` and `updated_at` (when the value changed) stay. */
  replaceCiphertext(tx: TenantTx, companyId: string, name: SecretName, ciphertext: string) {
    return tx.updateTable('company_secrets').set({ ciphertext }).where('company_id', '=', companyId).where('name', '=', name).execute();
  },
};
