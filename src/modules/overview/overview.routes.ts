import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { Overview } from './overview.schemas.ts';

// Staff and API tokens may read it (the access defaults).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const overview = app.ctx.services.overview;

  app.get('/', {
    schema: {
      tags: ['calls'],
      summary: "The company's day at a glance",
      description: "Today's and this week's calls by outcome (company time; the week starts Monday), emergencies, bookings the agent made, messages waiting, unanswered questions and the next confirmed bookings.",
      params: CompanyParams,
      response: { 200: Overview, ...errorResponses },
    },
  }, async (req) => overview.get(req.params.companyId, app.ctx.clock()));
};

export default routes;
