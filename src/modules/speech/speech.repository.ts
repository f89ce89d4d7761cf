import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';

export interface NewClip {
  key: string;
  contentType: string;
  audio: Buffer;
}

/** SQL only; the tenant is in every signature and RLS checks it again. */
export const speechRepository = {
  /** Whether the clip exists, marking it used (the clock pruning would go by). */
  async touch(tx: TenantTx, companyId: string, key: string): Promise<boolean> {
    const row = await tx.updateTable('speech_cache').set({ last_used_at: sql`now()` })
      .where('company_id', '=', companyId).where('key', '=', key)
      .returning('key').executeTakeFirst();
    return row !== undefined;
  },

  find(tx: TenantTx, companyId: string, key: string) {
    return tx.selectFrom('speech_cache').select(['content_type', 'audio'])
      .where('company_id', '=', companyId).where('key', '=', key)
      .executeTakeFirst();
  },

  /** Another process may have stored the same clip a moment ago: the first one stays. */
  async insert(tx: TenantTx, companyId: string, clip: NewClip): Promise<void> {
    await tx.insertInto('speech_cache')
      .values({ company_id: companyId, key: clip.key, content_type: clip.contentType, audio: clip.audio, bytes: clip.audio.length })
      .onConflict((oc) => oc.columns(['company_id', 'key']).doNothing())
      .execute();
  },
};
