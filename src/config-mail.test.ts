import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-mail-')), PUBLIC_URL: 'https://app.example.com', ...env });

describe('mail and digest settings', () => {
  it('sends no email unless an SMTP server is set, and sends digests from 7:00', () => {
    const c = load({});
    expect(c.smtp).toBeUndefined();
    expect(c.digestLocalHour).toBe(7);
  });

  it('reads SMTP_URL, its credentials URL-decoded, TLS for smtps', () => {
    expect(load({ SMTP_URL: 'smtps://mailer:p%40ss@smtp.example.com' }).smtp).toEqual({
      host: 'smtp.example.com', port: 465, secure: true, user: 'mailer', password: 'p@ss', from: 'ClientsVia <no-reply@app.example.com>',
    });
  });

  it('reads the parts, STARTTLS by default off port 465', () => {
    expect(load({ SMTP_HOST: 'smtp.example.com', SMTP_USER: 'u', SMTP_PASSWORD: 'pw', SMTP_FROM: 'Digest <d@example.com>', DIGEST_LOCAL_HOUR: '6' })).toMatchObject({
      smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'u', password: 'pw', from: 'Digest <d@example.com>' },
      digestLocalHour: 6,
    });
  });

  it('names every bad mail setting', () => {
    try {
      load({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: 'ninety', SMTP_SECURE: 'maybe', SMTP_FROM: 'nobody', DIGEST_LOCAL_HOUR: '24' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toMatch(/SMTP_FROM[\s\S]*SMTP_PORT[\s\S]*SMTP_SECURE[\s\S]*DIGEST_LOCAL_HOUR/);
    }
    expect(() => load({ SMTP_URL: 'http://smtp.example.com' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});
