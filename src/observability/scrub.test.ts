import { describe, expect, it } from 'vitest';
import { scrubEvent, scrubText } from './scrub.ts';

describe('scrubbing error reports', () => {
  it('removes phone numbers, emails, street addresses, quoted words, keys and URL queries from text', () => {
    const text = scrubText('booking failed for +1 (312) 555-0199 at 233 South Wacker Drive (dana@example.com): "I need a plumber" Bearer abc.def key sk_live_0123456789abcdefghijklmn https://x.example/a?phone=3125550199 Key (customer_phone)=(+13125550199)');
    for (const leaked of ['555-0199', 'Wacker', 'dana@', 'plumber', 'abc.def', 'sk_live', '3125550199']) expect(text).not.toContain(leaked);
    expect(text).toMatch(/^booking failed for \[number\] at \[address\]/);
  });

  it('keeps ids and stack frames, drops the request, user and extra data, and keeps only id-like tags', () => {
    const event = scrubEvent({
      event_id: 'a'.repeat(32),
      exception: { values: [{ type: 'Error', value: 'x', stacktrace: { frames: [{ filename: '/srv/app/node_modules/@scope/pkg/index.js', function: 'run' }] } }] },
      request: { data: { phone: '+13125550199' }, headers: { authorization: 'Bearer t' }, cookies: { cv_session: 's' } },
      user: { email: 'dana@example.com' },
      extra: { transcript: 'my basement is flooding' },
      breadcrumbs: [{ message: 'GET /api/companies' }],
      contexts: { caller: { phone: '+13125550199' } },
      tags: { requestId: 'req-1', route: '/api/companies/:companyId', note: 'free text with spaces' },
    });
    expect(event).not.toHaveProperty('request');
    expect(event).not.toHaveProperty('user');
    expect(event).not.toHaveProperty('extra');
    expect(event).not.toHaveProperty('breadcrumbs');
    expect(event.event_id).toBe('a'.repeat(32));
    expect(JSON.stringify(event)).not.toContain('5550199');
    expect(JSON.stringify(event)).toContain('/srv/app/node_modules/@scope/pkg/index.js');
    expect(event.tags).toEqual({ requestId: 'req-1', route: '/api/companies/:companyId' });
  });
});
