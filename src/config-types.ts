import type { SmtpConfig } from './config-mail.ts';
import type { RealtimeVoiceConfig } from './config-voice.ts';
import type { BackupConfig, RetentionConfig } from './config-backup.ts';

/** The application's settings as `loadConfig` (src/config.ts) hands them out. */
export type AppEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config extends RealtimeVoiceConfig {
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
   * Where the rate-limit counters of every app process live when set; otherwise in the
   * PostgreSQL server's platform.rate_limit_counters, or in memory on PGlite (one process).
   */
  redisUrl: string | undefined;
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
  /** Outgoing email (the daily digest); undefined: no SMTP server configured, no email sent. */
  smtp: SmtpConfig | undefined;
  /** The company-local hour from which the day's digest is sent (default 7). */
  digestLocalHour: number;
  /** Backups (src/backup/) and their encryption key. */
  backup: BackupConfig;
  /** How long personal data and cached speech are kept. */
  retention: RetentionConfig;
  version: string;
  /**
   * Bearer token that /metrics requires. Unset: /metrics answers only to a direct connection
   * from loopback (no proxy header), so a public deployment never exposes it by accident.
   */
  metricsToken: string | undefined;
  /** Sentry (or a compatible server) DSN; unset turns error reporting off. A secret: never logged. */
  sentryDsn: string | undefined;
  /** The environment name errors are reported under (default: NODE_ENV). */
  sentryEnvironment: string;
}
