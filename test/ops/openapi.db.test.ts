import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** Every property name in a JSON schema, however deeply nested (objects, arrays, unions). */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const s of schema) propertyNames(s, out);
  } else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const name of Object.keys(value)) out.add(name);
      }
      propertyNames(value, out);
    }
  }
  return out;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('OpenAPI document and docs UI', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('is an OpenAPI 3 document listing the API paths in OpenAPI syntax', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/companies', '/api/companies/{companyId}', '/api/companies/{companyId}/users']));
    expect(paths.filter((p) => p.includes(':'))).toEqual([]);
    // Operational endpoints are not part of the API.
    for (const hidden of ['/health', '/ready', '/metrics', '/api/openapi.json']) expect(paths).not.toContain(hidden);
    expect(paths.some((p) => p.startsWith('/api/docs'))).toBe(false);
  });

  it('documents request and response schemas', () => {
    const login = doc.paths['/api/auth/login']!.post!;
    expect(propertyNames(login.requestBody!.content['application/json']!.schema)).toEqual(new Set(['email', 'password']));
    expect(propertyNames(login.responses['200']!.content!['application/json']!.schema)).toContain('companyId');
    expect(login.responses['429']).toBeDefined();
    const users = doc.paths['/api/companies/{companyId}/users']!.get!;
    expect(users.responses['200']!.content!['application/json']!.schema).toBeDefined();
  });

  it('never describes a credential in a response, except the token shown once on creation', () => {
    const offenders: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          for (const media of Object.values(response.content ?? {})) {
            for (const name of propertyNames(media.schema)) {
              const createsToken = method === 'post' && path === '/api/companies/{companyId}/api-tokens' && status === '201' && name === 'token';
              if (/password|hash|secret|token/i.test(name) && !createsToken) offenders.push(`${method.toUpperCase()} ${path} ${status}: ${name}`);
            }
          }
        }
      }
    }
    expect(offenders).toEqual([]);
    const created = doc.paths['/api/companies/{companyId}/api-tokens']!.post!.responses['201']!;
    expect(propertyNames(created.content!['application/json']!.schema)).toContain('token');
  });

  it('serves the docs UI and its assets without signing in, framed by no one', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const css = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });
});

describe('security headers', () => {
  it.each(['/health', '/api/companies', '/no/such/route'])('sets them on %s, whatever the status', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('neither sends HSTS nor upgrades asset URLs to https on a plain-http deployment', async () => {
    for (const url of ['/health', '/api/docs']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });

  it('does both in production behind https', async () => {
    const prod = await createTestApp({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://app.example' } });
    try {
      for (const url of ['/health', '/api/docs']) {
        const res = await prod.app.inject({ method: 'GET', url });
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      }
    } finally {
      await prod.close();
    }
  });
});
