import { describe, expect, it } from 'vitest';
import { analyze, buildLexicon } from './lexicon.ts';
import { phrasingSlots } from './phrasing-slots.ts';
import { ANSWERABLE_SCORE, finalScore, isAnswerable, isAnswerableTop, preferOwnOnNearTie, scoreCandidates, wordSimilarity } from './score.ts';

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

describe('phrasings that name alternatives', () => {
  const kb = [
    entry('Do you build decks or fences?', 'We build both, in cedar or composite.'),
    entry('Do you build sheds?', 'Not any more.'),
  ];
  const score = (said: string) => scoreCandidates(analyze(said, lexicon), kb).map((s) => finalScore(s));

  it('lets a caller who names one of the joined terms ask the whole question', () => {
    const fence = score('do you build fences')[0]!;
    expect(isAnswerable(fence)).toBe(true);
    expect(fence).toBeCloseTo(score('do you build decks')[0]!, 2);
    expect(phrasingSlots(analyze('Can I cancel or move my visit?', lexicon)).map((slot) => [...slot])).toEqual([['cancel', 'mov'], ['visit']]);
  });

  it('joins nothing in a question asking to choose, and helps no caller who names neither', () => {
    const slots = (q: string) => phrasingSlots(analyze(q, lexicon)).map((slot) => [...slot]);
    expect(slots('Should I repair or replace my boiler?')).toEqual([['~fix'], ['replac'], ['boiler']]);
    expect(slots('Which is better, gas or electric?').some((slot) => slot.length > 1)).toBe(false);
    const joined = [entry('Do you build decks or fences?'), entry('Do you build sheds?')];
    const apart = [entry('Do you build decks, fences?'), entry('Do you build sheds?')];
    const said = analyze('do you build pergolas', lexicon);
    expect(scoreCandidates(said, joined)[0]).toBeCloseTo(scoreCandidates(said, apart)[0]!, 6);
  });

  it('still wants the words outside the alternatives', () => {
    expect(score('do you build fences')[1]).toBeLessThan(ANSWERABLE_SCORE);
  });
});

describe("the company's own entry and a generic one asked the same way", () => {
  const own = { ...entry('How do I thaw a frozen water heater?', 'Call us, we come the same day.'), source: 'company' as const };
  const generic = { ...entry('How do I thaw a frozen water heater?', 'Warm it slowly with a hair dryer.'), source: 'trade' as const };
  const other = { ...entry('Do you fix garbage disposals?', 'Yes.'), source: 'trade' as const };

  it("answers with the company's entry, at the better of the two scores, and not the generic one", () => {
    const [ownScore, genericScore, otherScore] = scoreCandidates(analyze('how do you thaw a hot water tank that froze', lexicon), [own, generic, other]);
    const alone = scoreCandidates(analyze('how do you thaw a hot water tank that froze', lexicon), [generic, other])[0]!;
    expect(genericScore).toBe(0);
    expect(ownScore).toBeGreaterThan(0);
    expect(ownScore).toBeGreaterThanOrEqual(alone - 0.1);
    expect(otherScore).toBe(0);
  });

  it("puts the company's own entry first when a generic one on the same topic scores only a little more", () => {
    const said = analyze('should i reseal my leaking roof vent', lexicon);
    const ownVent = entry('Do I need to reseal a leaking roof vent?', 'Call us first: we check the flashing for free.');
    const genericVent = { ...entry('Should I reseal a leaking roof vent?', 'Reseal the flashing.'), source: 'trade' as const };
    const [asGeneric, generic] = scoreCandidates(said, [{ ...ownVent, source: 'trade' }, genericVent]);
    expect(generic).toBeGreaterThan(asGeneric!);
    const [ownScore, genericScore] = scoreCandidates(said, [{ ...ownVent, source: 'company' }, genericVent]);
    expect(ownScore).toBeCloseTo(asGeneric!, 6);
    expect(genericScore).toBeLessThan(ownScore!);
  });

  it('leaves a generic entry that clearly wins first', () => {
    const ownPrice = { ...entry('How much does a new boiler cost?', 'From 4,000 dollars.'), source: 'company' as const };
    const genericChoice = { ...entry('Should I repair or replace my old boiler?', 'Replace it past 15 years.'), source: 'trade' as const };
    const [ownScore, genericScore] = scoreCandidates(analyze('should i repair or replace my old boiler', lexicon), [ownPrice, genericChoice]);
    expect(genericScore).toBeGreaterThan(ownScore!);
  });

  it('keeps a generic entry on another question', () => {
    const [, , disposal] = scoreCandidates(analyze('can you fix my garbage disposal', lexicon), [own, generic, other]);
    expect(disposal).toBeGreaterThan(0);
  });
});


