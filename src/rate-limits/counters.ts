/**
 * Hit counters in fixed windows, the state behind every rate limit (the per-route and per-company
 * API limits, the bad-signature windows of the Twilio webhooks and voice sockets). Where they live
 * decides whether several app processes share them (see connect-counters.ts).
 */
export interface Count {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Until the window ends (ms). */
  ttlMs: number;
}

export type CounterKind = 'memory' | 'postgres' | 'redis';

export interface CounterStore {
  readonly kind: CounterKind;
  /**
   * Counts one hit against `key`, atomically however many processes count at once: the first
   * hit of a window (or the first after it ended) opens a new one of `windowMs`.
   */
  hit(key: string, windowMs: number): Promise<Count>;
  /** The count of `key`'s live window without adding to it; null when it has none. */
  peek(key: string): Promise<Count | null>;
  /** Forgets ended windows (a job on PostgreSQL; memory and Redis forget by themselves). */
  sweep(): Promise<number>;
  close(): Promise<void>;
}
