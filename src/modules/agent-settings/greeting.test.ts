import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS } from './agent-settings.defaults.ts';
import { greetingForText, renderGreeting, unknownPlaceholders } from './greeting.ts';

describe('greetings', () => {
  it('fills in the company and agent names', () => {
    expect(renderGreeting(DEFAULT_AGENT_SETTINGS.greetings.openHours, { companyName: 'Rapid Rooter Plumbing', agentName: 'Alex' }))
      .toBe('Thanks for calling Rapid Rooter Plumbing, this is Alex. How can I help you today?');
  });

  it('names placeholders it does not know, and leaves them untouched when rendering', () => {
    expect(unknownPlaceholders('Hi from {company}, I am {agentName} {}')).toEqual(['company', '']);
    expect(unknownPlaceholders(DEFAULT_AGENT_SETTINGS.greetings.afterHours)).toEqual([]);
    expect(renderGreeting('{company} / {agentName}', { companyName: 'X', agentName: 'Y' })).toBe('{company} / Y');
  });

  it('opens a written conversation without phone wording', () => {
    expect(greetingForText("You've reached Polar Air after hours. This is Jordan; I can book the first available visit for you."))
      .toBe('Welcome to Polar Air after hours. This is Jordan; I can book the first available visit for you.');
    expect(greetingForText('Thanks for calling Rapid Rooter, this is Alex. How can I help?')).toBe('Thanks for contacting Rapid Rooter, this is Alex. How can I help?');
    expect(greetingForText('Hi! Ask me anything about our services.')).toBe('Hi! Ask me anything about our services.');
  });
});
