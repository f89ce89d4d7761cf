import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { claimOf } from '../phone-numbers/number-proof.ts';
import { requestSpeechPreparation } from '../speech/speech-jobs.ts';
import { CompanyConfigDocument } from './company-config.schemas.ts';

const tags = ['company-config'];
// A document with a full knowledge base (5,000 entries) fits; the global limit is 1 MB.
const BODY_LIMIT = 8 * 1024 * 1024;

// Reading is for everyone in the company (each part is readable on its own route);
// replacing the whole configuration is the owner's decision, never an integration's.
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const companyConfig = app.ctx.services.companyConfig;

  app.get('/', {
    schema: {
      tags, summary: "The company's whole configuration as one document (no ids, no secrets): profile, phone numbers, agent, voice, booking, knowledge",
      params: CompanyParams, response: { 200: CompanyConfigDocument, ...errorResponses },
    },
  }, async (req) => companyConfig.exportConfig(req.params.companyId));

  app.put('/', {
    schema: {
      tags, summary: 'Replace the whole configuration with a document (all or nothing)',
      description: 'Everything is checked before anything is written; a problem is a 4xx whose details.field is its path in the document (booking.services[2].durationMinutes). '
        + 'Only what differs is written, so sending back what GET answered changes nothing. Services and technicians are matched by name; one left out is deleted, or deactivated when bookings refer to it.',
      params: CompanyParams, body: CompanyConfigDocument, response: { 200: CompanyConfigDocument, ...errorResponses },
    },
    // The service checks the document itself, to name each problem by its path in the document.
    attachValidation: true,
    bodyLimit: BODY_LIMIT,
    config: OWNER_ONLY,
  }, async (req) => {
    const p = principalOf(req);
    const { document, changed } = await companyConfig.importConfig(actorOf(p), req.params.companyId, req.body, claimOf(p));
    if (changed.some((s) => s === 'company' || s === 'agent' || s === 'voice')) await requestSpeechPreparation(app.ctx.jobs, req.params.companyId, req.log);
    return document;
  });
};

export default routes;
