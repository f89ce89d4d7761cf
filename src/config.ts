import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The only reader of process.env. Parsed and validated once at boot; every problem is
 * collected so the operator sees the whole list at once instead of fixing one per restart.
 */
export type AppEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  env: AppEnv;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A real server only: how long a request waits for a new connection before answering 503. */
  dbConnectTimeoutMs: number;
  /** A real server only: the longest one statement may run, and may wait for a lock. */
  dbStatementTimeoutMs: number;
  dbLockTimeoutMs: number;
  publicUrl: string;
  sessionSecret: string;
  secretsKey: Buffer;
  /** The version new ciphertexts are written under (their `v<n>:` prefix). */
  secretsKeyVersion: number;
  /** Earlier keys, still accepted for decryption until `npm run secrets:rotate` has run. */
  secretsKeysPrevious: Array<{ version: number; key: Buffer }>;
  sessionTtlHours: number;
  adminEmail: string;
  adminPassword: string | undefined;
  demoPassword: string;
  seedDemo: boolean;
  logLevel: LogLevel;
  rateLimitAuthPerMinute: number;
  rateLimitApiPerMinute: number;
  /**
   * Which proxies' X-Forwarded-For is believed: false (none), a hop count, or the proxies'
   * addresses/CIDRs. Never "any": a client could then choose its own address for every limit.
   */
  trustProxy: false | number | string[];
  /** Anonymous (public widget) conversations a company may receive per company-local day. */
  anonConversationsPerCompanyPerDay: number;
  /** Anonymous booking requests per company, and per visitor phone number, per company-local day. */
  anonBookingsPerCompanyPerDay: number;
  anonBookingsPerPhonePerDay: number;
  /** Widget turns a company's language model may answer per company-local day; then the embedded engine answers. */
  anonModelTurnsPerCompanyPerDay: number;
  /** How long an anonymous booking request keeps its slot while the company has not confirmed it. */
  anonRequestHoldMinutes: number;
  /**
   * The longest a shutdown (SIGTERM/SIGINT) may take: in-flight requests, the job queue and the
   * database get until then to finish, then the process exits with code 1 regardless.
   */
  shutdownTimeoutMs: number;
  /** This process works queued jobs and runs their schedules; when false it only enqueues them. */
  jobsEnabled: boolean;
  /** The platform's Twilio auth token: checks webhook signatures for companies without their own. */
  twilioAuthToken: string | undefined;
  /** For sending SMS through Twilio's REST API. */
  twilioAccountSid: string | undefined;
  twilioApiBaseUrl: string;
  /** Everything one call turn may take, engine and speech together (Twilio waits 15 s). */
  turnBudgetMs: number;
  /** ElevenLabs REST API base (tests point it at a loopback stub). */
  elevenLabsBaseUrl: string;
  /** The platform's ElevenLabs key, for companies without their own. A secret: never logged. */
  elevenLabsApiKey: string | undefined;
  /** How long a call turn waits for ElevenLabs before speaking with <Say> instead. */
  speechBudgetMs: number;
  /** Consecutive ElevenLabs failures (per key) that open the circuit, and how long it stays open. */
  speechBreakerFailures: number;
  speechBreakerCooldownMs: number;
  /** In-process cache of recent audio, in megabytes (the database holds the rest). */
  speechMemoryCacheMb: number;
  /** OpenAI-compatible chat-completions base URL; unset turns the language-model engine off. */
  llmBaseUrl: string | undefined;
  llmModel: string;
  /** The platform's model key, for companies without their own. A secret: never logged. */
  llmApiKey: string | undefined;
  /** How long a call turn waits for the model before the embedded engine answers instead. */
  llmTurnBudgetMs: number;
  version: string;
}

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
    version: readVersion(),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?$/;

/**
 * `TRUST_PROXY`: unset or false trusts no proxy; a number trusts that many hops in front of the
 * app; a comma-separated list trusts those proxy addresses/CIDRs. `true` is refused: it would
 * believe any client's X-Forwarded-For, and every per-address limit would be the client's choice.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  if (raw === undefined || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) {
    problems.push('TRUST_PROXY=true would trust any client\'s X-Forwarded-For (every per-address limit could be bypassed); set the number of proxy hops in front of the app (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1)');
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY hop count must be between 0 and 10 (got "${raw}")`);
    return hops;
  }
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !IPV4_OR_CIDR.test(e) && !IPV6_OR_CIDR.test(e));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY must be false, a hop count or a comma-separated list of proxy addresses/CIDRs (not "${bad.join(', ') || raw}")`);
    return false;
  }
  return entries;
}

/**
 * `SECRETS_KEY_PREVIOUS`: comma-separated `<version>:<key>` pairs, the keys that encrypted
 * secrets before the current one. Versions are distinct and differ from SECRETS_KEY_VERSION.
 */
function parsePreviousKeys(raw: string | undefined, currentVersion: number, problems: string[]): Array<{ version: number; key: Buffer }> {
  if (raw === undefined) return [];
  const keys: Array<{ version: number; key: Buffer }> = [];
  raw.split(',').map((s) => s.trim()).filter(Boolean).forEach((entry, i) => {
    const m = /^(\d{1,7}):(.+)$/.exec(entry);
    const key = m ? decodeKey(m[2]!.trim()) : undefined;
    const version = m ? Number(m[1]) : NaN;
    if (!m || key === undefined || version < 1) {
      problems.push(`SECRETS_KEY_PREVIOUS entry ${i + 1} must be <version>:<32-byte key as base64 or 64 hex characters>`);
    } else if (version === currentVersion || keys.some((k) => k.version === version)) {
      problems.push(`SECRETS_KEY_PREVIOUS entry ${i + 1} reuses key version ${version} (each version names one key; SECRETS_KEY is version ${currentVersion})`);
    } else {
      keys.push({ version, key });
    }
  });
  return keys;
}

function decodeKey(raw: string): Buffer | undefined {
  const buf = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  return buf.length === 32 ? buf : undefined;
}

interface DevSecrets {
  sessionSecret: string;
  secretsKey: string;
  twilioAuthToken: string;
}

let cachedDevSecrets: DevSecrets | undefined;

function loadDevSecrets(dataDir: string): DevSecrets {
  if (cachedDevSecrets) return cachedDevSecrets;
  const file = join(dataDir, 'dev-secrets.json');
  const stored: Partial<DevSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>) : {};
  const secrets: DevSecrets = {
    sessionSecret: stored.sessionSecret ?? randomBytes(32).toString('base64url'),
    secretsKey: stored.secretsKey ?? randomBytes(32).toString('base64'),
    // Added after the first two: older files gain it on their next start.
    twilioAuthToken: stored.twilioAuthToken ?? randomBytes(16).toString('hex'),
  };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  cachedDevSecrets = secrets;
  return secrets;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
