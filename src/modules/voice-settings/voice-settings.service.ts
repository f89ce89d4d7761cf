import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { SecretsService } from '../secrets/secrets.service.ts';
import { voiceSettingsRepository as repo } from './voice-settings.repository.ts';
import { DEFAULT_VOICE_SETTINGS, validateVoiceSettings, type ValidatedVoiceSettings } from './voice-settings.rules.ts';
import type { VoiceSettings, VoiceSettingsInput } from './voice-settings.schemas.ts';

export interface VoiceSettingsDocument {
  settings: VoiceSettings;
  /** Never the key itself. */
  elevenLabsApiKey: { set: boolean; last4: string | null };
  /** null until the first save: the settings are then the defaults. */
  updatedAt: Date | null;
}

export interface VoiceSettingsChange {
  /** The complete new settings (validated); absent keeps them. */
  settings?: ValidatedVoiceSettings | undefined;
  /** A string sets the company's ElevenLabs key, null clears it, absent keeps it. */
  elevenLabsApiKey?: string | null | undefined;
}

const KEY = 'elevenlabs_api_key';

const changedFields = (before: VoiceSettings, after: VoiceSettings) =>
  (Object.keys(after) as Array<keyof VoiceSettings>).filter((k) => before[k] !== after[k]);

export function createVoiceSettingsService(db: Db, audit: AuditService, secrets: SecretsService) {
  async function getIn(tx: TenantTx, companyId: string): Promise<VoiceSettingsDocument> {
    const [row, key] = [await repo.find(tx, companyId), await secrets.statusOf(tx, companyId, KEY)];
    const settings: VoiceSettings = row
      ? { provider: row.provider, voiceId: row.voice_id, modelId: row.model_id, stability: row.stability, similarityBoost: row.similarity_boost, style: row.style, speed: row.speed, useOwnKey: row.use_own_key, mode: row.mode }
      : { ...DEFAULT_VOICE_SETTINGS };
    return { settings, elevenLabsApiKey: { set: key.set, last4: key.last4 }, updatedAt: row?.updated_at ?? null };
  }

  /** Applies a change inside the caller's transaction: the key and the settings commit together. */
  async function putIn(tx: TenantTx, actor: Actor, companyId: string, change: VoiceSettingsChange, keyField = 'elevenLabsApiKey'): Promise<VoiceSettingsDocument> {
    const before = await getIn(tx, companyId);
    if (change.elevenLabsApiKey !== undefined) await secrets.setIn(tx, actor, companyId, KEY, change.elevenLabsApiKey, keyField);
    const settings = change.settings ?? before.settings;
    if (settings.useOwnKey && !(await secrets.statusOf(tx, companyId, KEY)).set) {
      const field = change.settings ? 'settings.useOwnKey' : keyField;
      const message = "needs the company's ElevenLabs API key: send elevenLabsApiKey, or set useOwnKey to false";
      throw new AppError('VALIDATION_FAILED', `${field} ${message}`, { fields: [{ field, message }] });
    }
    if (change.settings) {
      await repo.upsert(tx, companyId, change.settings);
      await audit.record(tx, companyId, actor, { action: 'voice_settings.updated', entityType: 'voice_settings', changes: { fields: changedFields(before.settings, change.settings) } });
    }
    return getIn(tx, companyId);
  }

  return {
    getIn,
    putIn,
    validate: (input: VoiceSettingsInput, prefix?: string) => validateVoiceSettings(input, prefix),

    /** The voice a call speaks with (the defaults until the company saves). */
    get(companyId: string): Promise<VoiceSettingsDocument> {
      return withTenant(db, companyId, (tx) => getIn(tx, companyId));
    },

    /** Changes the voice (fields left out keep their value) and/or the key, in one transaction. */
    put(actor: Actor, companyId: string, body: { settings?: VoiceSettingsInput | undefined; elevenLabsApiKey?: string | null | undefined }): Promise<VoiceSettingsDocument> {
      return withTenant(db, companyId, async (tx) => {
        const settings = body.settings ? validateVoiceSettings(body.settings, 'settings', (await getIn(tx, companyId)).settings) : undefined;
        return putIn(tx, actor, companyId, { settings, elevenLabsApiKey: body.elevenLabsApiKey }, 'body.elevenLabsApiKey');
      });
    },
  };
}

export type VoiceSettingsService = ReturnType<typeof createVoiceSettingsService>;
