import { describe, expect, it } from 'vitest';
import { GENERAL_VOCABULARY } from './general-vocabulary.ts';
import { groupKeyOf } from './group-key.ts';
import { buildLexicon } from './lexicon.ts';

const lexicon = buildLexicon([['water heater', 'hot water tank'], ...GENERAL_VOCABULARY]);

describe('groupKeyOf', () => {
  it('gives different wordings of one question the same key', () => {
    expect(groupKeyOf('Um, how much for a new hot water tank?', lexicon)).toBe(groupKeyOf('what does a new water heater cost', lexicon));
    expect(groupKeyOf('do you install solar panels', lexicon)).toBe(groupKeyOf('Do you guys install solar panels?', lexicon));
  });

  it('keeps different questions apart', () => {
    expect(groupKeyOf('do you install solar panels', lexicon)).not.toBe(groupKeyOf('do you clean chimneys', lexicon));
  });

  it('falls back to the words said when nothing is left after fillers and stopwords', () => {
    expect(groupKeyOf('what is it', lexicon)).toBe('what is it');
    expect(groupKeyOf('um', lexicon)).toBe('');
  });
});
