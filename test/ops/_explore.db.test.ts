import { it } from 'vitest';
import { createTestApp } from '../helpers/app.ts';
import { createCompany, createUserSession } from '../helpers/factories.ts';

it('explore', async () => {
  const t = await createTestApp();
  const c = await createCompany(t.app);
  const s = await createUserSession(t.app, c.id);
  for (const [url, h] of [['/health', {}], ['/ready', {}], ['/api/docs', {}], ['/api/docs/', {}], ['/api/docs/static/index.html', {}], ['/nope/123', {}], ['/api/openapi.json', {}], [`/api/companies/${c.id}`, s.headers]] as const) {
    const r = await t.app.inject({ method: 'GET', url, headers: h });
    console.log(url, r.statusCode, JSON.stringify(r.headers), r.body.slice(0, 300));
  }
  const m = await t.app.inject({ method: 'GET', url: '/metrics' });
  console.log(m.body.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count')).join('\n'));
  await t.close();
});
