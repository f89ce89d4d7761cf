import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('cuts after . ! and ? followed by a space, keeping the text whole when joined', () => {
    const text = 'Thanks, Dana. Is tomorrow at ten okay? Great! See you then';
    const parts = splitSentences(text);
    expect(parts).toEqual(['Thanks, Dana. ', 'Is tomorrow at ten okay? ', 'Great! ', 'See you then']);
    expect(parts.join('')).toBe(text);
  });

  it('does not cut inside numbers or after short abbreviations', () => {
    expect(splitSentences('The fee is 89.50 dollars. Dr. Lee comes at 9 a.m. tomorrow.')).toEqual(['The fee is 89.50 dollars. ', 'Dr. Lee comes at 9 a.m. tomorrow.']);
  });

  it('gives one piece for one sentence and none for blank text', () => {
    expect(splitSentences('One moment, please.')).toEqual(['One moment, please.']);
    expect(splitSentences('   ')).toEqual([]);
  });
});
