import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import { keepOmitted } from '../../http/partial-update.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { DEFAULT_AGENT_SETTINGS, withDefaults } from './agent-settings.defaults.ts';
import { agentSettingsRepository as repo } from './agent-settings.repository.ts';
import { validateAgentSettings, type ValidatedAgentSettings } from './agent-settings.rules.ts';
import type { AgentSettings } from './agent-settings.schemas.ts';

export interface AgentSettingsDocument {
  /** 0 until the first save: the settings are then the defaults. */
  version: number;
  updatedAt: Date | null;
  settings: AgentSettings;
}

export interface SaveOptions {
  /** The version the edit started from; another save in between is a 409 CONFLICT. */
  expectedVersion?: number | undefined;
}

export interface AgentSettingsDeps {
  /** Whether a number rings this company's own agent (transferring there would loop the call). */
  isOwnNumber(companyId: string, e164: string): Promise<boolean>;
  /** Every trade emergency a company may name (by trade slug and key), with its severity. */
  tradeEmergencyKeys(companyId: string): Promise<{ tradeCategory: string; key: string; severity: 'life_safety' | 'urgent' }[]>;
  /** After a save committed (`save`; a caller of `saveIn` tells its own commit). */
  onSaved?(companyId: string): void;
}

// Stored documents are read through the defaults: a field added later reads as its default.
const readStored = (settings: Record<string, unknown>) => withDefaults(settings) as AgentSettings;

// A save without expectedVersion that met another save in between is merged again onto the
// newer version; this many rounds outlast any realistic burst of concurrent saves.
const MERGE_ATTEMPTS = 10;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const conflict = (current: number) =>
  new AppError('CONFLICT', `The agent settings changed meanwhile (now version ${current}); reload them and save again.`, { currentVersion: current });

const changedFields = (before: AgentSettings, after: AgentSettings) =>
  (Object.keys(after) as Array<keyof AgentSettings>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));

export function createAgentSettingsService(db: Db, audit: AuditService, deps: AgentSettingsDeps) {
  async function currentIn(tx: TenantTx, companyId: string): Promise<AgentSettingsDocument> {
    const row = await repo.current(tx, companyId);
    if (!row) return { version: 0, updatedAt: null, settings: structuredClone(DEFAULT_AGENT_SETTINGS) };
    return { version: row.version, updatedAt: row.created_at, settings: readStored(row.settings) };
  }

  /**
   * Checks and normalises a whole settings document (defaults for what is left out: the
   * configuration import's rule; `save` fills from the current settings first). Outside any
   * transaction: it looks up the company's own numbers on the platform path.
   */
  async function validate(companyId: string, input: unknown, prefix = 'settings'): Promise<ValidatedAgentSettings> {
    const settings = validateAgentSettings(input, prefix);
    for (const which of ['main', 'emergencyOnCall'] as const) {
      const e164 = settings.transferNumbers[which];
      if (e164 !== null && (await deps.isOwnNumber(companyId, e164))) {
        const field = `${prefix}.transferNumbers.${which}`;
        const message = "is one of this company's own agent numbers; a transfer there would ring the agent again";
        throw new AppError('VALIDATION_FAILED', `${field} ${message}`, { fields: [{ field, message }] });
      }
    }
    await checkTradeEmergenciesOff(companyId, settings, prefix);
    return settings;
  }

  /**
   * A trade emergency switched off must exist and be only urgent: a caller reporting a gas smell
   * hears the safety instruction whatever the company thinks applies. One already switched off
   * is kept as it is, even if the trade has since dropped it (a save of other fields still works).
   */
  async function checkTradeEmergenciesOff(companyId: string, settings: AgentSettings, prefix: string): Promise<void> {
    if (settings.tradeEmergenciesOff.length === 0) return;
    const known = new Map((await deps.tradeEmergencyKeys(companyId)).map((k) => [`${k.tradeCategory}/${k.key}`, k.severity]));
    const stored = new Set((await current(companyId)).settings.tradeEmergenciesOff.map((r) => `${r.tradeCategory}/${r.key}`));
    const problems: { field: string; message: string }[] = [];
    settings.tradeEmergenciesOff.forEach((r, i) => {
      const id = `${r.tradeCategory}/${r.key}`;
      const severity = known.get(id);
      const field = `${prefix}.tradeEmergenciesOff.${i}`;
      if (severity === 'life_safety') problems.push({ field, message: `${id} is a life-safety emergency; it cannot be switched off` });
      else if (severity === undefined && !stored.has(id)) problems.push({ field, message: `${id} names no trade emergency` });
    });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.message}`).join('; '), { fields: problems });
  }

  function current(companyId: string): Promise<AgentSettingsDocument> {
    return withTenant(db, companyId, (tx) => currentIn(tx, companyId));
  }

  /** Saves a new version inside the caller's transaction; `expectedVersion` guards against lost updates. */
  async function saveIn(tx: TenantTx, actor: Actor, companyId: string, settings: ValidatedAgentSettings, options: SaveOptions = {}): Promise<AgentSettingsDocument> {
    const version = await repo.claimNextVersion(tx, companyId);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version - 1) throw conflict(version - 1);
    const previous = version > 1 ? await repo.findVersion(tx, companyId, version - 1) : undefined;
    const before = previous ? readStored(previous.settings) : DEFAULT_AGENT_SETTINGS;
    const { created_at } = await repo.insertVersion(tx, companyId, version, settings, actor);
    await audit.record(tx, companyId, actor, { action: 'agent_settings.updated', entityType: 'agent_settings', changes: { version, fields: changedFields(before, settings) } });
    return { version, updatedAt: created_at, settings };
  }

  return {
    currentIn,
    validate,
    saveIn,

    /** The settings a call runs with (the defaults, as version 0, until the company saves). */
    current,

    /**
     * Saves `input` over the current settings: fields left out keep their value. The merge is
     * validated as a whole, then saved only if no other save came in between (optimistic:
     * the own-number check reads the platform, outside the tenant transaction). With
     * `expectedVersion` an edit of a stale version is a 409; without it a save that lost the
     * race is merged again onto the newer version.
     */
    async save(actor: Actor, companyId: string, input: unknown, options: SaveOptions = {}): Promise<AgentSettingsDocument> {
      for (let attempt = 1; ; attempt++) {
        const base = await withTenant(db, companyId, (tx) => currentIn(tx, companyId));
        if (options.expectedVersion !== undefined && options.expectedVersion !== base.version) throw conflict(base.version);
        const settings = await validate(companyId, isPlainObject(input) ? keepOmitted(base.settings as Record<string, unknown>, input) : input);
        try {
          const saved = await withTenant(db, companyId, (tx) => saveIn(tx, actor, companyId, settings, { expectedVersion: base.version }));
          deps.onSaved?.(companyId);
          return saved;
        } catch (err) {
          const retry = options.expectedVersion === undefined && attempt < MERGE_ATTEMPTS && err instanceof AppError && err.code === 'CONFLICT';
          if (!retry) throw err;
        }
      }
    },

    /** Every saved version, newest first. */
    async history(companyId: string, page: PageRequest) {
      const rows = await withTenant(db, companyId, (tx) => repo.history(tx, companyId, page));
      return toPage(rows.map((r) => ({
        version: r.version,
        settings: readStored(r.settings),
        createdAt: r.created_at,
        actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
      })), page);
    },
  };
}

export type AgentSettingsService = ReturnType<typeof createAgentSettingsService>;
