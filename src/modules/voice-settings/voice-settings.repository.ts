import type { TenantTx } from '../../db/tenant.ts';
import type { VoiceSettings } from './voice-settings.schemas.ts';

export const voiceSettingsRepository = {
  find(tx: TenantTx, companyId: string) {
    return tx.selectFrom('voice_settings')
      .select(['provider', 'voice_id', 'model_id', 'stability', 'similarity_boost', 'style', 'speed', 'use_own_key', 'mode', 'updated_at'])
      .where('company_id', '=', companyId).executeTakeFirst();
  },

  upsert(tx: TenantTx, companyId: string, s: VoiceSettings) {
    const values = {
      provider: s.provider, voice_id: s.voiceId, model_id: s.modelId, stability: s.stability,
      similarity_boost: s.similarityBoost, style: s.style, speed: s.speed, use_own_key: s.useOwnKey, mode: s.mode,
    };
    return tx.insertInto('voice_settings').values({ company_id: companyId, ...values })
      .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .returning('updated_at').executeTakeFirstOrThrow();
  },
};
