import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import { createWidgetKeys } from './widget-keys.ts';
import { normalizeOrigins } from './widget-origins.ts';
import { widgetRepository as repo } from './widget.repository.ts';

/** What the dashboard shows on the widget page: the sites allowed, the key and the line to paste. */
export interface WidgetSettings {
  allowedOrigins: string[];
  widgetKey: string;
  scriptUrl: string;
  snippet: string;
  version: number;
  updatedAt: Date | null;
}

/** A widget key that opened: whose it is and the sites it may be used from. */
export interface OpenedWidget {
  companyId: string;
  allowedOrigins: string[];
}

type Row = Awaited<ReturnType<typeof repo.find>>;

export interface WidgetDeps {
  companies: Pick<CompaniesService, 'statusOf'>;
  sessionSecret: string;
  publicUrl: string;
}

/**
 * A company's website widget: its allowed origins and its key. Keys are checked against the
 * database on every request (no cache), so a rotation or a removed origin holds at once in
 * every app process.
 */
export function createWidgetService(db: Db, audit: AuditService, deps: WidgetDeps) {
  const keys = createWidgetKeys(deps.sessionSecret);
  const scriptUrl = `${deps.publicUrl.replace(/\/+$/, '')}/widget.js`;

  function present(companyId: string, row: Row): WidgetSettings {
    const widgetKey = keys.keyFor(companyId, row?.key_nonce ?? null);
    return {
      allowedOrigins: row?.allowed_origins ?? [],
      widgetKey,
      scriptUrl,
      snippet: `<script src="${scriptUrl}" data-key="${widgetKey}" async></script>`,
      version: row?.version ?? 0,
      updatedAt: row && row.version > 0 ? row.updated_at : null,
    };
  }

  async function lockAt(tx: TenantTx, companyId: string, expectedVersion: number | undefined) {
    const row = await repo.lock(tx, companyId);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError('CONFLICT', `The widget settings changed meanwhile (now version ${row.version}); reload them and save again.`, { currentVersion: row.version });
    }
    return row;
  }

  /** Replaces the allowed origins (already normalised) inside the caller's transaction. */
  async function saveOriginsIn(tx: TenantTx, actor: Actor, companyId: string, origins: string[], expectedVersion?: number): Promise<WidgetSettings> {
    const before = await lockAt(tx, companyId, expectedVersion);
    const row = await repo.update(tx, companyId, { allowed_origins: origins });
    const changes = { version: row.version, added: origins.filter((o) => !before.allowed_origins.includes(o)), removed: before.allowed_origins.filter((o) => !origins.includes(o)) };
    await audit.record(tx, companyId, actor, { action: 'widget.origins_updated', entityType: 'widget_settings', changes });
    return present(companyId, row);
  }

  return {
    saveOriginsIn,
    checkOrigins: normalizeOrigins,
    getIn: async (tx: TenantTx, companyId: string) => present(companyId, await repo.find(tx, companyId)),

    get(companyId: string): Promise<WidgetSettings> {
      return withTenant(db, companyId, async (tx) => present(companyId, await repo.find(tx, companyId)));
    },

    /** Fields left out keep their value. */
    put(actor: Actor, companyId: string, body: { allowedOrigins?: string[] | undefined; expectedVersion?: number | undefined }): Promise<WidgetSettings> {
      const origins = body.allowedOrigins && normalizeOrigins(body.allowedOrigins, 'body.allowedOrigins');
      return withTenant(db, companyId, async (tx) => {
        if (origins) return saveOriginsIn(tx, actor, companyId, origins, body.expectedVersion);
        return present(companyId, await lockAt(tx, companyId, body.expectedVersion));
      });
    },

    /** A new key; the old one opens nothing from the moment this commits. */
    rotateKey(actor: Actor, companyId: string, body: { expectedVersion?: number | undefined } = {}): Promise<WidgetSettings> {
      return withTenant(db, companyId, async (tx) => {
        await lockAt(tx, companyId, body.expectedVersion);
        const row = await repo.update(tx, companyId, { key_nonce: keys.newNonce() });
        await audit.record(tx, companyId, actor, { action: 'widget.key_rotated', entityType: 'widget_settings', changes: { version: row.version } });
        return present(companyId, row);
      });
    },

    /** The company's current key for an active company, or null: a wrong, retired or forged key, or a suspended company. */
    async open(key: string): Promise<OpenedWidget | null> {
      const companyId = keys.companyNamedBy(key);
      if (!companyId) return null;
      const row = await withTenant(db, companyId, (tx) => repo.find(tx, companyId));
      if (!keys.matches(key, companyId, row?.key_nonce ?? null)) return null;
      if ((await deps.companies.statusOf(companyId)) !== 'active') return null;
      return { companyId, allowedOrigins: row?.allowed_origins ?? [] };
    },
  };
}

export type WidgetService = ReturnType<typeof createWidgetService>;
