import autocannon from 'autocannon';
import { mainThreadCpuMs } from './thread-cpu.ts';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Load generator threads; 0 runs it on the main thread, beside the server. */
  workers: number;
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  failures: number;
  /** Main-thread CPU per request served, in µs (the server's own cost when it runs in this process). */
  cpuUsPerRequest: number;
}

/** Drives one URL with a fixed number of keep-alive connections for a bounded time. */
export async function measure(name: string, url: string, headers: Record<string, string>, options: LoadOptions): Promise<LoadResult> {
  const base = { url, headers, connections: options.connections, timeout: 10, ...(options.workers > 0 ? { workers: options.workers } : {}) };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  const cpuBefore = mainThreadCpuMs();
  const r = await autocannon({ ...base, duration: options.durationSeconds });
  const cpuMs = mainThreadCpuMs() - cpuBefore;
  return {
    name,
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
    cpuUsPerRequest: r.requests.total > 0 ? (cpuMs * 1000) / r.requests.total : Number.NaN,
  };
}
