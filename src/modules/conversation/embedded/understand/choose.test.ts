import { describe, expect, it } from 'vitest';
import type { ServiceOffer } from '../../types.ts';
import { chooseOption } from './choose-option.ts';
import { hear } from './heard.ts';
import { isKindOf, matchService } from './service-match.ts';

// Monday 2026-03-16, 9:00 in Chicago.
const context = { timeZone: 'America/Chicago', now: new Date('2026-03-16T14:00:00Z') };
const offers = [
  { localDate: '2026-03-17', localStartTime: '09:00' },
  { localDate: '2026-03-17', localStartTime: '14:30' },
  { localDate: '2026-03-18', localStartTime: '09:00' },
];
const windows = [
  { localDate: '2026-03-17', localStartTime: '08:00', arrivalWindow: { start: '08:00', end: '12:00' } },
  { localDate: '2026-03-17', localStartTime: '12:00', arrivalWindow: { start: '12:00', end: '16:00' } },
];
const choose = (text: string, options: typeof offers = offers) => chooseOption(text, options, context);

describe('choosing one of the offered times', () => {
  it.each([
    ['the first one', 0], ['second', 1], ['the third please', 2], ['the last one', 2], ['the earlier one', 0], ['the later one', 2],
    ['two thirty', 1], ['the 2:30 one', 1], ['wednesday', 2], ['Wednesday works', 2], ['tuesday afternoon', 1], ['tomorrow at two thirty', 1],
    ['wednesday at nine', 2], ['the one on the 18th', 2],
  ])('"%s" → option %i', (text, index) => {
    expect(choose(text)).toEqual({ kind: 'chosen', index });
  });

  it('asks again when the words fit more than one option, and notices a time none of them has', () => {
    expect(choose('tuesday')).toEqual({ kind: 'ambiguous', indexes: [0, 1] });
    expect(choose('nine')).toEqual({ kind: 'ambiguous', indexes: [0, 2] });
    expect(choose('friday morning')).toEqual({ kind: 'none', namedTime: true });
    expect(choose('hmm let me think')).toEqual({ kind: 'none', namedTime: false });
    // A day none of the options is on, with "the earlier the better": other times, not the first option.
    expect(choose('thursday morning, the earlier the better', [offers[0]!])).toEqual({ kind: 'none', namedTime: true });
  });

  it('takes a yes as the only option, and reads arrival windows by any time inside them', () => {
    expect(choose('yes that works', [offers[0]!])).toEqual({ kind: 'chosen', index: 0 });
    expect(choose('yep perfect', [offers[0]!])).toEqual({ kind: 'chosen', index: 0 });
    expect(choose('yes', offers)).toEqual({ kind: 'none', namedTime: false });
    expect(chooseOption('the afternoon one', windows, context)).toEqual({ kind: 'chosen', index: 1 });
    expect(chooseOption('around ten', windows, context)).toEqual({ kind: 'chosen', index: 0 });
    expect(chooseOption('noon', windows, context)).toEqual({ kind: 'chosen', index: 1 });
  });

  it('reads "the morning one" as a part of the day, not one o\'clock, and places a window by its middle (issue 14)', () => {
    const split = [
      { localDate: '2026-03-17', localStartTime: '07:30', arrivalWindow: { start: '07:30', end: '10:30' } },
      { localDate: '2026-03-17', localStartTime: '11:00', arrivalWindow: { start: '11:00', end: '14:00' } },
    ];
    expect(chooseOption('the morning one please', split, context)).toEqual({ kind: 'chosen', index: 0 });
    expect(chooseOption('uh the afternoon one', split, context)).toEqual({ kind: 'chosen', index: 1 });
    expect(chooseOption('the one at one', split, context)).toEqual({ kind: 'chosen', index: 1 });
  });
});

