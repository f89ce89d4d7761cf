import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify';
import { connectInvalidationTransport } from './cache/invalidation-transport.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { validatorCompiler } from './http/validator-compiler.ts';
import type { Database } from './db/connect.ts';
import accessPlugin from './plugins/access.ts';
import crossSitePlugin from './plugins/cross-site.ts';
import dashboardPlugin, { serveClientRoute } from './plugins/dashboard.ts';
import drainPlugin from './plugins/drain.ts';
import errorsPlugin, { sendError } from './plugins/errors.ts';
import healthRoutes from './plugins/health.ts';
import inputGuardsPlugin from './plugins/input-guards.ts';
import { logController, loggerOptions, requestIdOptions } from './plugins/logging.ts';
import metricsPlugin from './plugins/metrics.ts';
import openapiPlugin from './plugins/openapi.ts';
import securityPlugin from './plugins/security.ts';
import tracingPlugin, { childLoggerFactory } from './plugins/tracing.ts';
import { apiRoutes } from './routes.ts';
import widgetScriptRoutes from './modules/widget/widget-script.routes.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route, in registration order (the isolation matrix walks them). */
    routeTable: RouteOptions[];
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Tests pass a logger to capture output; otherwise pino is configured from Config. */
  logger?: FastifyBaseLogger;
  /** The time calls are answered at (what "tomorrow" and "open now" mean); tests fix it. */
  clock?: () => Date;
}

const trustHops = (hops: number) => (_address: string, hop: number): boolean => hop < hops;

/** Builds the whole application without listening; server.ts and tests both use it. */
export async function buildApp({ config, database, logger, clock }: BuildOptions): Promise<App> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: loggerOptions(config) }),
    ...requestIdOptions,
    logController: logController(),
    // Every request's log lines carry its W3C trace id (from `traceparent`, or a new one).
    childLoggerFactory,
    // A hop count trusts that many proxies nearest the app (Fastify's own reading of a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1_048_576,
    // A malformed or too long URL fails in the router, before any error handler: same format.
    frameworkErrors: sendError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies are validated as sent, query strings and path parameters are coerced from text.
  app.setValidatorCompiler(validatorCompiler);

  const ctx = createContext(config, database, app.log, clock);
  app.decorate('ctx', ctx);
  // Other app processes on the same server hear of every change of access (sign-outs, roles,
  // suspensions) and company data; on PGlite this process is the only one.
  if (database.url) app.addHook('onClose', await connectInvalidationTransport(database.url, ctx.invalidation, app.log));
  // Rate limits count in one place for every process (Redis or the PostgreSQL server).
  await ctx.rateLimits.ready();
  app.addHook('onClose', () => ctx.rateLimits.close());
  // After in-flight requests finish and before the owner closes the database: running handlers
  // complete (or are failed for a later retry) while their connections still work.
  app.addHook('onClose', async () => {
    await ctx.jobs.stop();
    await ctx.errors.flush(2000);
  });
  // Before any route is registered, so none is missed.
  app.decorate('routeTable', [] as RouteOptions[]);
  app.addHook('onRoute', (route) => void app.routeTable.push(route));

  // 1. Cross-cutting plugins: errors first so everything after reports the same way.
  await app.register(errorsPlugin, { clientRoutes: serveClientRoute });
  await app.register(tracingPlugin);
  await app.register(drainPlugin);
  await app.register(inputGuardsPlugin);
  await app.register(metricsPlugin, { config });
  await app.register(securityPlugin, { config, counters: ctx.rateLimits });
  await app.register(cookie);
  await app.register(openapiPlugin, { config });
  await app.register(accessPlugin, {
    resolveSession: ctx.services.auth.resolveSession,
    resolveApiToken: ctx.services.auth.resolveApiToken,
    companyExists: ctx.services.companies.exists,
  });
  // After the access hook: it knows whether the request rides on a session cookie.
  await app.register(crossSitePlugin, { config });

  // 2. Operations endpoints, the website widget's script, then the API modules.
  await app.register(healthRoutes);
  await app.register(widgetScriptRoutes);
  await app.register(apiRoutes, { prefix: '/api' });

  // 3. The dashboard's files (its client routes get index.html from the not-found handler).
  await app.register(dashboardPlugin);

  return app as unknown as App;
}
