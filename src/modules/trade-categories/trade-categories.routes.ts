import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Uuid } from '../../http/common-schemas.ts';

export const TradeCategory = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), description: Type.String() });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: {
      tags: ['trade-categories'],
      summary: 'List the global trade categories',
      response: { 200: Type.Object({ items: Type.Array(TradeCategory) }), ...errorResponses },
    },
  }, async () => ({ items: await app.ctx.services.tradeCategories.list() }));
};

export default routes;
