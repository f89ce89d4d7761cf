import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, notFound } from '../../errors.ts';
import { errorResponses } from '../../http/common-schemas.ts';
import { createChat } from '../agent/chat.ts';
import { ChatBody, ChatReply } from '../agent/chat.schemas.ts';
import { isAllowedOrigin } from './widget-origins.ts';
import type { OpenedWidget, WidgetService } from './widget.service.ts';

const tags = ['widget'];
const WidgetParams = Type.Object({ widgetKey: Type.String({ maxLength: 100 }) });
// Per visitor address; a preflight counts like the message it precedes.
const config = { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } as const;
// Browsers reuse a preflight this long; an origin removed from the list is refused by the next
// message anyway, since every message is checked too.
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * CORS for the widget, and only here: a browser on one of the company's listed sites is
 * answered with `Access-Control-Allow-Origin` naming that site; a browser anywhere else gets
 * no CORS headers and a 403 WIDGET_ORIGIN_NOT_ALLOWED, before anything is counted or run. A
 * request without `Origin` is not a browser's cross-site request and is served as before
 * (non-browser clients can send any header, so the list is no defence against them: the
 * per-address rate limit and the daily caps are). Runs in the handler, after the rate limit,
 * so a flood of made-up keys costs no database reads.
 */
async function admit(widget: WidgetService, req: { params: { widgetKey: string }; headers: FastifyRequest['headers'] }, reply: FastifyReply): Promise<OpenedWidget> {
  const opened = await widget.open(req.params.widgetKey);
  if (!opened) throw notFound('Widget');
  reply.header('vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined) return opened;
  if (!isAllowedOrigin(opened.allowedOrigins, origin)) {
    throw new AppError('WIDGET_ORIGIN_NOT_ALLOWED', 'This site may not use the chat widget; the company can add it to the allowed origins in its widget settings.');
  }
  reply.header('access-control-allow-origin', origin);
  reply.header('cross-origin-resource-policy', 'cross-origin');
  return opened;
}

/** The public website widget: a company's widget key, rate-limited per visitor address and capped per company per day. */
export const widgetChatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { calls, anonymousUsage, widget } = app.ctx.services;
  // Anonymous: capped conversations per company per day, and bookings only as requests.
  const chat = createChat({ calls, anonymousUsage, runner: app.ctx.agent.runner, turnBudgetMs: app.ctx.config.turnBudgetMs, channel: 'widget' });

  app.options('/:widgetKey/chat', {
    schema: {
      tags, summary: 'CORS preflight for the widget chat: allowed only for the origins in the company\'s widget settings', params: WidgetParams,
      response: { 204: Type.Null({ description: 'Allowed: Access-Control-Allow-Origin names the requesting site' }), ...errorResponses },
    },
    config,
  }, async (req, reply) => {
    await admit(widget, req, reply);
    reply.header('access-control-allow-methods', 'POST');
    reply.header('access-control-allow-headers', 'content-type');
    reply.header('access-control-max-age', String(PREFLIGHT_MAX_AGE_S));
    return reply.status(204).send(null);
  });

  app.post('/:widgetKey/chat', {
    schema: { tags, summary: "Chat with a company's agent from its website (public, by widget key; browsers only from the company's allowed origins)", params: WidgetParams, body: ChatBody, response: { 200: ChatReply, ...errorResponses } },
    config,
  }, async (req, reply) => chat.message((await admit(widget, req, reply)).companyId, req.body));
};
