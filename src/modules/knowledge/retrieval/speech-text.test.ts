import { describe, expect, it } from 'vitest';
import { joinSpelledLetters, normalizeSpeech, plainWords } from './speech-text.ts';

describe('normalizeSpeech', () => {
  it('lower-cases and drops punctuation', () => {
    expect(normalizeSpeech('Do you fix Water-Heaters? Thanks!')).toBe('do you fix water heaters');
  });

  it('spells out contractions, so negations stay visible', () => {
    expect(normalizeSpeech("My furnace won't start and it isn't cold, it's hot")).toBe('my furnace will not start and it is not cold it is hot');
    expect(normalizeSpeech('I’m not sure what’s wrong')).toBe('i am not sure what is wrong');
  });

  it('removes fillers anywhere and openers at the start', () => {
    expect(normalizeSpeech('yeah hi um so I was wondering uh do you guys do drains')).toBe('do you guys do drains');
    expect(normalizeSpeech('hello there can you tell me your hours you know on saturday')).toBe('your hours on saturday');
  });

  it('keeps an opener that is the whole utterance, and words that only look like openers later on', () => {
    expect(normalizeSpeech('hello')).toBe('hello');
    expect(normalizeSpeech('the well pump is fine so far')).toBe('the well pump is fine so far');
  });

  it('folds accents and keeps digits', () => {
    expect(normalizeSpeech('¿Hablan español? 24/7 service')).toBe('hablan espanol 24 7 service');
  });

  it('returns an empty string for nothing but fillers', () => {
    expect(normalizeSpeech('um, uh... hmm')).toBe('');
    expect(plainWords('  ,, ')).toEqual([]);
  });

  it('joins letters the recogniser spelled one by one into the word they spell', () => {
    expect(normalizeSpeech('is the h v a c tech licensed')).toBe('is the hvac tech licensed');
    expect(normalizeSpeech('my a c quit')).toBe('my ac quit');
    // A leading article stays a word: "a p m visit" is an afternoon visit.
    expect(joinSpelledLetters(['a', 'p', 'm', 'visit'])).toEqual(['a', 'pm', 'visit']);
    expect(joinSpelledLetters(['i', 'need', 'a', 'quote'])).toEqual(['i', 'need', 'a', 'quote']);
  });
});
