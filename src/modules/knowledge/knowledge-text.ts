import { AppError } from '../../errors.ts';
import { plainWords } from './retrieval/speech-text.ts';

/** A question and answer as a company or an admin writes them, before cleaning. */
export interface EntryInput {
  question: string;
  answer: string;
  alternatives?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  enabled?: boolean | undefined;
}

export interface EntryValues {
  question: string;
  answer: string;
  alternatives: string[];
  tags: string[];
  enabled: boolean;
  search_text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function uniqueBy(values: readonly string[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((v) => v !== '' && !seen.has(key(v)) && Boolean(seen.add(key(v))));
}

/** What full-text and trigram search read: the question and its alternatives in plain lower-case words. */
export const searchTextOf = (question: string, alternatives: readonly string[]): string =>
  [question, ...alternatives].map((t) => plainWords(t).join(' ')).filter((t) => t !== '').join(' / ');

/** Phrasings that differ only in case or punctuation are one phrasing. */
export const phrasingKey = (text: string): string => plainWords(text).join(' ');

export const cleanAlternatives = (question: string, alternatives: readonly string[]): string[] =>
  uniqueBy(alternatives.map(squash), phrasingKey).filter((a) => phrasingKey(a) !== phrasingKey(question));

export const cleanTags = (tags: readonly string[]): string[] => uniqueBy(tags.map((t) => squash(t).toLowerCase()), (v) => v);

/** Required text that is only whitespace is as missing as no text: a 400 naming the field. */
export function requiredText(value: string, field: string): string {
  const v = squash(value);
  if (v === '') throw new AppError('VALIDATION_FAILED', `${field} must not be blank`, { fields: [{ field, message: 'must not be blank' }] });
  return v;
}

/** The answer keeps its line breaks (it may be read out in parts); only the ends are trimmed. */
export function requiredAnswer(value: string, field = 'answer'): string {
  const v = value.trim();
  if (v === '') throw new AppError('VALIDATION_FAILED', `${field} must not be blank`, { fields: [{ field, message: 'must not be blank' }] });
  return v;
}

export function entryValues(input: EntryInput): EntryValues {
  const question = requiredText(input.question, 'question');
  const alternatives = cleanAlternatives(question, input.alternatives ?? []);
  return {
    question,
    answer: requiredAnswer(input.answer),
    alternatives,
    tags: cleanTags(input.tags ?? []),
    enabled: input.enabled ?? true,
    search_text: searchTextOf(question, alternatives),
  };
}

/** A patch applied on top of the stored entry, so search_text always follows question and alternatives. */
export function patchValues(current: { question: string; alternatives: string[] }, patch: Partial<EntryInput>): Partial<EntryValues> {
  const question = patch.question === undefined ? current.question : requiredText(patch.question, 'question');
  const alternatives = patch.alternatives === undefined ? current.alternatives : cleanAlternatives(question, patch.alternatives);
  return {
    question,
    alternatives,
    search_text: searchTextOf(question, alternatives),
    ...(patch.answer !== undefined ? { answer: requiredAnswer(patch.answer) } : {}),
    ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
  };
}
