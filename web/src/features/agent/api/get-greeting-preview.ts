import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export type GreetingKind = 'openHours' | 'afterHours';

/** The saved greeting as callers hear it, and its ElevenLabs clip's path when the company has one. */
export const getGreetingPreview = (companyId: string, which: GreetingKind) =>
  unwrap(api.GET('/api/companies/{companyId}/agent/greeting-preview', { params: { path: { companyId }, query: { which } } }));

// A mutation, not a query: it runs when the person presses play, and may synthesise a clip.
export function useGreetingPreview(companyId: string) {
  return useMutation({ mutationKey: ['companies', companyId, 'greeting-preview'], mutationFn: (which: GreetingKind) => getGreetingPreview(companyId, which) });
}
