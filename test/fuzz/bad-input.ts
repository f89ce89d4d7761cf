import fc from 'fast-check';
import { exampleFromSchema } from '../isolation/example-from-schema.ts';

/**
 * Bad requests for one OpenAPI operation, generated from the operation itself: a valid example
 * (exampleFromSchema) with one thing broken — a value of the wrong type or out of range, text
 * with a NUL byte or a lone surrogate, deep nesting, an unknown or a missing field, a path id
 * of nothing or no id at all. Bodies are raw JSON text so 1e309 and 5,000 levels can be sent.
 */
type Schema = Record<string, unknown>;

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/companies/{companyId}/bookings */
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body: Schema | undefined;
}

export interface BadRequest {
  method: string;
  url: string;
  payload?: string;
  headers: Record<string, string>;
  /** What was broken, for the failure message. */
  what: string;
}

/** A JSON fragment written as is (1e309, NaN, a 5,000-deep array). */
class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const DEEP = 5_000;
const deep = new Raw('['.repeat(DEEP) + ']'.repeat(DEEP));
const deepObject = new Raw('{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP));

const BAD_DATES = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2030-06-30T23:59:60Z', '+275760-09-13T00:00:00Z', '2030-02-30T10:00:00Z', 'yesterday'];
const BAD_NUMBERS = [new Raw('1e309'), new Raw('-1e309'), new Raw('NaN'), 1e308, -1e308, 2 ** 53 + 1, 1.5, -1, 0, '12', null];

/** Values that must be refused wherever a schema node of this kind stands. */
function badValuesFor(s: Schema, valid: unknown): unknown[] {
  const text = typeof valid === 'string' ? valid : 'x';
  const max = typeof s.maxLength === 'number' ? s.maxLength : 100_000;
  const wrongTypes = [true, 7, [], {}, null];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const ofNothing = s.format === 'uuid' ? ['00000000-0000-4000-8000-00000000f022', 'ffffffff-ffff-4fff-bfff-ffffffffffff'] : [];
  const strings = [...ofNothing, `${text}\u0000`, `\ud800${text}`, `${text}\udfff`, 'x'.repeat(Math.min(max + 1, 300_000)), ...BAD_DATES];
  if (type === 'string') return [...strings, ...wrongTypes, ...BAD_NUMBERS.slice(0, 3)];
  if (type === 'integer' || type === 'number') return [...BAD_NUMBERS, ...wrongTypes, '\u0000'];
  if (type === 'boolean') return [null, 0, 1, 'true', '\u0000', ...BAD_NUMBERS.slice(0, 3)];
  if (type === 'array') return [deep, [null], ['\u0000'], [deep], 'x', {}, null];
  if (type === 'object') return [deepObject, { '\u0000': 1 }, { '\ud800': 'x' }, [], 'x', null, 7];
  return [...strings, ...wrongTypes, ...BAD_NUMBERS.slice(0, 3), deep];
}

/** Every place in an example object a bad value can go, with the schema node there. */
function slotsOf(schema: Schema, value: unknown, at: string[] = []): { at: string[]; schema: Schema; value: unknown }[] {
  const here = { at, schema, value };
  const props = schema.properties as Record<string, Schema> | undefined;
  if (props && value && typeof value === 'object' && !Array.isArray(value)) {
    return [here, ...Object.entries(props).flatMap(([k, sub]) => slotsOf(sub, (value as Record<string, unknown>)[k], [...at, k]))];
  }
  return [here];
}

function setAt(root: unknown, at: string[], v: unknown): unknown {
  if (at.length === 0) return v;
  const copy = { ...(root as Record<string, unknown>) };
  copy[at[0]!] = setAt(copy[at[0]!], at.slice(1), v);
  return copy;
}

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Query values as raw, already-encoded text: %00, an unpaired UTF-16 half as CESU bytes, bad escapes. */
const BAD_QUERY = ['1e309', '-1e309', 'NaN', 'Infinity', '1.5', '-1', '99999999999999999999', '%00', 'a%00b', '%ED%A0%80', '%E0%A4%A', '', 'x'.repeat(5_000), ...BAD_DATES.map(encodeURIComponent)];
const BAD_IDS = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%00', '%ED%A0%80', '%', '..%2F..', 'x'.repeat(200), '1e309'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** The example with real ids where a field is named like one (serviceId), so it gets past the 404s. */
function withIds(v: unknown, ids: Record<string, string>): unknown {
  if (Array.isArray(v)) return v.map((x) => withIds(x, ids));
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && ids[k] ? ids[k] : withIds(x, ids)]));
}

