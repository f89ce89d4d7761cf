import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';

export interface NewClip {
  key: string;
  contentType: string;
  audio: Buffer;
}

/** SQL only; the tenant is in every signature and RLS checks it again. */
export const speechRepository = {
  /** Clips that may carry a caller's details (not set phrases) made before `cutoff`. */
  async deletePersonalBefore(tx: TenantTx, companyId: string, cutoff: Date): Promise<number> {
    const r = await tx.deleteFrom('speech_cache').where('company_id', '=', companyId).where('fixed', '=', false).where('created_at', '<', cutoff).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Clips unused since `unusedSince`, then the least recently used beyond `maxBytes` (0: no cap). */
  async prune(tx: TenantTx, companyId: string, unusedSince: Date | null, maxBytes: number): Promise<number> {
    let deleted = 0;
    if (unusedSince) {
      const r = await tx.deleteFrom('speech_cache').where('company_id', '=', companyId).where('last_used_at', '<', unusedSince).executeTakeFirst();
      deleted += Number(r.numDeletedRows);
    }
    if (maxBytes > 0) {
      const r = await sql`
        DELETE FROM speech_cache WHERE company_id = ${companyId} AND key IN (
          SELECT key FROM (
            SELECT key, sum(bytes) OVER (ORDER BY last_used_at DESC, key) AS kept FROM speech_cache WHERE company_id = ${companyId}
          ) ranked WHERE kept > ${maxBytes})`.execute(tx);
      deleted += Number(r.numAffectedRows ?? 0);
    }
    return deleted;
  },

  /** Whether the clip exists and is a set phrase (undefined: no clip), marking it used (the clock pruning would go by). */
  async touch(tx: TenantTx, companyId: string, key: string): Promise<{ fixed: boolean } | undefined> {
    return tx.updateTable('speech_cache').set({ last_used_at: sql`now()` })
      .where('company_id', '=', companyId).where('key', '=', key)
      .returning('fixed').executeTakeFirst();
  },

  /** The clip; with `withAudio` false only whether it is a set phrase (its bytes are in memory). */
  find(tx: TenantTx, companyId: string, key: string, withAudio = true) {
    return tx.selectFrom('speech_cache').select(withAudio ? ['content_type', 'audio', 'fixed'] : ['content_type', 'fixed'])
      .where('company_id', '=', companyId).where('key', '=', key)
      .executeTakeFirst() as Promise<{ content_type: string; audio?: Uint8Array; fixed: boolean } | undefined>;
  },

  /** Marks prepared clips as set phrases: their URLs may be cached. */
  async markFixed(tx: TenantTx, companyId: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await tx.updateTable('speech_cache').set({ fixed: true }).where('company_id', '=', companyId).where('key', 'in', keys).execute();
  },

  /** The company's URL generation (1 until first revoked). */
  async urlGeneration(tx: TenantTx, companyId: string): Promise<number> {
    const row = await tx.selectFrom('speech_url_keys').select('generation').where('company_id', '=', companyId).executeTakeFirst();
    return row?.generation ?? 1;
  },

  /** Raises the company's URL generation, revoking every URL signed under the old one. */
  async raiseUrlGeneration(tx: TenantTx, companyId: string): Promise<number> {
    const row = await tx.insertInto('speech_url_keys').values({ company_id: companyId, generation: 2 })
      .onConflict((oc) => oc.column('company_id').doUpdateSet({ generation: sql`speech_url_keys.generation + 1` }))
      .returning('generation').executeTakeFirstOrThrow();
    return row.generation;
  },

  /** Another process may have stored the same clip a moment ago: the first one stays. */
  async insert(tx: TenantTx, companyId: string, clip: NewClip): Promise<void> {
    await tx.insertInto('speech_cache')
      .values({ company_id: companyId, key: clip.key, content_type: clip.contentType, audio: clip.audio, bytes: clip.audio.length })
      .onConflict((oc) => oc.columns(['company_id', 'key']).doNothing())
      .execute();
  },
};
