import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, buildLexicon } from './lexicon.ts';
import { buildTsQueryTiers } from './ts-query.ts';

const lexicon = buildLexicon([['water heater', 'hot water tank'], ['install', 'put in'], ["won't drain", 'clogged']]);
const tiers = (said: string) => buildTsQueryTiers(analyze(said, lexicon), lexicon);

describe('buildTsQueryTiers', () => {
  it('asks for entries sharing 3, then 2, then 1 of the caller’s terms', () => {
    const [three, two, one] = tiers('can you install a hot water tank in my condo');
    const install = '(install | (put & in))';
    const heater = '((water & heater) | (hot & water & tank))';
    expect(three).toBe(`(${install} & ${heater} & condo)`);
    expect(two).toBe(`(${install} & ${heater}) | (${install} & condo) | (${heater} & condo)`);
    // A single shared action is no match: the last tier has topics only.
    expect(one).toBe('((water & heater) | (hot & water & tank)) | condo');
  });

  it('leaves out tiers the question has too few terms for, and weak words altogether', () => {
    expect(tiers('do you guys need a plumber')).toEqual(['plumber']);
    expect(tiers('um yeah')).toEqual([]);
  });

  it('only ever emits words of a-z0-9 and the operators, whatever was said', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (said) => {
      for (const q of tiers(said)) expect(q).toMatch(/^[a-z0-9&|() ]+$/);
    }));
  });
});
