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

/** One part's questions and calls for a company (empty when the part has none for it). */
export function loadPart(root: string, part: Part, slug: string): { questions: Question[]; calls: CallScript[] } {
  const file = (kind: string) => join(root, part, `${slug}.${kind}.json`);
  return {
    questions: existsSync(file('questions')) ? readJson<Question[]>(file('questions')) : [],
    calls: existsSync(file('calls')) ? readJson<CallScript[]>(file('calls')) : [],
  };
}
