import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { EmergencyCheckBody, EmergencyCheckResult, InheritedEmergency } from './emergencies.schemas.ts';

const tags = ['emergencies'];

// The company's own emergencies are edited in the agent settings (emergencies, tradeEmergenciesOff).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const knowledge = app.ctx.services.knowledge;

  app.get('/trade', {
    schema: {
      tags, summary: "The emergencies the company's trades define, and whether the company switched each off", params: CompanyParams,
      response: { 200: Type.Object({ items: Type.Array(InheritedEmergency) }), ...errorResponses },
    },
  }, async (req) => ({ items: await knowledge.tradeEmergencies(req.params.companyId) }));

  app.post('/check', {
    schema: {
      tags, summary: 'Whether the agent would treat a sentence as an emergency, and by which rule (nothing is recorded)', params: CompanyParams,
      body: EmergencyCheckBody, response: { 200: EmergencyCheckResult, ...errorResponses },
    },
  }, async (req) => {
    const match = await knowledge.emergencyFor(req.params.companyId, req.body.text);
    if (!match) return { emergency: null };
    const { source, tradeCategory, key, name, severity, matchedTrigger, safetyInstruction } = match;
    return { emergency: { source, tradeCategory, key, name, severity, matchedTrigger, safetyInstruction } };
  });
};

export default routes;