describe('a concept said in several words and its last word said alone', () => {
  const heads = buildLexicon([['heat pump', 'air source heat pump'], ['price', 'how much', 'cost']]);
  const kb = [
    { phrasings: [analyze('Do you service heat pumps?', heads)], answer: analyze('Yes, every brand.', heads) },
    { phrasings: [analyze('Do you service water softeners?', heads)], answer: analyze('No.', heads) },
  ];

  it('earns part of the credit, so the entry about it ranks first, below a caller who names it whole', () => {
    const part = scoreCandidates(analyze('do you service pumps like mine', heads), kb);
    const whole = scoreCandidates(analyze('do you service heat pumps like mine', heads), kb);
    expect(part[0]).toBeGreaterThan(part[1]!);
    expect(part[0]).toBeLessThan(whole[0]!);
  });

  it('earns nothing when another word comes before it: a well pump is no heat pump', () => {
    const other = scoreCandidates(analyze('do you service well pumps', heads), kb);
    const bare = scoreCandidates(analyze('do you service pumps', heads), kb);
    expect(other[0]).toBeLessThan(bare[0]!);
  });
});

describe('a near tie between a trade entry and the company\'s own (issue 14, class 9)', () => {
  const e = (id: string, score: number, source: 'company' | 'trade') => ({ id, score, source });

  it('puts the company\'s entry first when it scores within a hair of the trade\'s and above the line', () => {
    expect(preferOwnOnNearTie([e('trade', 0.6, 'trade'), e('own', 0.58, 'company')]).map((x) => x.id)).toEqual(['own', 'trade']);
  });

  it('keeps the order when the trade entry clearly wins or the company entry is under the line', () => {
    expect(preferOwnOnNearTie([e('trade', 0.7, 'trade'), e('own', 0.5, 'company')]).map((x) => x.id)).toEqual(['trade', 'own']);
    expect(preferOwnOnNearTie([e('trade', 0.31, 'trade'), e('own', 0.29, 'company')]).map((x) => x.id)).toEqual(['trade', 'own']);
  });
});

describe('a near topic: the caller qualifies the shared word with one the entry has nowhere', () => {
  const kb = [entry('Do you repair sliding doors?', 'Yes, patio and closet sliding doors.'), entry('What are your hours?', 'Monday to Friday 7 to 7.')];
  const score = (said: string) => scoreCandidates(analyze(said, lexicon), kb).map((s) => finalScore(s));

  it('proves less for "van sliding doors" than for "sliding doors"', () => {
    expect(score('can you repair van sliding doors')[0]).toBeLessThan(score('can you repair sliding doors')[0]!);
  });

  it('keeps the full credit when the entry itself has the qualifying word ("patio")', () => {
    expect(score('can you repair patio sliding doors')[0]).toBeCloseTo(score('can you repair sliding doors patio')[0]!, 2);
  });
});

describe("an entry's answer", () => {
  it('ranks the entry whose answer holds every word the caller said, below the line on the answer alone', () => {
    const kb = [entry('Which shingles do you use?', 'Stormridge and Peakline, both with a 30 year warranty.'), entry('Do you clean gutters?', 'Yes, in spring and fall.')];
    const [shingles, gutters] = scoreCandidates(analyze('stormridge or peakline', lexicon), kb).map((s) => finalScore(s));
    expect(shingles).toBeGreaterThan(gutters!);
    expect(isAnswerable(shingles!)).toBe(false);
  });
});
