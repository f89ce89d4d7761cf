import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseSmtp } from './config-mail.ts';
import { parseBackupConfig, parseRetentionConfig } from './config-backup.ts';
import { decodeKey, parsePreviousKeys, parseTrustProxy } from './config-parsers.ts';
import type { AppEnv, Config, LogLevel } from './config-types.ts';
import { parseRealtimeVoice } from './config-voice.ts';
import { loadDevSecrets } from './dev-secrets.ts';

export type { AppEnv, Config, LogLevel } from './config-types.ts';

/**
 * The only reader of process.env. Parsed and validated once at boot; every problem is
 * collected so the operator sees the whole list at once instead of fixing one per restart.
 */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const WEAK_SECRETS = new Set(['secret', 'changeme', 'change-me', 'password', 'development', 'test']);
const MIN_SECRET_LENGTH = 32;

/** Reads `.env` (if present) beneath real environment variables, which always win. */
export function readEnvFile(path: string): Env {
  if (!existsSync(path)) return {};
  const out: Env = {};
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    out[key] = value;
  }
  return out;
}

export function loadConfig(env: Env = { ...readEnvFile(resolve('.env')), ...process.env }): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${v}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = str(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no'].includes(v)) return false;
    problems.push(`${name} must be true or false (got "${v}")`);
    return fallback;
  };

  const nodeEnv = str('NODE_ENV') ?? 'development';
  let appEnv: AppEnv = 'development';
  if (nodeEnv === 'production' || nodeEnv === 'test' || nodeEnv === 'development') appEnv = nodeEnv;
  else problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}")`);
  const production = appEnv === 'production';

  const port = int('PORT', 3000, 0, 65535);
  const host = str('HOST') ?? '0.0.0.0';
  const dataDirRaw = str('DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(dataDirRaw);

  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const redisUrl = str('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/\s]/.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');

  const publicUrl = (str('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    if (production && u.protocol !== 'https:') problems.push('PUBLIC_URL must be https in production');
  } catch {
    problems.push(`PUBLIC_URL must be an absolute http(s) URL (got "${publicUrl}")`);
  }

  const logLevelRaw = (str('LOG_LEVEL') ?? (appEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevelRaw)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  // Secrets: production refuses missing or weak ones; elsewhere they are generated once
  // and kept in DATA_DIR so sessions and encrypted data survive restarts.
  const devSecrets = production ? undefined : () => loadDevSecrets(dataDir);
  let sessionSecret = str('SESSION_SECRET');
  if (sessionSecret === undefined) {
    if (production) problems.push('SESSION_SECRET is required in production');
    else sessionSecret = devSecrets!().sessionSecret;
  } else if (sessionSecret.length < MIN_SECRET_LENGTH || WEAK_SECRETS.has(sessionSecret.toLowerCase())) {
    problems.push(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} random characters`);
  }

  let secretsKey: Buffer | undefined;
  const secretsKeyRaw = str('SECRETS_KEY');
  if (secretsKeyRaw === undefined) {
    if (production) problems.push('SECRETS_KEY is required in production (32 bytes, base64 or hex)');
    else secretsKey = Buffer.from(devSecrets!().secretsKey, 'base64');
  } else {
    secretsKey = decodeKey(secretsKeyRaw);
    if (secretsKey === undefined) problems.push('SECRETS_KEY must be 32 bytes encoded as base64 or 64 hex characters');
    else if (new Set(secretsKey).size < 8) problems.push('SECRETS_KEY is too weak (not random)');
  }
  const secretsKeyVersion = int('SECRETS_KEY_VERSION', 1, 1, 1_000_000);
  const secretsKeysPrevious = parsePreviousKeys(str('SECRETS_KEY_PREVIOUS'), secretsKeyVersion, problems);

  // The platform's Twilio auth token signs every webhook of companies without their own. In
  // development one is generated, so the call simulator can sign as Twilio does.
  const twilioAuthToken = str('TWILIO_AUTH_TOKEN') ?? (production ? undefined : devSecrets!().twilioAuthToken);
  const twilioApiBaseUrl = (str('TWILIO_API_BASE_URL') ?? 'https://api.twilio.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(twilioApiBaseUrl)) problems.push(`TWILIO_API_BASE_URL must be an absolute http(s) URL (got "${twilioApiBaseUrl}")`);

  const elevenLabsBaseUrl = (str('ELEVENLABS_BASE_URL') ?? 'https://api.elevenlabs.io').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(elevenLabsBaseUrl)) problems.push(`ELEVENLABS_BASE_URL must be an absolute http(s) URL (got "${elevenLabsBaseUrl}")`);

  const llmBaseUrl = str('LLM_BASE_URL')?.replace(/\/+$/, '');
  if (llmBaseUrl !== undefined && !/^https?:\/\/[^/]+/.test(llmBaseUrl)) problems.push(`LLM_BASE_URL must be an absolute http(s) URL (got "${llmBaseUrl}")`);

  const metricsToken = str('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 24) problems.push('METRICS_TOKEN must be at least 24 characters (e.g. openssl rand -hex 24)');
  const sentryDsn = str('SENTRY_DSN');
  if (sentryDsn !== undefined && !/^https?:\/\/[^@/\s]+@[^/\s]+\/(.+\/)?\d+$/.test(sentryDsn)) problems.push('SENTRY_DSN must be a DSN such as https://<key>@<host>/<project id>');

  const adminEmail = (str('ADMIN_EMAIL') ?? 'admin@clientsvia.local').toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL must be an email address');
  const adminPassword = str('ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters');
  const demoPassword = str('DEMO_PASSWORD') ?? 'demo-password';
  if (demoPassword.length < 8) problems.push('DEMO_PASSWORD must be at least 8 characters');

  const config: Config = {
    env: appEnv,
    port,
    host,
    dataDir,
    databaseUrl,
    dbConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 5000, 100, 120_000),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 5000, 100, 3_600_000),
    dbLockTimeoutMs: int('DB_LOCK_TIMEOUT_MS', 2000, 100, 3_600_000),
    publicUrl,
    sessionSecret: sessionSecret ?? '',
    secretsKey: secretsKey ?? Buffer.alloc(32),
    secretsKeyVersion,
    secretsKeysPrevious,
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    adminEmail,
    adminPassword,
    demoPassword,
    seedDemo: bool('SEED_DEMO', !production),
    logLevel: logLevelRaw,
    rateLimitAuthPerMinute: int('RATE_LIMIT_AUTH_PER_MINUTE', 10, 1, 1_000_000),
    rateLimitApiPerMinute: int('RATE_LIMIT_API_PER_MINUTE', 1200, 1, 100_000_000),
    redisUrl,
    trustProxy: parseTrustProxy(str('TRUST_PROXY'), problems),
    anonConversationsPerCompanyPerDay: int('ANON_CONVERSATIONS_PER_COMPANY_PER_DAY', 200, 0, 1_000_000),
    anonBookingsPerCompanyPerDay: int('ANON_BOOKINGS_PER_COMPANY_PER_DAY', 20, 0, 100_000),
    anonBookingsPerPhonePerDay: int('ANON_BOOKINGS_PER_PHONE_PER_DAY', 2, 0, 1000),
    anonModelTurnsPerCompanyPerDay: int('ANON_MODEL_TURNS_PER_COMPANY_PER_DAY', 500, 0, 10_000_000),
    anonRequestHoldMinutes: int('ANON_REQUEST_HOLD_MINUTES', 120, 5, 7 * 24 * 60),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 1000, 600_000),
    jobsEnabled: bool('JOBS_ENABLED', true),
    twilioAuthToken,
    twilioAccountSid: str('TWILIO_ACCOUNT_SID'),
    twilioApiBaseUrl,
    turnBudgetMs: int('TURN_BUDGET_MS', 9000, 1000, 14_000),
    elevenLabsBaseUrl,
    elevenLabsApiKey: str('ELEVENLABS_API_KEY'),
    speechBudgetMs: int('SPEECH_BUDGET_MS', 2500, 100, 12_000),
    speechBreakerFailures: int('SPEECH_BREAKER_FAILURES', 3, 1, 1000),
    speechBreakerCooldownMs: int('SPEECH_BREAKER_COOLDOWN_MS', 30_000, 10, 3_600_000),
    speechMemoryCacheMb: int('SPEECH_MEMORY_CACHE_MB', 64, 0, 65_536),
    llmBaseUrl,
    llmModel: str('LLM_MODEL') ?? 'gpt-4o-mini',
    llmApiKey: str('LLM_API_KEY'),
    llmTurnBudgetMs: int('LLM_TURN_BUDGET_MS', 4000, 500, 12_000),
    smtp: parseSmtp(str, publicUrl, problems),
    digestLocalHour: int('DIGEST_LOCAL_HOUR', 7, 0, 23),
    ...parseRealtimeVoice(str, problems),
    backup: parseBackupConfig(str, int, bool, secretsKey, problems),
    retention: parseRetentionConfig(int),
    version: readVersion(),
    metricsToken,
    sentryDsn,
    sentryEnvironment: str('SENTRY_ENVIRONMENT') ?? appEnv,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
