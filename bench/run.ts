import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadAverage, machine, parseTargets, printTargets, type TargetRow } from './targets.ts';

/**
 * `npm run bench`: every suite in turn, each in a process of its own (one app at a time on
 * the machine), then ONE table of every target of issue 13 with PASS/MISS, each beside the
 * baseline measured in the same suite run, and the load average when each suite ended (the
 * machine is shared: absolute figures move with it, ratios and CPU per request much less).
 * BENCH_DATABASE_URL runs the database suites against that PostgreSQL server.
 * BENCH_ONLY=http,calls runs some suites only.
 */
const SUITES: { name: string; script: string }[] = [
  { name: 'engine', script: 'bench/availability.bench.ts' },
  { name: 'http', script: 'bench/http.bench.ts' },
  { name: 'calls', script: 'bench/calls.bench.ts' },
  { name: 'knowledge', script: 'bench/knowledge.bench.ts' },
  { name: 'analytics', script: 'bench/analytics.bench.ts' },
  { name: 'voice', script: 'bench/voice.bench.ts' },
  { name: 'voice-stream', script: 'bench/voice-stream.bench.ts' },
  // Further suites append a line here and call reportTargets() (bench/targets.ts).
];

async function runSuite(script: string): Promise<{ code: number; reports: NonNullable<ReturnType<typeof parseTargets>>[] }> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, BENCH_RUNNER: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const reports: NonNullable<ReturnType<typeof parseTargets>>[] = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const report = parseTargets(line);
    if (report) reports.push(report);
    else console.log(`  ${line}`);
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return { code, reports };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
  const started = loadAverage();
  const rows: (TargetRow & { suite: string; loadAverage: string })[] = [];
  let failed = false;
  for (const suite of SUITES.filter((s) => !only || only.has(s.name))) {
    console.log(`== ${suite.name} (${suite.script}), load average ${loadAverage()}`);
    const { code, reports } = await runSuite(suite.script);
    if (code !== 0) failed = true;
    for (const r of reports) rows.push(...r.rows.map((row) => ({ ...row, suite: r.suite, loadAverage: r.loadAverage })));
    if (reports.length === 0) rows.push({ suite: suite.name, target: `${suite.script} reported nothing`, measured: `exit code ${code}`, goal: '', pass: false, vsBaseline: '', loadAverage: loadAverage() });
  }
  console.log(`\nTargets of issue 13 (${machine()}; load average when the run began: ${started})`);
  printTargets(rows);
  const missed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${rows.filter((r) => r.pass === true).length} PASS, ${missed} MISS`);
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
