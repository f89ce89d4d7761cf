import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { requestSpeechPreparation } from '../speech/speech-jobs.ts';
import { actorOf } from '../auth/principal.ts';
import { PutVoiceSettingsBody, VoiceSettingsDocument } from './voice-settings.schemas.ts';

const tags = ['voice-settings'];

// Reading shows whether a key is set and its last four, never the key. Changing the voice or
// the key is for an owner (or the platform admin).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const voiceSettings = app.ctx.services.voiceSettings;

  app.get('/', {
    schema: { tags, summary: "The agent's voice (the defaults until first saved) and whether the company's ElevenLabs key is set", params: CompanyParams, response: { 200: VoiceSettingsDocument, ...errorResponses } },
  }, async (req) => voiceSettings.get(req.params.companyId));

  app.put('/', {
    schema: {
      tags, summary: 'Change the voice (fields left out keep their value) and/or the ElevenLabs key (string sets, null clears, absent keeps)',
      params: CompanyParams, body: PutVoiceSettingsBody, response: { 200: VoiceSettingsDocument, ...errorResponses },
    },
    config: { minRole: 'owner' },
  }, async (req) => {
    const saved = await voiceSettings.put(actorOf(principalOf(req)), req.params.companyId, req.body);
    await requestSpeechPreparation(app.ctx.jobs, req.params.companyId, req.log);
    return saved;
  });
};

export default routes;
