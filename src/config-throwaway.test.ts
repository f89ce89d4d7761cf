import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { throwawayConfig } from './config-throwaway.ts';

describe('throwaway configuration', () => {
  it('gives each app its own data directory and fresh secrets, no demo data, silent logs', () => {
    const a = throwawayConfig('clientsvia-throwaway-test-');
    const b = throwawayConfig('clientsvia-throwaway-test-');
    try {
      expect(existsSync(a.dataDir)).toBe(true);
      expect(a.dataDir).not.toBe(b.dataDir);
      expect(a.config.dataDir).toBe(a.dataDir);
      expect(a.config.sessionSecret).not.toBe(b.config.sessionSecret);
      expect([a.config.seedDemo, a.config.logLevel, a.config.env]).toEqual([false, 'silent', 'test']);
    } finally {
      for (const d of [a.dataDir, b.dataDir]) rmSync(d, { recursive: true, force: true });
    }
  });

  it("puts the caller's settings on top", () => {
    const { config, dataDir } = throwawayConfig('clientsvia-throwaway-test-', { NODE_ENV: 'development', PUBLIC_URL: 'https://eval.clientsvia.example', LOG_LEVEL: 'warn' });
    rmSync(dataDir, { recursive: true, force: true });
    expect([config.env, config.publicUrl, config.logLevel]).toEqual(['development', 'https://eval.clientsvia.example', 'warn']);
  });
});
