import { describe, expect, it } from 'vitest';
import { DEMO_BOOKING } from '../../../seed/demo-booking.ts';
import { DEMO_KNOWLEDGE } from '../../../seed/demo-knowledge-data.ts';
import { detectKnowledgeConflicts } from './detect-conflicts.ts';
import type { ConflictConfiguration } from './types.ts';

const weekdays = (start: string, end: string) => Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start, end }]]));

const PLUMBER: ConflictConfiguration = {
  weeklyHours: { ...weekdays('07:00', '18:00'), saturday: [{ start: '08:00', end: '14:00' }] },
  serviceArea: ['60601', '60614', '60657'],
  arrivalWindows: [],
  services: [
    { name: 'Drain cleaning', priceText: '$149 to $249' },
    { name: 'Water heater replacement', priceText: '$1,400 to $2,600 installed' },
    { name: 'Furnace repair', priceText: '$99 diagnostic; repairs quoted on site' },
    { name: 'Estimate', priceText: 'Free' },
  ],
  onCallSurchargeNote: 'After-hours emergency visits carry a $150 surcharge.',
  businessDescription: '',
};

const flags = (answer: string, config: ConflictConfiguration = PLUMBER, question = 'Question?') =>
  detectKnowledgeConflicts([{ id: 'e1', question, answer }], config)[0]?.conflicts ?? [];
const topics = (answer: string, config?: ConflictConfiguration, question?: string) => flags(answer, config, question).map((c) => c.topic);

describe('detectKnowledgeConflicts', () => {
  it('flags opening hours that differ from the configured ones, and says what is configured', () => {
    const [c] = flags('Our office is open Monday to Friday from 7 am to 7 pm and Saturday from 8 am to 2 pm.');
    expect(c).toMatchObject({ topic: 'hours', says: 'Monday to Friday from 7 am to 7 pm' });
    expect(c!.configured).toContain('Monday to Friday 7 am to 6 pm');
    expect(flags('We are open Saturday from 8 am to noon.')).toHaveLength(1);
    expect(topics('We are closed on Saturdays.')).toEqual(['hours']);
    expect(topics("We're open seven days a week.")).toEqual(['hours']);
  });

  it('leaves hours that agree, on-call hours and bare numbers alone', () => {
    expect(flags('Our office is open Monday through Friday 7am-6pm and Saturday 8 am to 2 pm. We are closed on Sundays.')).toEqual([]);
    expect(flags('Emergency plumbers are on call 24 hours a day, 7 days a week.')).toEqual([]);
    expect(flags('Repiping takes 2 to 4 days.')).toEqual([]);
  });

  it('flags towns and zips said to be served outside the service area, and served ones said not to be', () => {
    const [c] = flags('We serve Chicago and the nearby suburbs: Evanston, Skokie and Oak Park.');
    expect(c).toMatchObject({ topic: 'area' });
    expect(c!.says).toContain('Evanston');
    expect(c!.says).not.toContain('Chicago,');
    expect(topics('We cover zip 60601 and 60614.')).toEqual([]);
    expect(topics('We also serve 60201.')).toEqual(['area']);
    expect(topics("Sorry, we don't serve Chicago.")).toEqual(['area']);
    expect(topics('Evanston has old pipes.')).toEqual([]);
  });

  it('counts towns the agent description names as served, as the agent says them', () => {
    expect(topics('We serve Evanston.', { ...PLUMBER, businessDescription: 'Plumbers for Chicago and Evanston.' })).toEqual([]);
  });

  it('flags prices outside the range of the service the entry names, and fees unlike the configured ones', () => {
    const [c] = flags('Drain cleaning starts at 129 dollars.');
    expect(c).toMatchObject({ topic: 'price', configured: 'Drain cleaning: $149 to $249' });
    expect(topics('Clearing a drain costs 199 dollars, hydro jetting 450 dollars.', PLUMBER, 'How much does drain cleaning cost?')).toEqual(['price']);
    expect(topics('Our diagnostic visit is 79 dollars.')).toEqual(['price']);
    expect(topics('Emergency visits after hours have a 149 dollar dispatch fee.')).toEqual(['price']);
    expect(topics('A new one typically costs 1,600 to 2,400 dollars.', PLUMBER, 'How much to replace a water heater?')).toEqual([]);
  });

  it('leaves prices with no configured subject, monthly fees and discounts alone', () => {
    expect(flags('Most toilet repairs cost 150 to 300 dollars.')).toEqual([]);
    expect(flags('Our drain cleaning plan is 15 dollars a month.')).toEqual([]);
    expect(flags('New customers get 50 dollars off drain cleaning.')).toEqual([]);
  });

  it('flags arrival windows that differ from the configured ones, or any when visits are booked at exact times', () => {
    expect(topics('You get a two-hour arrival window and a text when we are on the way.')).toEqual(['windows']);
    const windows = { ...PLUMBER, arrivalWindows: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }] };
    expect(topics('You get a two-hour arrival window.', windows)).toEqual(['windows']);
    expect(topics('You get a four-hour arrival window.', windows)).toEqual([]);
  });

  it('finds nothing the demo knowledge contradicts in the demo configurations (a fresh start shows no flags)', () => {
    const expected: Record<string, [string, string[]][]> = { 'rapid-rooter-plumbing': [], 'polar-air-hvac': [] };
    for (const [slug, flagged] of Object.entries(expected)) {
      const booking = DEMO_BOOKING[slug]!;
      const config: ConflictConfiguration = {
        weeklyHours: booking.settings.weeklyHours!, serviceArea: booking.settings.serviceArea!, arrivalWindows: booking.settings.arrivalWindows ?? [],
        services: booking.services.map((s) => ({ name: s.name, priceText: s.priceText ?? '' })), onCallSurchargeNote: booking.onCall.surchargeNote, businessDescription: '',
      };
      const found = detectKnowledgeConflicts(DEMO_KNOWLEDGE[slug]!.entries.map((e, i) => ({ id: String(i), ...e })), config);
      expect(found.map((f) => [f.question, f.conflicts.map((c) => c.topic)])).toEqual(flagged);
    }
  });
});
