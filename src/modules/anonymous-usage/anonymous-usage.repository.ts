import type { TenantTx } from '../../db/tenant.ts';
import type { AnonymousUsageTable } from '../../db/schema.ts';

export const anonymousUsageRepository = {
  /**
   * Counts one use unless `cap` is reached, in one statement: concurrent writers for the same
   * row queue on it, so together they never pass the cap. True when the use was counted.
   */
  async take(tx: TenantTx, companyId: string, key: { day: string; kind: AnonymousUsageTable['kind']; subject: string }, cap: number): Promise<boolean> {
    if (cap <= 0) return false;
    const row = await tx
      .insertInto('anonymous_usage')
      .values({ company_id: companyId, day: key.day, kind: key.kind, subject: key.subject, used: 1 })
      .onConflict((oc) => oc.columns(['company_id', 'day', 'kind', 'subject']).doUpdateSet((eb) => ({ used: eb('anonymous_usage.used', '+', 1) })).where('anonymous_usage.used', '<', cap))
      .returning('used')
      .executeTakeFirst();
    return row !== undefined;
  },
};
