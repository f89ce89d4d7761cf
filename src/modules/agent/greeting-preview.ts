import type { Services } from '../../services.ts';
import { renderGreeting } from '../agent-settings/greeting.ts';
import type { VoiceProfileResolver } from '../voice/speaker.ts';

export type GreetingKind = 'openHours' | 'afterHours';

/** A preview may wait for a fresh clip longer than a live turn: nobody is on the line. */
const PREVIEW_BUDGET_MS = 8000;

/** Both greetings as the agent speaks them, placeholders filled in, from the saved settings. */
export async function spokenGreetings(services: Pick<Services, 'agentSettings' | 'companies'>, companyId: string): Promise<Record<GreetingKind, string>> {
  const [{ settings }, company] = await Promise.all([services.agentSettings.current(companyId), services.companies.get(companyId)]);
  const values = { companyName: company.name, agentName: settings.agentName };
  return { openHours: renderGreeting(settings.greetings.openHours, values), afterHours: renderGreeting(settings.greetings.afterHours, values) };
}

/**
 * The saved greeting as a caller hears it: its text and, when the company speaks through
 * ElevenLabs with a key, the clip (cached by content, so previewing twice costs one synthesis).
 * `audioPath` is null when there is no clip; the dashboard then speaks the text itself.
 */
export function createGreetingPreview(services: Pick<Services, 'agentSettings' | 'companies' | 'speech'>, resolveVoice: VoiceProfileResolver) {
  return async (companyId: string, which: GreetingKind): Promise<{ which: GreetingKind; text: string; audioPath: string | null }> => {
    const [greetings, { profile }] = await Promise.all([spokenGreetings(services, companyId), resolveVoice(companyId)]);
    const text = greetings[which];
    const audio = profile ? await services.speech.audioFor(companyId, profile, text, { budgetMs: PREVIEW_BUDGET_MS }) : null;
    // The path, not the absolute URL: the dashboard plays it from its own origin.
    const url = audio ? new URL(audio.url) : null;
    return { which, text, audioPath: url ? `${url.pathname}${url.search}` : null };
  };
}
