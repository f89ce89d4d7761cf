import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { PutWidgetSettingsBody, RotateWidgetKeyBody, WidgetSettingsDocument } from './widget.schemas.ts';

const tags = ['widget'];

// The company's website widget is the owner's: which sites may use it and its key.
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const widget = app.ctx.services.widget;

  app.get('/', {
    schema: { tags, summary: "The website widget: allowed origins, key and the <script> line to paste into the company's pages", params: CompanyParams, response: { 200: WidgetSettingsDocument, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => widget.get(req.params.companyId));

  app.put('/', {
    schema: {
      tags, summary: 'Change the sites allowed to use the widget (fields left out keep their value)', params: CompanyParams,
      body: PutWidgetSettingsBody, response: { 200: WidgetSettingsDocument, ...errorResponses },
    },
    config: OWNER_ONLY,
  }, async (req) => widget.put(actorOf(principalOf(req)), req.params.companyId, req.body));

  app.post('/rotate-key', {
    schema: {
      tags, summary: 'Replace the widget key; the old key stops working at once (update the snippet on the website)', params: CompanyParams,
      body: RotateWidgetKeyBody, response: { 200: WidgetSettingsDocument, ...errorResponses },
    },
    config: OWNER_ONLY,
  }, async (req) => widget.rotateKey(actorOf(principalOf(req)), req.params.companyId, req.body ?? {}));
};

export default routes;
