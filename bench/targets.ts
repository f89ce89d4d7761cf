import { availableParallelism, loadavg } from 'node:os';

/** One line of the benchmark's table: a target of issue 13 (or a figure shown beside them). */
export interface TargetRow {
  target: string;
  /** What was measured, formatted ("1,234 req/s, p99 80 ms"). */
  measured: string;
  /** The aim ("≥ 1,500 req/s, p99 ≤ 100 ms"), or '' for a figure shown for context. */
  goal: string;
  /** null: no aim, only measured. */
  pass: boolean | null;
  /** Against the same run's baseline (bare Fastify, or the named floor). */
  vsBaseline: string;
}

const MARK = 'BENCH_TARGETS ';

export const loadAverage = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
export const machine = (): string => `${availableParallelism()} cores, load average ${loadAverage()}`;

/**
 * A suite's results: under `npm run bench` (bench/run.ts) one marked line the runner gathers
 * into its single table; run alone, the suite's own table.
 */
export function reportTargets(suite: string, rows: TargetRow[]): void {
  if (process.env.BENCH_RUNNER === '1') {
    console.log(MARK + JSON.stringify({ suite, loadAverage: loadAverage(), rows }));
    return;
  }
  console.log(`\n${suite} (${machine()})`);
  printTargets(rows.map((r) => ({ ...r, suite })));
}

export function parseTargets(line: string): { suite: string; loadAverage: string; rows: TargetRow[] } | null {
  return line.startsWith(MARK) ? (JSON.parse(line.slice(MARK.length)) as { suite: string; loadAverage: string; rows: TargetRow[] }) : null;
}

export function printTargets(rows: (TargetRow & { suite: string; loadAverage?: string })[]): void {
  const verdict = (p: boolean | null) => (p === null ? '' : p ? 'PASS' : 'MISS');
  const header = ['suite', 'target', 'measured', 'goal', '', 'vs baseline (same run)', ...(rows.some((r) => r.loadAverage) ? ['load avg at end'] : [])];
  const cells = rows.map((r) => [r.suite, r.target, r.measured, r.goal, verdict(r.pass), r.vsBaseline, ...(r.loadAverage ? [r.loadAverage] : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const reqs = (n: number): string => `${int.format(n)} req/s`;
export const millis = (n: number): string => (Number.isNaN(n) ? '-' : `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`);
export const times = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}x` : '-');
