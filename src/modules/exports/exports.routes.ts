import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { LocalDayRangeQuery } from '../leads/leads.schemas.ts';
import type { CsvExport } from './exports.service.ts';

const ExportQuery = Type.Object(LocalDayRangeQuery, { additionalProperties: false });
const Csv = { 200: { description: 'RFC 4180 CSV with a header row; times in the company zone with their offset', content: { 'text/csv': { schema: Type.String() } } }, ...errorResponses };
const DESCRIPTION = 'Company-local days `from`..`to`, both included (at most 366). Cells starting with = + - @ get a leading apostrophe so spreadsheets do not run them. Streamed.';

// Mounted at /companies/:companyId. Staff and API tokens may export (the access defaults).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const exports = app.ctx.services.exports;
  const send = (csv: CsvExport, reply: FastifyReply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csv.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(Readable.from(csv.body));

  app.get('/calls/export.csv', {
    schema: { tags: ['calls'], summary: 'The calls started in a range, as CSV', description: DESCRIPTION, params: CompanyParams, querystring: ExportQuery, response: Csv },
  }, async (req, reply) => send(await exports.calls(req.params.companyId, req.query), reply));

  app.get('/bookings/export.csv', {
    schema: { tags: ['booking'], summary: 'The bookings whose visit falls in a range, as CSV', description: DESCRIPTION, params: CompanyParams, querystring: ExportQuery, response: Csv },
  }, async (req, reply) => send(await exports.bookings(req.params.companyId, req.query), reply));
};

export default routes;
