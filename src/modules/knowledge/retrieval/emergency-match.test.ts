import { describe, expect, it } from 'vitest';
import { CARBON_MONOXIDE, GAS_SMELL } from '../catalog/shared-emergencies.ts';
import { ELECTRICAL } from '../catalog/electrical.ts';
import { HVAC } from '../catalog/hvac.ts';
import { GARAGE_DOORS } from '../catalog/garage-doors.ts';
import { PLUMBING } from '../catalog/plumbing.ts';
import { GENERAL_VOCABULARY } from './general-vocabulary.ts';
import { analyze, buildLexicon } from './lexicon.ts';
import { matchEmergency, type EmergencyRule } from './emergency-match.ts';

function matcherFor(seed: typeof HVAC) {
  const lexicon = buildLexicon([...seed.vocabulary.map((v) => v.terms), ...GENERAL_VOCABULARY]);
  const rules: (EmergencyRule & { key: string })[] = seed.emergencies.map((e) => ({ id: e.key, key: e.key, severity: e.severity, triggers: e.triggers }));
  return (said: string) => matchEmergency(said, rules, (t) => analyze(t, lexicon))?.rule.key ?? null;
}

describe('matchEmergency', () => {
  const hvac = matcherFor(HVAC);
  const plumbing = matcherFor(PLUMBING);
  const electrical = matcherFor(ELECTRICAL);

  it('recognises a gas smell however it is said', () => {
    for (const said of ['I smell gas in the kitchen', 'it smells really strongly of gas', 'yeah um there is a gas smell by the stove', 'smells like rotten eggs in here']) {
      expect(hvac(said)).toBe(GAS_SMELL.key);
    }
  });

  it('hears an overheating outlet and a trapped vehicle described in other words (class 12, trade side)', () => {
    const garage = matcherFor(GARAGE_DOORS);
    expect(electrical('theres a smell like melting plastic by the kitchen outlet and the plate feels warm')).not.toBeNull();
    expect(garage("i can't get my truck out, the door is stuck halfway")).not.toBeNull();
    expect(garage('the rollers came out of the rail on the left side')).not.toBeNull();
    expect(garage('the opener is noisy when it closes')).toBeNull();
  });

  it('does not fire on a negated trigger', () => {
    expect(hvac("I don't smell gas anymore but the furnace is noisy")).toBeNull();
    expect(plumbing('there is no gas smell in the kitchen')).toBeNull();
  });

  it('does not fire when the caller says nothing of the kind is happening ("no, nothing is sparking")', () => {
    expect(electrical('no, nothing is sparking, the lights just flicker')).toBeNull();
    expect(electrical('nothing is sparking')).toBeNull();
    expect(electrical('the outlet is sparking')).toBe('sparks-burning');
  });

  it('reads a negation over the list it heads, and a trigger\'s own negation only next to its word (issue 14, class 7)', () => {
    const garage = matcherFor(GARAGE_DOORS);
    expect(electrical('no no, no smoke or burning smell or sparks, the fan just died')).toBeNull();
    expect(electrical('it trips but nothing is hot or sparking')).toBeNull();
    expect(garage("it's not stuck or anything, i can still get my car out")).toBeNull();
    expect(garage("i can't get my car out")).toBe('car-trapped');
    // A list ends at any other small word: what follows "and" is said, not denied.
    expect(plumbing('no hot water and water is pouring out of the tank')).toBe('burst-pipe-flooding');
  });

  it('does not read a door that will not open as one that will not close (issue 14)', () => {
    const garage = matcherFor(GARAGE_DOORS);
    expect(garage('a loud bang and now the door will not open at all, the spring looks snapped')).toBeNull();
    expect(garage('the door will not close, it is stuck wide open')).toBe('door-wont-close');
    expect(garage("it won't shut all the way")).not.toBeNull();
  });

  it('hears storm damage to the service wires', () => {
    expect(electrical('a tree limb fell and pulled the wires off the side of the house')).toBe('downed-line');
  });

  it('fires on a trigger after an exclaimed "oh no" or a "no" that starts a new clause', () => {
    expect(hvac('oh no, now I smell gas')).toBe(GAS_SMELL.key);
    expect(plumbing('no wait, I smell gas in the basement')).toBe(GAS_SMELL.key);
  });

  it('fires on a trigger phrase said with a word in between ("a pipe just burst")', () => {
    expect(plumbing('oh my god a pipe just burst in my basement')).toBe('burst-pipe-flooding');
  });

  it('takes the caller at their word that it is not an emergency, except for life safety', () => {
    expect(plumbing("a pipe burst in the yard but it's not like an emergency, it's shut off")).toBeNull();
    expect(plumbing("it's not an emergency but I smell gas")).toBe(GAS_SMELL.key);
  });

  it('does not fire on a hypothetical question, but does when it is happening', () => {
    expect(plumbing('what if a pipe bursts in the middle of the night, can somebody come out')).toBeNull();
    expect(plumbing('what if a pipe just burst, a pipe burst right now and water is everywhere')).toBe('burst-pipe-flooding');
  });

  it('tells a sounding carbon monoxide alarm from a question about detectors', () => {
    expect(hvac('my carbon monoxide alarm is going off')).toBe(CARBON_MONOXIDE.key);
    expect(hvac('the co detector keeps beeping')).toBe(CARBON_MONOXIDE.key);
    expect(plumbing('our co alarm went off')).toBe(CARBON_MONOXIDE.key);
    expect(hvac('do I need a carbon monoxide detector')).toBeNull();
  });

  it('hears no heat through the vocabulary ("heater" reads as heat)', () => {
    expect(hvac('we have no heat and it is freezing')).toBe('no-heat-cold');
    expect(hvac('the heater is not heating at all')).toBe('no-heat-cold');
    expect(hvac('my furnace died last night')).toBe('no-heat-cold');
    expect(hvac('how often should I change my furnace filter')).toBeNull();
  });

  it('puts life safety before property: gas beats a flood', () => {
    expect(plumbing('the basement is flooding and I smell gas')).toBe(GAS_SMELL.key);
    expect(plumbing('a pipe burst and there is water everywhere')).toBe('burst-pipe-flooding');
  });

  it('recognises electrical dangers', () => {
    expect(electrical('the outlet is sparking')).toBe('sparks-burning');
    expect(electrical('there is a burning smell coming from the breaker box')).toBe('sparks-burning');
    expect(electrical('a power line is down in my yard')).toBe('downed-line');
    expect(electrical('my breaker keeps tripping')).toBeNull();
  });
});
