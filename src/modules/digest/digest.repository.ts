import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';

export type DigestChannel = 'email' | 'sms';

export interface SubscriptionValues {
  by_email: boolean;
  by_sms: boolean;
  sms_number: string | null;
}

export const digestRepository = {
  findSubscription(tx: TenantTx, companyId: string, userId: string) {
    return tx.selectFrom('digest_subscriptions').selectAll().where('company_id', '=', companyId).where('user_id', '=', userId).executeTakeFirst();
  },

  upsertSubscription(tx: TenantTx, companyId: string, userId: string, values: SubscriptionValues) {
    return tx
      .insertInto('digest_subscriptions')
      .values({ company_id: companyId, user_id: userId, ...values, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['company_id', 'user_id']).doUpdateSet({ ...values, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Subscriptions asking for something. */
  activeSubscriptions(tx: TenantTx, companyId: string) {
    return tx.selectFrom('digest_subscriptions').selectAll().where('company_id', '=', companyId).where((eb) => eb.or([eb('by_email', '=', true), eb('by_sms', '=', true)])).execute();
  },

  /** The day's digest row, inserted by exactly one caller: true for that one. */
  async claimDay(tx: TenantTx, companyId: string, day: string, at: Date): Promise<boolean> {
    const r = await tx.insertInto('digests').values({ company_id: companyId, local_day: day, claimed_at: at }).onConflict((oc) => oc.columns(['company_id', 'local_day']).doNothing()).returning('local_day').executeTakeFirst();
    return r !== undefined;
  },

  findDay(tx: TenantTx, companyId: string, day: string) {
    return tx.selectFrom('digests').selectAll().where('company_id', '=', companyId).where('local_day', '=', day).executeTakeFirst();
  },

  markDaySent(tx: TenantTx, companyId: string, day: string, at: Date) {
    return tx.updateTable('digests').set({ sent_at: at }).where('company_id', '=', companyId).where('local_day', '=', day).execute();
  },

  /**
   * Claims one message of the day's digest before it is sent: a new row, or a failed one tried
   * fewer than `maxAttempts` times. Row-locked by the upsert, so two senders never both win;
   * 'sending' and 'sent' rows are never claimed again.
   */
  async claimDelivery(tx: TenantTx, companyId: string, day: string, userId: string, channel: DigestChannel, maxAttempts: number): Promise<boolean> {
    const r = await tx
      .insertInto('digest_deliveries')
      .values({ company_id: companyId, local_day: day, user_id: userId, channel, status: 'sending', updated_at: new Date() })
      .onConflict((oc) => oc.columns(['company_id', 'local_day', 'user_id', 'channel']).doUpdateSet({
        status: 'sending', attempts: sql`digest_deliveries.attempts + 1`, error: null, updated_at: new Date(),
      }).where('digest_deliveries.status', '=', 'failed').where('digest_deliveries.attempts', '<', maxAttempts))
      .returning('status')
      .executeTakeFirst();
    return r !== undefined;
  },

  settleDelivery(tx: TenantTx, companyId: string, day: string, userId: string, channel: DigestChannel, outcome: { status: 'sent' | 'failed'; error?: string }) {
    return tx
      .updateTable('digest_deliveries')
      .set({ status: outcome.status, error: outcome.error ?? null, updated_at: new Date() })
      .where('company_id', '=', companyId).where('local_day', '=', day).where('user_id', '=', userId).where('channel', '=', channel)
      .execute();
  },

  deliveries(tx: TenantTx, companyId: string, day: string) {
    return tx.selectFrom('digest_deliveries').selectAll().where('company_id', '=', companyId).where('local_day', '=', day).execute();
  },
};
