import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/**
 * Fastify's Ajv settings, with one change: only the URL is coerced. A query string or path
 * parameter is text, so "50" must become 50; a JSON body already has types, and coercing it
 * stored `{"enabled": null}` as false and `{"disabled": 0}` as false. A body is what was sent.
 * Unknown body fields are a 400 naming them, not silently dropped: a typo must not pass as success.
 */
const shared: Options = { useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false };
const forBody = new Ajv({ ...shared, coerceTypes: false });
const forUrl = new Ajv({ ...shared, coerceTypes: 'array' });
addFormats.default(forBody);
addFormats.default(forUrl);

/** A body schema with nothing required may be left out: the request is read as if `{}` was sent. */
function optionalBody(schema: Record<string, unknown>): boolean {
  return schema.type === 'object' && !(Array.isArray(schema.required) && schema.required.length > 0) && !(typeof schema.minProperties === 'number' && schema.minProperties > 0);
}

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? forBody : forUrl).compile(schema as object) as ValidateFunction;
  if (httpPart !== 'body' || !optionalBody(schema as Record<string, unknown>)) return validate;
  // Fastify hands an absent body over as null, with the request as parent so it can be replaced.
  const withDefault = Object.assign(
    (data: unknown, ctx?: { parentData: Record<string, unknown>; parentDataProperty: string }) => {
      let value = data;
      if (value === null && ctx) value = ctx.parentData[ctx.parentDataProperty] = {};
      const ok = validate(value, ctx as never);
      withDefault.errors = validate.errors;
      return ok;
    },
    { schemaEnv: validate.schemaEnv, errors: validate.errors },
  );
  return withDefault;
};
