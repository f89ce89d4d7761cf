import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import type { Actor } from '../auth/principal.ts';

const VERSION_COLUMNS = ['version', 'settings', 'actor_type', 'actor_id', 'actor_label', 'created_at'] as const;

export const agentSettingsRepository = {
  current(tx: TenantTx, companyId: string) {
    return tx.selectFrom('agent_settings as h')
      .innerJoin('agent_settings_versions as v', (j) => j.onRef('v.company_id', '=', 'h.company_id').onRef('v.version', '=', 'h.version'))
      .select(['v.version', 'v.settings', 'v.created_at'])
      .where('h.company_id', '=', companyId)
      .executeTakeFirst();
  },

  findVersion(tx: TenantTx, companyId: string, version: number) {
    return tx.selectFrom('agent_settings_versions').select(VERSION_COLUMNS).where('company_id', '=', companyId).where('version', '=', version).executeTakeFirst();
  },

  /**
   * Claims the next version number. The upsert locks the company's row, so of two concurrent
   * saves the second waits for the first to commit and then gets the number after it.
   */
  async claimNextVersion(tx: TenantTx, companyId: string): Promise<number> {
    const row = await tx.insertInto('agent_settings')
      .values({ company_id: companyId, version: 1 })
      .onConflict((oc) => oc.column('company_id').doUpdateSet({ version: sql<number>`agent_settings.version + 1` }))
      .returning('version')
      .executeTakeFirstOrThrow();
    return row.version;
  },

  insertVersion(tx: TenantTx, companyId: string, version: number, settings: object, actor: Actor) {
    return tx.insertInto('agent_settings_versions')
      .values({ company_id: companyId, version, settings: JSON.stringify(settings), actor_type: actor.type, actor_id: actor.id, actor_label: actor.label })
      .returning('created_at')
      .executeTakeFirstOrThrow();
  },

  history(tx: TenantTx, companyId: string, page: PageRequest) {
    return tx.selectFrom('agent_settings_versions').select(VERSION_COLUMNS)
      .where('company_id', '=', companyId)
      .orderBy('version', 'desc').limit(page.limit + 1).offset(page.offset).execute();
  },
};
