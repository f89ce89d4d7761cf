import { ConfigError, loadConfig } from '../../src/config.ts';

/** The problems loadConfig reports for `env` ([] when it loads). */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}
