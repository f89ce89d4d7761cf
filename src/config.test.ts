import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf } from '../test/helpers/config-problems.ts';
import { loadConfig } from './config.ts';

const strongSecret = 'k'.repeat(8) + 'Zx9!qW2#eR4$tY6^uI8&oP0*aS1@dF3%';
const strongKey = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const dataDir = () => mkdtempSync(join(tmpdir(), 'clientsvia-config-'));


describe('config', () => {
  it('starts with no settings at all in development, generating secrets that persist in DATA_DIR', () => {
    const dir = dataDir();
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.port).toBe(3000);
    expect(a.databaseUrl).toBeUndefined();
    expect(a.seedDemo).toBe(true);
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(a.secretsKey).toHaveLength(32);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ DATA_DIR: dataDir(), PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', PUBLIC_URL: 'not a url' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/SEED_DEMO/);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL/);
    expect(problems).toHaveLength(5);
  });

  it('refuses missing secrets in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: dataDir(), PUBLIC_URL: 'https://app.example.com' });
    expect(problems.some((p) => p.startsWith('SESSION_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SECRETS_KEY'))).toBe(true);
  });

  it('refuses weak secrets in production', () => {
    const problems = problemsOf({
      NODE_ENV: 'production', DATA_DIR: dataDir(), PUBLIC_URL: 'https://app.example.com',
      SESSION_SECRET: 'changeme', SECRETS_KEY: Buffer.alloc(32).toString('base64'),
    });
    expect(problems.some((p) => p.startsWith('SESSION_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SECRETS_KEY') && p.includes('weak'))).toBe(true);
  });

  it('accepts a complete production configuration and does not seed demo data there', () => {
    const c = loadConfig({
      NODE_ENV: 'production', DATA_DIR: dataDir(), PUBLIC_URL: 'https://app.example.com/',
      SESSION_SECRET: strongSecret, SECRETS_KEY: strongKey, DATABASE_URL: 'postgres://app@db/clientsvia',
    });
    expect(c.env).toBe('production');
    expect(c.publicUrl).toBe('https://app.example.com');
    expect(c.seedDemo).toBe(false);
  });

  it('requires https for the public URL in production (Twilio signatures are computed on it)', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: dataDir(), PUBLIC_URL: 'http://app.example.com', SESSION_SECRET: strongSecret, SECRETS_KEY: strongKey });
    expect(problems).toEqual(['PUBLIC_URL must be https in production']);
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its own address', () => {
    const problems = problemsOf({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/TRUST_PROXY=true would trust any client's X-Forwarded-For.*hops.*CIDRs/);
    expect(problemsOf({ DATA_DIR: dataDir(), TRUST_PROXY: 'somewhere' })[0]).toMatch(/TRUST_PROXY must be false, a hop count or .*addresses\/CIDRs/);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxy addresses and CIDRs', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
  });

  it('has daily caps for anonymous widget visitors, and validates them', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ anonConversationsPerCompanyPerDay: 200, anonBookingsPerCompanyPerDay: 20, anonBookingsPerPhonePerDay: 2, anonRequestHoldMinutes: 120 });
    expect(problemsOf({ DATA_DIR: dataDir(), ANON_BOOKINGS_PER_PHONE_PER_DAY: '-1' })[0]).toMatch(/ANON_BOOKINGS_PER_PHONE_PER_DAY must be an integer/);
  });

  it('takes a redis:// or rediss:// REDIS_URL for the rate-limit counters, and nothing else', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).redisUrl).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }).redisUrl).toBe('rediss://:pw@cache.internal:6380/2');
    expect(problemsOf({ DATA_DIR: dataDir(), REDIS_URL: '127.0.0.1:6379' })).toEqual(['REDIS_URL must be a redis:// or rediss:// URL']);
  });

  it('accepts a hex SECRETS_KEY', () => {
    const c = loadConfig({ DATA_DIR: dataDir(), SECRETS_KEY: Buffer.from(strongKey, 'base64').toString('hex') });
    expect(c.secretsKey.toString('base64')).toBe(strongKey);
  });
});
