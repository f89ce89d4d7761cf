import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, DateTime, errorResponses, Page, pageOf, PageQuery, Uuid } from '../../http/common-schemas.ts';

const AuditEntry = Type.Object({
  id: Uuid,
  actor: Type.Object({ type: Type.String(), id: Type.Union([Uuid, Type.Null()]), label: Type.String() }),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Uuid, Type.Null()]),
  changes: Type.Record(Type.String(), Type.Unknown()),
  createdAt: DateTime,
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: {
      tags: ['audit'],
      summary: "List the company's audit log, newest first",
      params: CompanyParams,
      querystring: Type.Object({ ...PageQuery, entityType: Type.Optional(Type.String({ maxLength: 64 })), entityId: Type.Optional(Uuid) }),
      response: { 200: Page(AuditEntry), ...errorResponses },
    },
    config: { minRole: 'owner' },
  }, async (req) => {
    const { entityType, entityId } = req.query;
    return app.ctx.services.audit.list(req.params.companyId, { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) }, pageOf(req.query));
  });
};

export default routes;
