import { describe, expect, it } from 'vitest';
import { bookingClaims } from './booking-claims.ts';
import { readAssistantMessage } from './chat-client.ts';
import { forTheEar } from './read-aloud.ts';

describe('booking claims in a reply', () => {
  it.each([
    "You're all booked for Tuesday at two.",
    'Great, you are booked!',
    "I've booked you in for Thursday morning.",
    'Your appointment is confirmed for Friday.',
    "Perfect. You're all set for tomorrow.",
    "Okay, I've scheduled the visit.",
    'The booking has been made.',
  ])('reads %j as a claim that a booking exists', (text) => {
    expect(bookingClaims(text).has('booked')).toBe(true);
  });

  it.each([
    'Would you like me to book that?',
    "Once you're booked, we'll text you a confirmation.",
    "You're not booked yet: shall I confirm it?",
    "I haven't booked anything yet.",
    'Before it is confirmed, let me read it back.',
    'Can I get your name to book the visit?',
    'We have openings Tuesday at noon or three.',
  ])('does not read %j as a claim', (text) => {
    expect(bookingClaims(text).size).toBe(0);
  });

  it('reads cancellations apart from bookings', () => {
    expect([...bookingClaims("I've cancelled your appointment.")]).toEqual(['cancelled']);
    expect([...bookingClaims('Your booking has been cancelled.')]).toEqual(['cancelled']);
    expect(bookingClaims('Do you want it cancelled?').size).toBe(0);
  });
});

describe("a model's reply, for the ear", () => {
  it('drops markdown and lists, and says prices and phone numbers in words', () => {
    expect(forTheEar('**Sure!** Drain cleaning is $149 to $249.\n- Call us at +13125550100')).toBe(
      'Sure! Drain cleaning is one forty-nine to two forty-nine dollars. Call us at three one two, five five five, zero one zero zero',
    );
    expect(forTheEar('Our number is (312) 555-0100.')).toBe('Our number is three one two, five five five, zero one zero zero.');
  });
});

describe('reading what a compatible server answered', () => {
  it('accepts arguments sent as an object and a tool call without an id', () => {
    const read = readAssistantMessage({ choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ type: 'function', function: { name: 'end_call', arguments: {} } }] }, finish_reason: 'tool_calls' }] });
    expect(read?.message.tool_calls).toEqual([{ id: 'call_0', type: 'function', function: { name: 'end_call', arguments: '{}' } }]);
  });

  it.each([
    ['no choices', { choices: [] }],
    ['content that is not text', { choices: [{ message: { content: 42 } }] }],
    ['tool calls that are not a list', { choices: [{ message: { tool_calls: {} } }] }],
    ['a tool call without a name', { choices: [{ message: { tool_calls: [{ id: 'a', function: { arguments: '{}' } }] } }] }],
  ])('refuses %s', (_what, body) => {
    expect(readAssistantMessage(body)).toBeNull();
  });
});