export function badRequests(op: Operation, ids: Record<string, string>, headers: Record<string, string>): fc.Arbitrary<BadRequest> {
  const valid = op.body ? withIds(exampleFromSchema(op.body, `${op.method} ${op.path} body`), ids) : undefined;
  const validQuery = Object.fromEntries(Object.entries(op.query).map(([k, s]) => [k, encodeURIComponent(String(exampleFromSchema(s, `${op.method} ${op.path} ?${k}`)))]));
  const slots = op.body ? slotsOf(op.body, valid) : [];

  const url = (pathIds: Record<string, string>, query: Record<string, string>) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => pathIds[n] ?? ids[n] ?? BAD_IDS[0]!);
    const qs = Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&');
    return qs ? `${path}?${qs}` : path;
  };
  const request = (what: string, pathIds: Record<string, string>, query: Record<string, string>, payload: string | undefined): BadRequest => ({
    method: op.method,
    url: url(pathIds, query),
    headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload }),
    what,
  });
  const validPayload = valid === undefined ? undefined : toJson(valid);

  const kinds: fc.Arbitrary<BadRequest>[] = [];
  if (slots.length > 0) {
    kinds.push(
      fc.constantFrom(...slots).chain((slot) =>
        pick(badValuesFor(slot.schema, slot.value)).map((bad) =>
          request(`body.${slot.at.join('.')} = ${toJson(bad).slice(0, 60)}`, {}, validQuery, toJson(setAt(valid, slot.at, bad))),
        ),
      ),
      pick(['', 'null', '[]', '"x"', '{', '{"a":1}{', '\u0000', '{"\\u0000":1}', deep.text, deepObject.text]).map((raw) => request(`body is ${raw.slice(0, 20)}`, {}, validQuery, raw)),
    );
    const objects = slots.filter((s) => s.schema.type === 'object');
    if (objects.length > 0) {
      kinds.push(pick(objects).map((slot) => request(`unknown field under body.${slot.at.join('.')}`, {}, validQuery, toJson(setAt(valid, [...slot.at, '__fuzz'], 1)))));
    }
    const required = slots.flatMap((s) => ((s.schema.required as string[] | undefined) ?? []).map((name) => [...s.at, name]));
    if (required.length > 0) {
      kinds.push(pick(required).map((at) => request(`missing body.${at.join('.')}`, {}, validQuery, toJson(setAt(valid, at, undefined)))));
    }
  }
  const queryNames = Object.keys(op.query);
  if (queryNames.length > 0) {
    kinds.push(
      fc.tuple(pick(queryNames), pick(BAD_QUERY)).map(([name, v]) => request(`?${name}=${v.slice(0, 40)}`, {}, { ...validQuery, [name]: v }, validPayload)),
      pick(queryNames).map((name) => request(`?${name} twice`, {}, { ...validQuery, [name]: `${validQuery[name]}&${name}=${validQuery[name]}` }, validPayload)),
    );
  }
  kinds.push(fc.constant(request('unknown query parameter', {}, { ...validQuery, __fuzz: '%00' }, validPayload)));
  if (op.pathParams.length > 0) {
    kinds.push(
      fc.tuple(pick(op.pathParams), fc.oneof(pick(BAD_IDS), fc.uuid())).map(([name, id]) => request(`{${name}} = ${id.slice(0, 40)}`, { [name]: id }, validQuery, validPayload)),
    );
  }
  return fc.oneof(...kinds);
}
