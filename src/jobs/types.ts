import type { SendOptions } from 'pg-boss';
import type { BaseLogger } from 'pino';

export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  /** Aborted when shutdown's grace period ends with the handler still running. */
  signal: AbortSignal;
}

export type JobHandler<T extends object = object> = (data: T, job: JobContext) => Promise<unknown>;

export interface RegisterOptions {
  /** Attempts after the first failure. Default 3. */
  retryLimit?: number;
  /** Seconds before a retry (doubling with jitter when `retryBackoff`). Default 5. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job still active after this many seconds counts as failed (and is retried). Default 900. */
  expireInSeconds?: number;
  /** Handlers of this queue running at once in this process. Default 1. */
  localConcurrency?: number;
}

export type JobSendOptions = Pick<SendOptions, 'startAfter' | 'singletonKey' | 'singletonSeconds' | 'priority' | 'retryLimit' | 'retryDelay' | 'retryBackoff'>;

export interface JobState {
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  output: unknown;
}

export interface JobQueue {
  /** Declares a queue and its handler; before start(). */
  register<T extends object>(name: string, handler: JobHandler<T>, options?: RegisterOptions): void;
  /**
   * Sends a job to a registered queue on a 5-field cron expression, evaluated in UTC; before
   * start(). Resolution is one job per minute whatever the expression says, and instances share
   * the schedule: each occurrence is sent once, not once per process.
   */
  schedule(name: string, cron: string, data?: object): void;
  /** Enqueues one job; resolves to its id (null when a singleton key dropped it). */
  send(name: string, data?: object, options?: JobSendOptions): Promise<string | null>;
  findJob(name: string, id: string): Promise<JobState | null>;
  /** Installs or migrates the `pgboss` schema, creates the queues and, when working, starts the workers and schedules. */
  start(): Promise<void>;
  /** Stops fetching, waits for running handlers (up to the grace period), then returns. Idempotent. */
  stop(): Promise<void>;
}

export interface JobTiming {
  /**
   * How often an idle worker looks for due jobs (retries, delayed jobs). A new job wakes it at
   * once through NOTIFY. Default 5.
   */
  pollingIntervalSeconds?: number;
  /** How often schedules are evaluated (1 to 45). Default 30. */
  cronMonitorIntervalSeconds?: number;
  /** How often a due schedule's job is forwarded to its queue (1 to 45). Default 5. */
  cronWorkerIntervalSeconds?: number;
  /** How long stop() waits for running handlers before failing them (they are retried later). Default 5000. */
  stopTimeoutMs?: number;
}

/** Fastify's logger or a pino logger. */
export type JobLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
