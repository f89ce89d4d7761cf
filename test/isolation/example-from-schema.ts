/**
 * A small, valid example value for a JSON Schema (TypeBox schemas are plain JSON Schema), so
 * a request passes validation and whatever it gets back comes from the route's own rules.
 * Objects get their required properties (plus optional ones up to `minProperties`); anything
 * this cannot satisfy throws, naming the path, rather than producing an invalid example.
 */
type Schema = Record<string, unknown>;

const FORMATS: Record<string, string> = {
  email: 'example@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  'date-time': '2030-01-15T12:00:00.000Z',
  date: '2030-01-15',
  time: '12:00:00',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
};

// Tried in order against a `pattern`; add one here when a new pattern matches none of them.
const PATTERN_CANDIDATES = ['example', 'x', 'example-1', 'a1', 'A', '12345', '0', '+13125550100', '2030-01-15', '12:00', '#000000'];

export function exampleFromSchema(schema: unknown, path = '$'): unknown {
  if (typeof schema !== 'object' || schema === null) throw new Error(`${path}: not a schema`);
  const s = schema as Schema;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.default !== undefined) return s.default;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches) && branches.length > 0) return exampleFromSchema(branches[0], `${path}(${key}[0])`);
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...s.allOf.map((part, i) => exampleFromSchema(part, `${path}(allOf[${i}])`) as object));
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return objectExample(s, path);
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      return Array.from({ length: n }, (_, i) => exampleFromSchema(s.items, `${path}[${i}]`));
    }
    case 'string':
      return stringExample(s, path);
    case 'integer':
    case 'number':
      return numberExample(s);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      throw new Error(`${path}: no example for schema ${JSON.stringify(s)}; extend test/isolation/example-from-schema.ts`);
  }
}

function objectExample(s: Schema, path: string): Record<string, unknown> {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const minProperties = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const names = [...required];
  for (const name of Object.keys(properties)) {
    if (names.length >= minProperties) break;
    if (!required.has(name)) names.push(name);
  }
  if (names.length < minProperties) throw new Error(`${path}: minProperties ${minProperties} but only ${names.length} properties are declared`);
  return Object.fromEntries(names.map((name) => {
    if (!(name in properties)) throw new Error(`${path}.${name}: required but not declared`);
    return [name, exampleFromSchema(properties[name], `${path}.${name}`)];
  }));
}

function stringExample(s: Schema, path: string): string {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const fits = (v: string) => v.length >= min && v.length <= max;
  if (typeof s.format === 'string') {
    const v = FORMATS[s.format];
    if (v === undefined) throw new Error(`${path}: no example for format "${s.format}"; add one to FORMATS in test/isolation/example-from-schema.ts`);
    return v;
  }
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    const v = PATTERN_CANDIDATES.find((c) => re.test(c) && fits(c));
    if (v === undefined) throw new Error(`${path}: no example matches /${s.pattern}/; give the schema \`examples\` or extend PATTERN_CANDIDATES`);
    return v;
  }
  return 'x'.repeat(Math.max(min, 1));
}

function numberExample(s: Schema): number {
  if (typeof s.minimum === 'number') return s.minimum;
  if (typeof s.exclusiveMinimum === 'number') return s.type === 'integer' ? Math.floor(s.exclusiveMinimum) + 1 : s.exclusiveMinimum + 0.5;
  return typeof s.maximum === 'number' ? Math.min(1, s.maximum) : 1;
}
