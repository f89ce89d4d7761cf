import { describe, expect, it } from 'vitest';
import { hear } from '../embedded/understand/heard.ts';
import { testProfile } from '../llm/in-memory-tools.fixture.ts';
import type { AgentProfile } from '../types.ts';
import { answerFromConfiguration } from './facts-answer.ts';

const split = [{ start: '07:30', end: '12:00' }, { start: '13:00', end: '16:30' }];
const profile: AgentProfile = {
  ...testProfile(),
  timeZone: 'America/New_York',
  openHours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split, saturday: [{ start: '08:00', end: '12:00' }] },
  services: [
    { id: 'd', name: 'Drain Cleaning', description: 'Clogged sinks and main lines.', priceText: '$175 to $325', durationMinutes: 90, emergency: false },
    { id: 'w', name: 'Water Heater Installation', description: 'New tank or tankless heater.', priceText: '$1,650 to $2,900 installed', durationMinutes: 240, emergency: false },
  ],
  facts: {
    holidays: [{ date: '2027-04-19', name: "Patriots' Day" }, { date: '2026-12-25', name: 'Christmas Day' }],
    shortDays: [],
    serviceArea: ['01060', '01040', '01027'],
    arrivalWindows: [{ start: '08:00', end: '10:00' }, { start: '14:00', end: '16:00' }],
  },
};
const now = new Date('2026-12-01T15:00:00Z');
const answer = (text: string, p: AgentProfile = profile) => answerFromConfiguration(hear(text), p, now);

describe('questions the booking configuration answers', () => {
  it('gives the week, a named day, and the lunch break from the weekly hours', () => {
    expect(answer('what are your hours')).toMatchObject({ topic: 'hours', say: expect.stringMatching(/Monday to Friday 7:30 am to 4:30 pm, closed for lunch from 12 pm to 1 pm; and Saturday 8 am to 12 pm\. We're closed on Sunday/) });
    expect(answer('are you guys open on saturdays?')).toEqual({ topic: 'hours', say: "On Saturday we're open 8 am to 12 pm." });
    expect(answer('is the office open sunday')?.say).toBe("We're closed on Sunday.");
    expect(answer('do you close for lunch')).toMatchObject({ topic: 'lunch', say: expect.stringContaining('12 pm to 1 pm') });
  });

  it('names the towns of the zips served, and says whether a named town or zip is in', () => {
    expect(answer('what areas do you serve')).toEqual({ topic: 'area', say: 'We serve Northampton, Holyoke and Easthampton.' });
    expect(answer('do you come out to holyoke')?.say).toMatch(/^Yes, Holyoke is in our service area/);
    expect(answer('do you guys cover springfield')?.say).toMatch(/^I'm sorry, Springfield is outside our service area\. We serve Northampton/);
    expect(answer('do you service 01060')?.say).toMatch(/^Yes, 01060 is in our service area/);
  });

  it('answers holidays, arrival windows and a named service’s price', () => {
    expect(answer('are you open on patriots day')).toMatchObject({ topic: 'holidays', say: expect.stringContaining("Patriots' Day") });
    expect(answer('when will the plumber arrive, do you give a time window')).toMatchObject({ topic: 'windows', say: expect.stringContaining('8 am to 10 am or 2 pm to 4 pm') });
    expect(answer('how much does it cost to put in a new water heater')).toEqual({ topic: 'price', say: 'Water Heater Installation: $1,650 to $2,900 installed.' });
  });

  it('leaves other questions, emergency hours and unnamed prices to the knowledge base', () => {
    expect(answer('do you answer emergencies at night and on weekends')).toBeNull();
    expect(answer('are you open 24/7 for emergencies')).toBeNull();
    expect(answer('what forms of payment do you take')).toBeNull();
    expect(answer('do you sell gift cards for the holidays')).toBeNull();
    expect(answer('do you guys hang christmas lights on the roof line')).toBeNull();
    expect(answer('how much do you charge to fix a boiler')).toBeNull();
    expect(answer('my garage door will not open')).toBeNull();
    expect(answer('when will the plumber arrive', { ...profile, facts: { ...profile.facts, arrivalWindows: [] } })).toBeNull();
  });

  it('answers the day asked about, not another day the caller mentions', () => {
    expect(answer('are you guys around on saturday, weekdays monday to friday I am at work')?.say).toBe("On Saturday we're open 8 am to 12 pm.");
    expect(answer('I work tuesdays, are you open sunday then')?.say).toBe("We're closed on Sunday.");
  });

  it('leaves "do you work on …" to the knowledge base even when a town is named', () => {
    expect(answer('do you work on commercial boilers, our shop is in holyoke')).toBeNull();
    expect(answer('do you work in holyoke')?.topic).toBe('area');
  });

  it("lists towns the company's description names beside a town of its zips", () => {
    const denver: AgentProfile = {
      ...profile,
      businessDescription: 'A small plumbing outfit based in Denver, Colorado. We cover Denver, Lakewood, Edgewater and Wheat Ridge.',
      facts: { ...profile.facts, serviceArea: ['80214', '80226', '80202', '80033'] },
    };
    const say = answer('which towns do you serve', denver)?.say ?? '';
    for (const town of ['Denver', 'Wheat Ridge', 'Lakewood', 'Edgewater']) expect(say).toContain(town);
    expect(say).not.toContain('Colorado');
  });

  it("hears \"what does it run\" as a price question, and gives no service's price for a part the caller bought", () => {
    expect(answer("what's that usually run to clean out a clogged drain")).toMatchObject({ topic: 'price', say: expect.stringContaining('$175 to $325') });
    expect(answer('we already bought a tankless heater online, what would you charge to install it')).toBeNull();
  });
});


describe('questions said the way callers say them (issue 14, classes 5 and 11)', () => {
  const withVisit: AgentProfile = {
    ...profile,
    services: [...profile.services, { id: 'v', name: 'Plumbing Diagnostic Visit', description: 'Not sure what is wrong.', priceText: '$89', durationMinutes: 60, emergency: false }],
  };

  it('answers "do you do saturdays" with that day\'s hours', () => {
    expect(answer('hey do you guys do saturdays, I work all week')).toEqual({ topic: 'hours', say: "On Saturday we're open 8 am to 12 pm." });
  });

  it('prices "just coming out to figure out what it is" as the general visit', () => {
    expect(answer('what do you charge just to come out and figure out why the pipes bang', withVisit)?.say).toContain('$89');
  });

  it('prices "how much is that" as the service the call is about, and nothing when there is none', () => {
    expect(answerFromConfiguration(hear('and how much does that usually run'), profile, now, 'w')?.say).toContain('$1,650');
    expect(answer('and how much does that usually run')).toBeNull();
  });
});

describe('a place named the way callers name it (issue 14, class 9)', () => {
  it('reads a zip said digit by digit', () => {
    expect(answer('do you come out to oh one oh four oh')?.say).toMatch(/^Yes, 01040 is in our service area/);
  });

  it('takes a town the company describes as served though the zip table names another town for its zip', () => {
    const described: AgentProfile = { ...profile, businessDescription: 'A family plumber working in Northampton, Brightwater and Easthampton.' };
    expect(answer('um would you come out to brightwater', described)?.say).toMatch(/^Yes, Brightwater is in our service area/);
  });
});
