import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCalls, type CallResult } from './calls-part.ts';
import { loadCompanies, loadPart, type Part } from './data.ts';
import { startCompany } from './harness.ts';
import { runQuestions, type QuestionResult } from './knowledge-part.ts';
import { figuresOf, printFigures, type Figures } from './report.ts';

/**
 * `npm run eval`: the blind evaluation. For each company of eval/companies, and each part
 * (dev, then held-out), a fresh application and database, the configuration imported, the
 * knowledge questions asked and the whole calls played (see knowledge-part.ts, calls-part.ts).
 * Prints the figures of each part with the change against eval/last-run.json, then records
 * them there (a full run only; `-- --part dev` runs the development part alone, `-- --part dev
 * --batch b2` one batch of its files, `-- --knowledge` the knowledge questions alone).
 *
 * Only the development part's details (every reply judged wrong, every failed call's
 * transcript) are written, to eval/out/dev.txt: the held-out part is only ever counted.
 */
const HERE = new URL('.', import.meta.url).pathname;
// EVAL_DATA_DIR: another copy of the data (same layout), e.g. to try the runner on a scratch set.
const ROOT = process.env.EVAL_DATA_DIR ?? HERE;
const LAST_RUN = join(HERE, 'last-run.json');
const partArg = process.argv.indexOf('--part');
const parts: Part[] = partArg > 0 ? [process.argv[partArg + 1] as Part] : ['dev', 'held-out'];
// `-- --part dev --batch b2`: one batch of the part's files alone (FORMAT.md), e.g. to score a new one before tuning on it.
const batchArg = process.argv.indexOf('--batch');
const batch = batchArg > 0 ? (process.argv[batchArg + 1] ?? '') : undefined;
// `-- --knowledge`: the knowledge questions alone (no whole calls), e.g. while tuning retrieval.
const knowledgeOnly = process.argv.includes('--knowledge');

interface Recorded {
  at: string;
  note?: string;
  figures: Partial<Record<Part, Figures>>;
}

function details(questions: QuestionResult[], calls: CallResult[]): string {
  const out: string[] = [];
  for (const q of questions.filter((x) => x.verdict !== 'correct')) {
    out.push(`Q ${q.id} [${q.verdict}] expect ${JSON.stringify(q.expect)} search-top1=${q.searchTop1}\n  reply: ${q.reply}\n  hits: ${q.hits}`);
  }
  for (const c of calls.filter((x) => !x.passed)) out.push(`C ${c.id} [${c.outcome}] ${c.problems.join('; ')}\n  ${c.transcript.join('\n  ')}`);
  return out.join('\n\n');
}

async function runPart(part: Part): Promise<{ figures: Figures; questions: QuestionResult[]; calls: CallResult[] }> {
  const questions: QuestionResult[] = [];
  const calls: CallResult[] = [];
  for (const [i, company] of loadCompanies(ROOT).entries()) {
    const data = loadPart(ROOT, part, company.slug, batch);
    if (data.questions.length + data.calls.length === 0) continue;
    const c = await startCompany(company.config, i);
    try {
      questions.push(...(await runQuestions(c, company, data.questions, 1)));
      if (!knowledgeOnly) calls.push(...(await runCalls(c, data.calls, 100_000)));
    } finally {
      await c.close();
    }
  }
  return { figures: figuresOf(questions, calls), questions, calls };
}

async function main(): Promise<void> {
  const last = existsSync(LAST_RUN) ? (JSON.parse(readFileSync(LAST_RUN, 'utf8')) as Recorded) : undefined;
  const recorded: Recorded = { at: new Date().toISOString(), figures: {} };
  const printed: string[] = [];
  if (last) printed.push(`Compared with the run recorded ${last.at}${last.note ? ` (${last.note})` : ''}.`);
  for (const part of parts) {
    const { figures, questions, calls } = await runPart(part);
    recorded.figures[part] = figures;
    printed.push(printFigures(part, figures, last?.figures[part]));
    if (part === 'dev') {
      mkdirSync(join(HERE, 'out'), { recursive: true });
      writeFileSync(join(HERE, 'out', 'dev.txt'), details(questions, calls));
    }
  }
  process.stdout.write(`${printed.join('\n')}\n`);
  if (parts.length === 2 && batch === undefined && !knowledgeOnly && !process.env.EVAL_DATA_DIR) {
    if (process.env.EVAL_NOTE) recorded.note = process.env.EVAL_NOTE;
    writeFileSync(LAST_RUN, `${JSON.stringify(recorded, null, 2)}\n`);
  }
}

await main();
