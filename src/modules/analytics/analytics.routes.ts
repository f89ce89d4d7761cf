import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { Analytics, AnalyticsQuery } from './analytics.schemas.ts';

// Staff and API tokens may read it (the access defaults).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const analytics = app.ctx.services.analytics;

  app.get('/', {
    schema: {
      tags: ['calls'],
      summary: 'Business figures for a range of company-local days, beside the period before it',
      description: 'Calls by outcome, channel, weekday and hour; leads and booking rate; bookings and their estimated value; emergencies, transfers, messages; top questions and knowledge gaps; turn latency per day. Days are company-local (a DST day has 23 or 25 hours); a call counts on the day it started. The previous period has the same number of days and ends the day before `from`.',
      params: CompanyParams,
      querystring: AnalyticsQuery,
      response: { 200: Analytics, ...errorResponses },
    },
  }, async (req) => analytics.get(req.params.companyId, req.query));
};

export default routes;
