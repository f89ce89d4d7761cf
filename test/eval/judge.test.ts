import { describe, expect, it } from 'vitest';
import { confirmsBooking, containsFact, judgeReply, normalizeFacts } from '../../eval/judge.ts';

describe('the evaluation judge', () => {
  it.each([
    ['$95', 'It is ninety-five dollars.'],
    ['$149', 'The visit is one forty-nine dollars.'],
    ['$1,450', 'about fourteen fifty dollars'],
    ['$1,200', 'twelve hundred dollars installed'],
    ['two years', 'a 2-year warranty'],
    ['2 years', 'two years on parts'],
    ['7 am', 'We open at seven a.m. on weekdays'],
    ['7:00 AM', 'from 7 am'],
    ['7:30', 'seven thirty in the morning'],
    ['60614', 'the six oh six one four area'],
    ['(312) 555-0123', 'call three one two, five five five, zero one two three'],
    ['24/7', 'twenty-four seven'],
    ['10%', 'ten percent off'],
    ['$249', 'two forty-nine to three ninety-nine dollars for a pair'],
    ['$2,800', 'twenty-eight hundred to forty-five hundred dollars'],
  ])('finds the fact %s in "%s"', (fact, reply) => {
    expect(containsFact(reply, fact), `${normalizeFacts(fact)} | ${normalizeFacts(reply)}`).toBe(true);
  });

  it('does not find a fact that is not there', () => {
    expect(containsFact('It is ninety dollars.', '$95')).toBe(false);
    expect(containsFact('one year on labor', 'two years')).toBe(false);
    expect(containsFact('from seven in the morning', '17')).toBe(false);
  });

  const topics = { warranty: { keyFacts: ['two years'] }, fee: { keyFacts: ['$95'] }, feeWaived: { keyFacts: ['$95', 'waived'] } };
  it('judges a reply by the facts it carries', () => {
    expect(judgeReply('Our repairs carry a two year warranty.', { topic: 'warranty' }, topics)).toBe('correct');
    expect(judgeReply('The trip fee is 95 dollars.', { topic: 'warranty' }, topics)).toBe('missed');
    expect(judgeReply('Two years, and the fee is ninety-five dollars.', { topic: 'warranty' }, topics)).toBe('wrong');
    // A topic whose facts are all among the expected topic's is not another topic.
    expect(judgeReply('The 95 dollar fee is waived with the repair.', { topic: 'feeWaived' }, topics)).toBe('correct');
    const hours = { hours: { source: 'configuration', about: 'hours', keyFacts: ['7:30', '4:30'] }, lunch: { source: 'configuration', about: 'hours', keyFacts: ['12', '1'] } };
    expect(judgeReply('Open 7:30 am to 4:30 pm, closed from 12 to 1.', { topic: 'hours' }, hours)).toBe('correct');
    expect(judgeReply("I'm sorry, I don't have an answer to that. Would you like to leave a message?", { abstain: true }, topics)).toBe('abstained');
    expect(judgeReply('The fee is $95.', { abstain: true }, topics)).toBe('answered_unanswerable');
  });

  it('notices a reply that confirms a booking', () => {
    expect(confirmsBooking("You're all set. Your drain cleaning is booked for Tuesday.")).toBe(true);
    expect(confirmsBooking('Let me read that back: drain cleaning for Dana.')).toBe(false);
  });
});
