import { describe, expect, it } from 'vitest';
import { GENERAL_VOCABULARY } from './general-vocabulary.ts';
import { analyze, buildLexicon, weightOf } from './lexicon.ts';

const lexicon = buildLexicon([
  ['water heater', 'hot water tank', 'hot water heater'],
  ['heat pump'],
  ['furnace', 'heater', 'heat'],
  ['price', 'how much', 'cost'],
  ['install', 'put in'],
]);

describe('analyze', () => {
  it('reads every phrase of a synonym group as one concept', () => {
    expect(analyze('How much for a new hot water tank?', lexicon).terms).toEqual(['~price', 'new', '~water_heater']);
    expect(analyze('what does a water heater cost', lexicon).terms).toEqual(['~water_heater', '~price']);
  });

  it('prefers the longest phrase, so a heat pump is not a furnace', () => {
    expect(analyze('my heat pump and my heater', lexicon).terms).toEqual(['~heat_pump', '~furnace']);
  });

  it('matches phrases in any inflection and drops stopwords but keeps them in the sequence', () => {
    const a = analyze('Can you put in two hot water heaters?', lexicon);
    expect(a.terms).toEqual(['~install', 'two', '~water_heater']);
    expect(a.sequence).toEqual(['can', 'you', '~install', 'two', '~water_heater']);
  });

  it('remembers the words said for each term', () => {
    const a = analyze('leaking hot water tank', lexicon);
    expect(a.wordOf.get('leak')).toBe('leaking');
    expect(a.wordOf.get('~water_heater')).toBe('hot water tank');
  });

  it('weighs topics fully, actions half and filler words little', () => {
    expect(weightOf('~water_heater')).toBe(1);
    expect(weightOf('chimney')).toBe(1);
    expect(weightOf('~install')).toBe(0.5);
    expect(weightOf('need')).toBe(0.3);
  });
});

describe('the general vocabulary', () => {
  const general = buildLexicon(GENERAL_VOCABULARY);
  const terms = (text: string) => analyze(text, general).terms;

  it('reads inflections the stemmer keeps apart as one word', () => {
    expect(terms('is there a cancellation charge')).toContain('~cancel');
    expect(terms('what if I cancelled last minute')).toContain('~cancel');
    expect(terms('my line froze overnight')).toContain('~freeze');
    expect(terms('what to do with a frozen line')).toContain('~freeze');
  });

  it('hears paying over time as financing and money off as a discount', () => {
    expect(terms('could I pay it off over a year')).toContain('~financing');
    expect(terms('do you knock off anything for teachers')).toContain('~discount');
    // "anything special" asks about needs, not about offers.
    expect(terms('does the wall need anything special')).not.toContain('~discount');
    expect(terms('are you running any specials')).toContain('~discount');
  });

  it('hears payment apps and checks as ways to pay', () => {
    for (const said of ['can I pay with venmo', 'is zelle ok', 'do you take a personal check']) expect(terms(said), said).toContain('~payment');
  });

  it('hears weekend days and night hours as such, and having to as needing to', () => {
    expect(terms('can you come on a sunday')).toContain('~weekend');
    expect(terms('what about late at night')).toContain('~night');
    expect(terms('could someone come tonight')).toContain('~night');
    expect(terms('if it goes at three in the morning')).toContain('~night');
    expect(terms('do I stay the whole time')).toContain('~during');
    expect(terms('how long is that covered if it breaks')).toContain('~warranty');
    expect(terms('do I have to be there')).toEqual(['~need', '~be_home']);
    expect(weightOf('~need')).toBe(0.3);
  });
});

describe('the general vocabulary', () => {
  const general = buildLexicon(GENERAL_VOCABULARY);
  const concepts = (said: string) => analyze(said, general).terms;

  it('asks the cancellation policy when a caller wants to move the visit instead', () => {
    expect(concepts('could i reschedule the visit')).toContain('~cancel');
    expect(concepts('is it ok to move my appointment to friday')).toContain('~cancel');
  });

  it('reads "while" as "during": being home while the work is done', () => {
    expect(concepts('should i stay in while the crew is here')).toContain('~during');
  });

  it('reads paying over time as financing', () => {
    expect(concepts('can i pay for the roof over time')).toContain('~financing');
  });

  it('reads the visit questions of every trade as one concept each, however they are said', () => {
    expect(concepts('does somebody have to be around when the roofer comes')).toContain('~be_home');
    expect(concepts('can i just leave a key under the mat')).toContain('~be_home');
    expect(concepts('should i move furniture out of the way first')).toContain('~prepare');
    expect(concepts('will the painters wear booties inside')).toContain('~mess');
    expect(concepts('is my dog going to be a problem')).toContain('~pet');
    expect(concepts('are your installers drug tested')).toContain('~background_check');
    expect(concepts('do i have to pay anything up front')).toContain('~deposit');
  });

  it('keeps a home warranty plan and an insurance claim apart from our warranty and our insurance', () => {
    expect(concepts('will you take my home warranty')).toContain('~home_warranty');
    expect(concepts('will you take my home warranty')).not.toContain('~warranty');
    expect(concepts('can this go through my insurance')).not.toContain('~licensed');
    expect(concepts('are you insured')).toContain('~licensed');
    expect(concepts('will the crew call ahead')).toContain('~arrival_window');
  });

  it('weighs the story around a question (days, family) as little as filler words', () => {
    expect(weightOf('thursday')).toBe(weightOf('need'));
    expect(weightOf(analyze('my sister', general).terms[0]!)).toBe(weightOf('need'));
    expect(weightOf('last')).toBe(1);
  });
});
