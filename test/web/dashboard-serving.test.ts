import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIST } from '../../src/plugins/dashboard.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('the dashboard served by the app', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => t?.close());

  it('answers / and every client route with index.html, never cached', async () => {
    for (const url of ['/', '/sign-in', '/companies/5b0c6f52-4a59-4d3c-9a35-3d3c6c0c0c0c/calls?outcome=booked', '/admin/companies']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root"></div>');
    }
  });

  it('never answers an API, health or metrics path with the page', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const post = await t.app.inject({ method: 'POST', url: '/companies', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('serves hashed assets for a year, immutable, pre-compressed for browsers that accept it', async () => {
    const script = readdirSync(`${DASHBOARD_DIST}assets`).find((f) => /^index-.*\.js$/.test(f))!;
    const plain = await t.app.inject({ method: 'GET', url: `/assets/${script}` });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 2);
    const gz = await t.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });
});
