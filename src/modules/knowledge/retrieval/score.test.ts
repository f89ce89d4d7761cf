import { describe, expect, it } from 'vitest';
import { analyze, buildLexicon } from './lexicon.ts';
import { ANSWERABLE_SCORE, finalScore, isAnswerable, isAnswerableTop, scoreCandidates, wordSimilarity } from './score.ts';

const lexicon = buildLexicon([
  ['water heater', 'hot water tank'],
  ['price', 'how much', 'cost', 'charge'],
  ['install', 'put in'],
  ['fix', 'repair'],
]);
const entry = (question: string, answer = 'An answer.', alternatives: string[] = []) => ({
  phrasings: [question, ...alternatives].map((p) => analyze(p, lexicon)),
  answer: analyze(answer, lexicon),
});
const KB = [
  entry('How much does it cost to replace a water heater?', 'A new water heater installed costs 1,600 to 2,400 dollars.'),
  entry('Do you fix garbage disposals?', 'Yes, we repair and replace garbage disposals.'),
  entry('What are your hours?', 'Monday to Friday 7 to 7.', ['When are you open?']),
  entry('Do you install water softeners?', 'Yes, and we test your water first.'),
];
const scores = (said: string) => scoreCandidates(analyze(said, lexicon), KB).map((s) => finalScore(s));

describe('scoreCandidates', () => {
  it('scores a caller asking an entry in other words above the threshold, and that entry first', () => {
    const s = scores('um how much for a new hot water tank');
    expect(Math.max(...s)).toBe(s[0]);
    expect(isAnswerable(s[0]!)).toBe(true);
  });

  it('matches an alternative phrasing as well as the question', () => {
    const s = scores('when are you guys open');
    expect(s[2]).toBeGreaterThan(0.8);
  });

  it('gives nothing to entries that share no topic with the caller, and abstains', () => {
    const s = scores('do you clean chimneys');
    expect(s.every((x) => !isAnswerable(x))).toBe(true);
    expect(s[0]).toBe(0);
  });

  it('does not let a shared action alone ("install") make an answer', () => {
    const s = scores('do you install solar panels');
    expect(s.every((x) => x < ANSWERABLE_SCORE)).toBe(true);
  });

  it('forgives a small misspelling by trigram similarity', () => {
    const near = scores('do you fix garbage disposels')[1]!;
    const far = scores('do you fix garbage trucks')[1]!;
    expect(near).toBeGreaterThan(far);
  });

  it('stays between 0 and 1', () => {
    for (const said of ['', 'water', 'how much how much how much', 'what are your hours when are you open']) {
      for (const s of scores(said)) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('wordSimilarity and finalScore', () => {
  it('computes pg_trgm similarity for single words', () => {
    expect(wordSimilarity('word', 'word')).toBe(1);
    expect(wordSimilarity('warranty', 'warrantee')).toBeGreaterThan(0.5);
    expect(wordSimilarity('cat', 'dog')).toBe(0);
  });

  it('blends in a little trigram similarity and never lifts a score by more than that', () => {
    expect(finalScore(0.8, 1)).toBeCloseTo(0.81, 3);
    expect(finalScore(0.8)).toBeCloseTo(0.76, 3);
    expect(finalScore(0.8, 1) - finalScore(0.8, 0)).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});

describe('a clear winner below the line', () => {
  it("answers with the company's own entry well ahead of the next, never with a generic one or a close call", () => {
    expect(isAnswerableTop({ score: 0.3, source: 'company' }, { score: 0.15 })).toBe(true);
    expect(isAnswerableTop({ score: 0.3, source: 'company' }, undefined)).toBe(false);
    expect(isAnswerableTop({ score: 0.3, source: 'company' }, { score: 0.26 })).toBe(false);
    expect(isAnswerableTop({ score: 0.3, source: 'trade' }, { score: 0.1 })).toBe(false);
    expect(isAnswerableTop({ score: 0.2, source: 'company' }, undefined)).toBe(false);
    expect(isAnswerableTop({ score: ANSWERABLE_SCORE, source: 'trade' }, { score: ANSWERABLE_SCORE })).toBe(true);
  });
});
