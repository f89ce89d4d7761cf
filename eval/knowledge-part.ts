import { DateTime } from 'luxon';
import { chatWith, type EvalCompany } from './harness.ts';
import { judgeReply, type KnowledgeVerdict } from './judge.ts';
import type { CompanyFile, Question } from './data.ts';

/**
 * Knowledge questions: each is the first thing the caller says after the greeting, through the
 * real agent (the web chat runs the same turn runner, engine and tools as a phone call), at an
 * hour the company is open. Judged on the reply; the search endpoint's top hit is recorded too.
 */
export interface QuestionResult {
  id: string;
  expect: Question['expect'];
  verdict: KnowledgeVerdict;
  /** For an entry topic: whether the search endpoint ranked its entry first (answerable or not); null otherwise. */
  searchTop1: boolean | null;
  /** For an unanswerable question: whether search said nothing is good enough. */
  searchAbstained: boolean | null;
  reply: string;
  /** The search's best hits, for the development part's details. */
  hits: string;
  ms: number;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** An hour after the company opens on the first open weekday from Tuesday 10 March 2026. */
export function openMoment(document: CompanyFile['config']): Date {
  const hours = (document.booking?.settings?.weeklyHours ?? {}) as Record<string, { start: string }[] | undefined>;
  let day = DateTime.fromISO('2026-03-10T00:00', { zone: document.company.timeZone });
  for (let i = 0; i < 7; i++, day = day.plus({ days: 1 })) {
    const ranges = hours[DAYS[day.weekday - 1]!];
    if (ranges && ranges.length > 0) {
      const [h, m] = ranges[0]!.start.split(':').map(Number) as [number, number];
      return day.set({ hour: h + 1, minute: m }).toJSDate();
    }
  }
  return day.set({ hour: 10 }).toJSDate();
}

export async function runQuestions(c: EvalCompany, company: CompanyFile, questions: Question[], visitorBase: number): Promise<QuestionResult[]> {
  c.setClock(openMoment(company.config));
  const results: QuestionResult[] = [];
  let visitor = visitorBase;
  for (const q of questions) {
    const chat = chatWith(c, 'web', visitor++);
    await chat.send();
    const started = performance.now();
    const reply = (await chat.send(q.text)).say;
    const ms = performance.now() - started;
    const search = await c.app.inject({ method: 'GET', url: `/api/companies/${c.companyId}/knowledge/search?q=${encodeURIComponent(q.text)}&limit=3`, headers: c.owner });
    const found = search.json() as { answerable: boolean; results: { question: string; score: number; source: string }[] };
    const topic = 'topic' in q.expect ? company.topics[q.expect.topic] : undefined;
    results.push({
      id: q.id,
      expect: q.expect,
      verdict: judgeReply(reply, q.expect, company.topics),
      searchTop1: topic?.entryQuestion ? found.results[0]?.question === topic.entryQuestion : null,
      searchAbstained: 'abstain' in q.expect ? !found.answerable : null,
      reply,
      hits: found.results.map((r) => `${r.score} ${r.source} ${r.question}`).join(' | '),
      ms,
    });
  }
  return results;
}
