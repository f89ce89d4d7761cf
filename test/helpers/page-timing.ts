import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * How long each page took from navigation to its data on screen, written beside the
 * screenshots for the report. Recorded, never asserted: speed goes to benchmarks, not tests.
 */
const timings: Record<string, number[]> = {};

export function recordTiming(page: string, ms: number): void {
  (timings[page] ??= []).push(ms);
}

export function writeTimings(suite: string): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/page-timings-${suite}.json`, `${JSON.stringify(timings, null, 2)}\n`);
}
