import type { Db } from '../../db/connect.ts';
import type { ApiTokenScope } from '../../db/schema.ts';
import { enterTenant, withPlatform } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { API_TOKEN_PREFIX, apiTokenHashOf, newSecret } from '../auth/credentials.ts';
import type { Actor } from '../auth/principal.ts';
import { apiTokensRepository as repo } from './api-tokens.repository.ts';

type TokenRow = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

const present = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  lastFour: t.last_four,
  createdBy: t.created_by,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

export function createApiTokensService(db: Db, audit: AuditService) {
  return {
    async list(companyId: string, page: PageRequest) {
      return toPage((await repo.list(db, companyId, page)).map(present), page);
    },

    /** The plaintext token is returned here once and never stored or shown again. */
    async create(actor: Actor, companyId: string, { name, scope }: { name: string; scope: ApiTokenScope }) {
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      return withPlatform(db, async (trx) => {
        const row = await repo.insert(trx, {
          company_id: companyId,
          name,
          scope,
          token_hash: apiTokenHashOf(token),
          last_four: token.slice(-4),
          created_by: actor.type === 'user' ? actor.id : null,
        });
        const tx = await enterTenant(trx, companyId);
        await audit.record(tx, companyId, actor, { action: 'api_token.created', entityType: 'api_token', entityId: row.id, changes: { name, scope } });
        return { ...present(row), token };
      });
    },

    async revoke(actor: Actor, companyId: string, tokenId: string): Promise<void> {
      await withPlatform(db, async (trx) => {
        const row = await repo.revoke(trx, companyId, tokenId);
        if (!row) {
          // Revoking twice is fine; revoking what is not ours is not found.
          if (!(await repo.find(trx, companyId, tokenId))) throw notFound('API token');
          return;
        }
        const tx = await enterTenant(trx, companyId);
        await audit.record(tx, companyId, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: tokenId, changes: { name: row.name } });
      });
    },
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
