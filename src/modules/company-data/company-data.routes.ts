import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';

const tags = ['companies'];
const Row = Type.Record(Type.String(), Type.Unknown());
const CompanyExport = Type.Object({
  companyId: Type.String({ format: 'uuid' }),
  exportedAt: Type.String({ format: 'date-time' }),
  tables: Type.Record(Type.String(), Type.Array(Row), { description: 'Every tenant table by name, with all of the company\'s rows (secret ciphertexts and cached audio bytes left out)' }),
});
const DeleteCompanyBody = Type.Object({ confirmSlug: Type.String({ minLength: 1, maxLength: 100, description: "The company's slug, typed again" }) }, { additionalProperties: false });
const Deleted = Type.Object({ deleted: Type.Record(Type.String(), Type.Integer(), { description: 'Rows deleted per table' }) });

/** A company's data: all of it as JSON (its owner or the platform admin), or gone (the platform admin). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { companyData } = app.ctx.services;

  app.get('/:companyId/export', {
    schema: { tags, summary: "Every row of the company's data, as JSON (owner or platform admin)", params: CompanyParams, response: { 200: CompanyExport, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => companyData.exportCompany(req.params.companyId));

  app.delete('/:companyId', {
    schema: {
      tags, summary: 'Delete the company and every row of its data (platform admin)',
      description: 'Irreversible: every tenant table and the platform rows (users, sessions, API tokens, phone numbers, the company). Backups keep it until they expire.',
      params: CompanyParams, body: DeleteCompanyBody, response: { 200: Deleted, ...errorResponses },
    },
    // Not an admin-only route: the tenant gate answers 404 for another company's id like everywhere
    // else, and the service refuses anyone but the platform admin.
    config: { allowApiTokens: false },
  }, async (req) => {
    const result = await companyData.deleteCompany(principalOf(req), req.params.companyId, req.body.confirmSlug);
    req.log.warn({ companyId: req.params.companyId, rows: Object.values(result.deleted).reduce((a, b) => a + b, 0) }, 'company deleted');
    return result;
  });
};

export default routes;
