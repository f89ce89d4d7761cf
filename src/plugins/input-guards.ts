import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

/**
 * Deeper than any document the API takes (the configuration document is about six levels);
 * the walk below is iterative, so a deeper body is refused before validation or a service
 * recurses into it.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * PostgreSQL text cannot hold a NUL byte, and a lone UTF-16 surrogate has no UTF-8 form: either
 * would fail deep in a write (or an audit entry) as a 500. Refused at the door instead.
 */
const isBadText = (s: string): boolean => s.includes('\u0000') || !s.isWellFormed();

/**
 * Walks a parsed request part without recursion: every string and key is checked, and
 * nesting is bounded. Whatever parser produced it (JSON, form, CSV text), the rule is the same.
 */
function checkPart(part: string, value: unknown): void {
  const stack: { at: string; value: unknown; depth: number }[] = [{ at: part, value, depth: 0 }];
  while (stack.length > 0) {
    const { at, value: v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (isBadText(v)) throw new AppError('INVALID_TEXT', `${at} contains a NUL byte or an unpaired UTF-16 surrogate`, { field: at });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) throw new AppError('BODY_TOO_DEEP', `${part} is nested more than ${MAX_BODY_DEPTH} levels deep`);
    for (const [key, child] of Object.entries(v)) {
      if (isBadText(key)) throw new AppError('INVALID_TEXT', `a field name in ${at} contains a NUL byte or an unpaired UTF-16 surrogate`, { field: at });
      stack.push({ at: Array.isArray(v) ? `${at}[${key}]` : `${at}.${key}`, value: child, depth: depth + 1 });
    }
  }
}

/**
 * Query coercion turns "1e309" or "Infinity" into a number, and Ajv checks `minimum` and
 * `maximum` only on finite numbers, so an infinite `limit` passes validation. Refused here,
 * after validation, for every route at once.
 */
function checkFiniteQuery(query: unknown): void {
  if (query === null || typeof query !== 'object') return;
  for (const [name, v] of Object.entries(query)) {
    for (const x of [v].flat()) {
      if (typeof x === 'number' && !Number.isFinite(x)) {
        throw new AppError('VALIDATION_FAILED', `querystring.${name} must be a finite number`, { fields: [{ field: `querystring.${name}`, message: 'must be a finite number' }] });
      }
    }
  }
}

async function inputGuardsPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    checkPart('params', request.params);
    checkPart('querystring', request.query);
    checkPart('body', request.body);
  });
  app.addHook('preHandler', async (request: FastifyRequest) => {
    checkFiniteQuery(request.query);
  });
}

export default fp(inputGuardsPlugin, { name: 'input-guards' });
