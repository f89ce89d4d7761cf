import type { SpeechPlanFor } from '../speech/speech-jobs.ts';
import type { Services } from '../../services.ts';
import { ANYTHING_ELSE } from '../conversation/embedded/turn.ts';
import type { VoiceProfileResolver } from '../voice/speaker.ts';
import { spokenGreetings } from './greeting-preview.ts';

/**
 * What every call of a company says word for word, for synthesis ahead of calls: both
 * greetings, the goodbye and the agent's most frequent line. The texts are exactly what the
 * call flow speaks, since the audio cache is keyed by the text.
 */
export function speechPlanFor(services: Pick<Services, 'agentSettings' | 'companies'>, resolveVoice: VoiceProfileResolver): SpeechPlanFor {
  return async (companyId) => {
    const { profile } = await resolveVoice(companyId);
    if (!profile) return null;
    const [greetings, company] = await Promise.all([spokenGreetings(services, companyId), services.companies.get(companyId)]);
    return {
      profile,
      texts: [
        greetings.openHours,
        greetings.afterHours,
        `Thanks for calling ${company.name}. Goodbye!`,
        ANYTHING_ELSE,
      ],
    };
  };
}
