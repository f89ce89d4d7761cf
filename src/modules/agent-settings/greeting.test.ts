import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS } from './agent-settings.defaults.ts';
import { renderGreeting, unknownPlaceholders } from './greeting.ts';

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
});
