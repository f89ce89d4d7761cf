import type { RouteOptions } from 'fastify';
import type { App } from '../../src/app.ts';
import { exampleFromSchema } from './example-from-schema.ts';

/** One method of one registered route, with its URL parameter names. */
export interface MatrixRoute {
  method: string;
  url: string;
  route: RouteOptions;
  params: string[];
}

export type Ids = Record<string, string>;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Every registered route and method (HEAD aside: Fastify derives it from GET), as Fastify lists them. */
export function registeredRoutes(app: App): MatrixRoute[] {
  const seen = new Map<string, MatrixRoute>();
  for (const route of app.routeTable) {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      // '/x' and '/x/' are the same handler.
      const key = `${method} ${route.url.replace(/(.)\/$/, '$1')}`;
      if (!seen.has(key)) seen.set(key, { method, url: route.url, route, params: [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!) });
    }
  }
  return [...seen.values()];
}

/** An inject() request for the route: parameters from `ids`, query and body generated from its schemas. */
export function requestFor(r: MatrixRoute, ids: Ids) {
  const url = r.url.replace(/:(\w+)/g, (_, name: string) => ids[name]!).replace(/\*$/, 'index.html');
  const schema = r.route.schema as { body?: unknown; querystring?: unknown } | undefined;
  const query = schema?.querystring ? (exampleFromSchema(schema.querystring, `${r.method} ${r.url} querystring`) as Record<string, unknown>) : {};
  const payload = schema?.body && BODY_METHODS.has(r.method) ? (exampleFromSchema(schema.body, `${r.method} ${r.url} body`) as object) : undefined;
  return {
    method: r.method as 'GET',
    url,
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    ...(payload ? { payload } : {}),
  };
}

export const hasBody = (r: MatrixRoute): boolean => BODY_METHODS.has(r.method) && Boolean((r.route.schema as { body?: unknown } | undefined)?.body);
