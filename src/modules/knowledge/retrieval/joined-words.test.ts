import { describe, expect, it } from 'vitest';
import { analyze, buildLexicon } from './lexicon.ts';
import { finalScore, scoreCandidates } from './score.ts';

const lexicon = buildLexicon([['price', 'how much', 'cost']]);
const entry = (question: string, answer = 'An answer.') => ({ phrasings: [analyze(question, lexicon)], answer: analyze(answer, lexicon) });
const kb = [
  entry('Do you install sunroom skylights?', 'Yes, in every size.'),
  entry('Do you sell dehumidifiers?', 'We carry two brands.'),
  entry('Which shingle brands do you carry?', 'We install GoldenRidge and Stormshield shingles.'),
];
const score = (said: string) => scoreCandidates(analyze(said, lexicon), kb).map((s) => finalScore(s));

describe('a word the recogniser split in two or merged', () => {
  it('meets the entry word when split ("sky lights" for "skylights")', () => {
    const split = score('do you install sunroom sky lights');
    expect(split[0]).toBeGreaterThan(score('do you install sunroom windows')[0]!);
    expect(Math.max(...split)).toBe(split[0]);
  });

  it('meets the entry words when merged ("sunroom" heard as one word for "sun room")', () => {
    const s = scoreCandidates(analyze('can you put skylights in a sunroom', lexicon), [entry('Do you install skylights in a sun room?'), entry('Do you sell dehumidifiers?')]);
    const apart = scoreCandidates(analyze('can you put skylights in a bedroom', lexicon), [entry('Do you install skylights in a sun room?'), entry('Do you sell dehumidifiers?')]);
    expect(s[0]).toBeGreaterThan(apart[0]!);
  });

  it('meets a brand named only in the answer, even split ("golden ridge")', () => {
    const s = score('do you guys use golden ridge or storm shield');
    expect(Math.max(...s)).toBe(s[2]);
  });

  it('does not join two ordinary words into a near word', () => {
    expect(score('do you sell de humidifiers')[1]).toBeGreaterThan(0);
    expect(score('what time do you open at work')[2]).toBe(0);
  });
});