const service = (name: string, description = '', emergency = false): ServiceOffer => ({ id: name, name, description, priceText: '', durationMinutes: 60, emergency });
const plumbing = [
  service('Drain cleaning', 'Clogged sinks, tubs, toilets and main lines.'),
  service('Leak repair', 'Leaking pipes, faucets, valves and fixtures.'),
  service('Water heater repair', 'No hot water, pilot or thermostat trouble, leaking tank.'),
  service('Water heater replacement', '40 or 50 gallon gas or electric tank, haul-away included.'),
];
const hvac = [
  service('AC tune-up', 'Seasonal cooling check and cleaning.'),
  service('Furnace tune-up', 'Seasonal heating safety check and cleaning.'),
  service('AC repair'),
  service('Furnace repair'),
  service('New system estimate'),
];

const garage = [
  service('Garage Door Service Call'), service('Broken Spring Replacement'), service('Garage Door Opener Repair'),
  service('Garage Door Opener Installation'), service('New Garage Door Installation'),
];

describe('matching the caller’s words to a service', () => {
  it('ignores a word most of the names share ("door" at a garage door company)', () => {
    expect(matchService(hear('how much do you charge to do the springs on a two car door'), garage).best?.name).toBe('Broken Spring Replacement');
  });

  it.each([
    ['my kitchen sink is clogged', plumbing, 'Drain cleaning'],
    ['the toilet is backed up', plumbing, 'Drain cleaning'],
    ['there is a leaky pipe under the bathroom sink', plumbing, 'Leak repair'],
    ["we've got no hot water", plumbing, 'Water heater repair'],
    ['I want to replace my water heater', plumbing, 'Water heater replacement'],
    ["the A C isn't cooling", hvac, 'AC repair'],
    ['my furnace stopped working', hvac, 'Furnace repair'],
    ['I need a tune up on the air conditioner', hvac, 'AC tune-up'],
    ['a quote for a new system', hvac, 'New system estimate'],
    ['the AC is blowing warm air', hvac, 'AC repair'],
    // A new unit asked for, whatever became of the old one (issue 14, class 2).
    ['we want a new opener put in, the old one quit on us', garage, 'Garage Door Opener Installation'],
    ['mine keeps leaking so I want a new water heater installed', plumbing, 'Water heater replacement'],
    ['the opener quit working, can you fix it', garage, 'Garage Door Opener Repair'],
    ['what would it be to just fix the tank, not replace it', plumbing, 'Water heater repair'],
    ['no hot water since the weekend, the tank is only eight years old', [service('Water heater repair', 'Pilot out, no hot water'), service('Water heater install', 'Swap an old tank for a new one')], 'Water heater repair'],
  ])('"%s" → %s', (text, services, expected) => {
    expect(matchService(hear(text), services).best?.name).toBe(expected);
  });

  it('names the services tied when the words fit several, and nothing for unrelated words', () => {
    expect(matchService(hear('heating'), hvac).tied.map((s) => s.name)).toEqual(['Furnace tune-up', 'Furnace repair']);
    expect(matchService(hear('cooling'), hvac).tied.map((s) => s.name)).toEqual(['AC tune-up', 'AC repair']);
    expect(matchService(hear('I would like to book an appointment'), plumbing)).toEqual({ best: null, tied: [] });
  });
});

describe('whether a kind of work the caller names is one of the services', () => {
  it('is when every word of it is in the service’s name or description', () => {
    expect(isKindOf('a broken spring', service('Broken Spring Replacement'))).toBe(true);
    expect(isKindOf('clogged drains', service('Drain cleaning', 'Clogged sinks, tubs and main lines.'))).toBe(true);
  });

  it('is not when the caller names something the service never mentions', () => {
    expect(isKindOf('gate openers', service('Garage Door Opener Repair'))).toBe(false);
    expect(isKindOf('commercial drains', service('Drain cleaning', 'Clogged sinks, tubs and main lines.'))).toBe(false);
    expect(isKindOf('', service('Drain cleaning'))).toBe(false);
  });
});
