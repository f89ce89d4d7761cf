import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';

// No Docker engine runs here: this checks what the deployment files promise against the code.
const read = (path: string) => readFileSync(resolve(REPO_ROOT, path), 'utf8');
const CONFIG_SOURCE = ['src/config.ts', 'src/config-parsers.ts'].map(read).join('\n');
const ENV_EXAMPLE = read('.env.example');
const DOCKERFILE = read('Dockerfile');

/** Every variable src/config.ts reads: str('X'), int('X', ...), bool('X', ...). */
const CONFIG_NAMES = new Set([...CONFIG_SOURCE.matchAll(/\b(?:str|int|bool)\('([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]!));
const documented = (name: string) => new RegExp(`^#? ?${name}=`, 'm').test(ENV_EXAMPLE);

interface ComposeService { build?: unknown; image?: string; environment?: Record<string, unknown> }
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
const appServices = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
const render = parse(read('render.yaml')) as { services: { type: string; healthCheckPath?: string; envVars: { key: string }[] }[] };

/** The last stage of the Dockerfile: what the image runs. */
const runtimeStage = DOCKERFILE.split(/^FROM /m).at(-1)!;

describe('deployment files match the configuration', () => {
  it('finds the configuration names it checks against', () => {
    expect(CONFIG_NAMES).toContain('DATABASE_URL');
    expect(CONFIG_NAMES).toContain('SECRETS_KEY_PREVIOUS');
  });

  it('docker-compose.yml runs two app processes, PostgreSQL and a TLS proxy in front of both', () => {
    expect(appServices.map(([name]) => name)).toEqual(['app1', 'app2']);
    expect(Object.values(compose.services).map((s) => s.image?.split(':')[0])).toEqual(expect.arrayContaining(['postgres', 'caddy']));
    const caddyfile = read('deploy/Caddyfile');
    for (const [name, service] of appServices) expect(caddyfile).toContain(`${name}:${String(service.environment!.PORT)}`);
  });

  it('every variable an app process gets in docker-compose.yml is parsed by src/config.ts and documented in .env.example', () => {
    const names = [...new Set(appServices.flatMap(([, s]) => Object.keys(s.environment ?? {})))];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !CONFIG_NAMES.has(n))).toEqual([]);
    expect(names.filter((n) => !documented(n))).toEqual([]);
  });

  it('every variable of the render.yaml web service is parsed by src/config.ts and documented in .env.example', () => {
    const web = render.services.find((s) => s.type === 'web')!;
    const names = web.envVars.map((v) => v.key);
    expect(names).toContain('DATABASE_URL');
    expect(names.filter((n) => !CONFIG_NAMES.has(n))).toEqual([]);
    expect(names.filter((n) => !documented(n))).toEqual([]);
  });

  it("the image starts the server with the README's command, as a non-root user, on production dependencies", () => {
    const cmd = /^CMD \[(.*)\]$/m.exec(runtimeStage)![1]!.split(',').map((part) => JSON.parse(part.trim()) as string).join(' ');
    expect(cmd).toBe('npm start');
    expect(read('README.md')).toMatch(/^npm ci && npm start /m);
    expect(JSON.parse(read('package.json')).scripts.start).toBe('node src/server.ts');
    expect(runtimeStage).toMatch(/^RUN npm ci --omit=dev/m);
    const user = /^USER (\S+)$/m.exec(runtimeStage)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });
});

describe('the health check the image and render.yaml use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers 200 on the HEALTHCHECK path of the Dockerfile and the healthCheckPath of render.yaml', async () => {
    const healthcheck = runtimeStage.slice(runtimeStage.indexOf('HEALTHCHECK'));
    const dockerPath = /127\.0\.0\.1:'\+\(process\.env\.PORT\|\|3000\)\+'(\/[a-z]+)'/.exec(healthcheck)![1]!;
    const renderPath = render.services.find((s) => s.type === 'web')!.healthCheckPath!;
    for (const url of [dockerPath, renderPath]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
    }
  });
});
