import type { CallResult } from './calls-part.ts';
import type { QuestionResult } from './knowledge-part.ts';

/** The figures of one part (dev or held-out), and how they are printed and compared. */
export interface Figures {
  answerable: number;
  replyTop1: number;
  searchTop1: number;
  searchTop1Of: number;
  unanswerable: number;
  replyAbstain: number;
  searchAbstain: number;
  calls: Record<string, { n: number; passed: number }>;
  callsPassed: number;
  callsTotal: number;
  emergencies: number;
  emergenciesHandled: number;
  falseConfirmations: number;
  turnP50: number;
  turnP95: number;
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function figuresOf(questions: QuestionResult[], calls: CallResult[]): Figures {
  const answerable = questions.filter((q) => 'topic' in q.expect);
  const unanswerable = questions.filter((q) => 'abstain' in q.expect);
  const searched = answerable.filter((q) => q.searchTop1 !== null);
  const byOutcome: Figures['calls'] = {};
  for (const c of calls) {
    const o = (byOutcome[c.outcome] ??= { n: 0, passed: 0 });
    o.n += 1;
    if (c.passed) o.passed += 1;
  }
  const turns = calls.flatMap((c) => c.engineMs);
  return {
    answerable: answerable.length,
    replyTop1: answerable.filter((q) => q.verdict === 'correct').length,
    searchTop1: searched.filter((q) => q.searchTop1).length,
    searchTop1Of: searched.length,
    unanswerable: unanswerable.length,
    replyAbstain: unanswerable.filter((q) => q.verdict === 'abstained').length,
    searchAbstain: unanswerable.filter((q) => q.searchAbstained).length,
    calls: byOutcome,
    callsPassed: calls.filter((c) => c.passed).length,
    callsTotal: calls.length,
    emergencies: calls.filter((c) => c.emergency).length,
    emergenciesHandled: calls.filter((c) => c.emergencyHandled).length,
    falseConfirmations: calls.filter((c) => c.falseConfirmation).length,
    turnP50: quantile(turns, 0.5),
    turnP95: quantile(turns, 0.95),
  };
}

/** Rows of [label, value, percent or null]. */
function rows(f: Figures): [string, string, number | null][] {
  const r: [string, string, number | null][] = [
    ['knowledge top-1, reply', `${f.replyTop1}/${f.answerable}`, pct(f.replyTop1, f.answerable)],
    ['knowledge top-1, search (entry topics)', `${f.searchTop1}/${f.searchTop1Of}`, pct(f.searchTop1, f.searchTop1Of)],
    ['correct abstain, reply', `${f.replyAbstain}/${f.unanswerable}`, pct(f.replyAbstain, f.unanswerable)],
    ['correct abstain, search', `${f.searchAbstain}/${f.unanswerable}`, pct(f.searchAbstain, f.unanswerable)],
    ['calls in expected outcome', `${f.callsPassed}/${f.callsTotal}`, pct(f.callsPassed, f.callsTotal)],
  ];
  for (const [outcome, o] of Object.entries(f.calls).sort()) r.push([`  calls expected ${outcome}`, `${o.passed}/${o.n}`, pct(o.passed, o.n)]);
  r.push(
    ['emergencies handled', `${f.emergenciesHandled}/${f.emergencies}`, pct(f.emergenciesHandled, f.emergencies)],
    ['bookings confirmed that do not exist', String(f.falseConfirmations), null],
    ['turn latency p50 / p95 (engine ms)', `${f.turnP50} / ${f.turnP95}`, null],
  );
  return r;
}

export function printFigures(part: string, f: Figures, previous: Figures | undefined): string {
  const before = previous ? new Map(rows(previous).map(([label, value, p]) => [label, { value, p }])) : new Map();
  const lines = [`\n${part}`, `${'measure'.padEnd(42)}${'now'.padEnd(18)}change against the last recorded run`];
  for (const [label, value, p] of rows(f)) {
    const now = p === null ? value : `${value} (${p}%)`;
    const old = before.get(label);
    const change = !old ? '-' : p !== null && old.p !== null ? `${p - old.p >= 0 ? '+' : ''}${Math.round((p - old.p) * 10) / 10} pts (was ${old.value})` : `was ${old.value}`;
    lines.push(`${label.padEnd(42)}${now.padEnd(18)}${change}`);
  }
  return lines.join('\n');
}
