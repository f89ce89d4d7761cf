import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The evaluation data as FORMAT.md describes it (eval/companies, eval/dev, eval/held-out). */
export interface Topic {
  entryQuestion?: string;
  source?: 'configuration';
  about?: string;
  keyFacts: string[];
}

export interface CompanyFile {
  slug: string;
  config: {
    company: { name: string; timeZone: string; tradeCategories?: string[] };
    booking?: { settings?: { weeklyHours?: Record<string, unknown> }; services?: { name: string }[] };
    [key: string]: unknown;
  };
  topics: Record<string, Topic>;
}

export interface Question {
  id: string;
  text: string;
  expect: { topic: string } | { abstain: true };
}

export interface CallScript {
  id: string;
  now: string;
  channel: 'phone' | 'widget';
  callerPhone?: string;
  lines: string[];
  expect: {
    outcome: 'booked' | 'message' | 'transfer' | 'no_booking' | 'answered';
    service?: string;
    localDate?: string;
    notBefore?: string;
    notAfter?: string;
    emergency?: boolean;
    mustMention?: string[];
  };
  note?: string;
}

export type Part = 'dev' | 'held-out';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function loadCompanies(root: string): CompanyFile[] {
  const dir = join(root, 'companies');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => readJson<CompanyFile>(join(dir, f)));
}

/**
 * The files of one kind for a company in a part: `<slug>.<kind>.json` and every later batch,
 * `<slug>.<batch>.<kind>.json`. `batch` keeps only one of them ('' is the first file).
 */
function batchFiles(dir: string, slug: string, kind: string, batch?: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${slug}.`) && f.endsWith(`.${kind}.json`))
    .filter((f) => {
      const name = f.slice(slug.length + 1, -`.${kind}.json`.length);
      return (name === '' || !name.includes('.')) && (batch === undefined || name === batch);
    })
    .sort()
    .map((f) => join(dir, f));
}

/** One part's questions and calls for a company, every batch of it (empty when the part has none for it). */
export function loadPart(root: string, part: Part, slug: string, batch?: string): { questions: Question[]; calls: CallScript[] } {
  const dir = join(root, part);
  return {
    questions: batchFiles(dir, slug, 'questions', batch).flatMap((f) => readJson<Question[]>(f)),
    calls: batchFiles(dir, slug, 'calls', batch).flatMap((f) => readJson<CallScript[]>(f)),
  };
}
