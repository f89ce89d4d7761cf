import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { queueRecompute } from './analytics-jobs.ts';
import { Analytics, AnalyticsQuery } from './analytics.schemas.ts';

// Staff and API tokens may read it (the access defaults).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const analytics = app.ctx.services.analytics;

  app.get('/', {
    schema: {
      tags: ['calls'],
      summary: 'Business figures for a range of company-local days, beside the period before it',
      description: 'Calls by outcome, channel, weekday and hour; leads and booking rate; bookings and their estimated value; emergencies, transfers, messages; top questions and knowledge gaps; turn latency per day. Days are company-local (a DST day has 23 or 25 hours); a call counts on the day it started. The previous period has the same number of days and ends the day before `from`. When the days to count afresh hold many calls (after a change of zone or hours, or a long range asked for the first time) a background job counts them and this answers 503 ANALYTICS_RECOMPUTING with Retry-After, never figures on the old clocks.',
      params: CompanyParams,
      querystring: AnalyticsQuery,
      response: { 200: Analytics, ...errorResponses },
    },
  }, async (req) => analytics.get(req.params.companyId, req.query, (job) => queueRecompute(app, req.log, job)));
};

export default routes;
