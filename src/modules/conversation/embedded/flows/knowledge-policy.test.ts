import { describe, expect, it } from 'vitest';
import { hear } from '../understand/heard.ts';
import { samePolicy } from './knowledge.ts';

describe('a policy question and the entry on the same policy (issue 14, class 9)', () => {
  const same = (said: string, entry: string) => samePolicy(hear(said).text, entry);

  it('meets the entry on the policy however the caller wraps it', () => {
    expect(same('my sister is visiting that week so if I have to push the visit back do you charge for that', 'Can I cancel or reschedule?')).toBe(true);
    expect(same('something came up, if I cancel do I lose my deposit', 'Can I cancel or reschedule?')).toBe(true);
    expect(same('say the fix fails in a couple months, is that covered', 'What warranty do you give?')).toBe(true);
    expect(same('is there a payment plan for the bigger jobs', 'Do you offer financing?')).toBe(true);
  });

  it('keeps policies apart, and a home warranty plan is not the company\'s guarantee', () => {
    expect(same('do you take venmo', 'Do you offer financing?')).toBe(false);
    expect(same('I have a home warranty through my bank, do you work with them', 'What warranty do you give?')).toBe(false);
  });
});
