import type { Config } from '../../config.ts';
import type { AgentProfile } from '../conversation/types.ts';
import type { AgentRuntime } from '../agent/turn-runner.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { VoiceSettings } from '../voice-settings/voice-settings.schemas.ts';
import { relayTwiml } from './relay-twiml.ts';
import type { VoiceProfileResolver } from './speaker.ts';
import { socketUrl } from './socket-url.ts';
import { endTwiml, listenTwiml, transferTwiml, turnUrl } from './twiml.ts';

/** What our `end` message tells the <Connect> action to do next (ConversationRelay's handoffData). */
export type Handoff = { reason: 'transfer'; to: string } | { reason: 'hangup' } | { reason: 'fallback' };

/** The <Connect> action: ConversationRelay's form, of which we read these. */
export interface RelayActionParams {
  CallSid: string;
  CallStatus?: string;
  SessionStatus?: string;
  HandoffData?: string;
  ErrorCode?: string;
}

const AGAIN = "Sorry, I lost you for a moment there. Could you say that again?";

export function handoffOf(raw: string | undefined): Handoff | null {
  if (!raw) return null;
  try {
    const h = JSON.parse(raw) as Partial<{ reason: string; to: string }>;
    if (h.reason === 'transfer' && typeof h.to === 'string' && /^\+?[0-9]{3,16}$/.test(h.to)) return { reason: 'transfer', to: h.to };
    if (h.reason === 'hangup' || h.reason === 'fallback') return { reason: h.reason };
  } catch {
    // Not ours: treated as a session that ended without our word.
  }
  return null;
}

/**
 * The webhook side of a ConversationRelay call: the TwiML that hands the call to Twilio's relay,
 * and what follows the relay session. A session that ended without our word (the socket broke,
 * Twilio reported an error, this process died) carries on through <Gather> webhooks from the
 * state stored with the last turn: never dead air.
 */
export function createRelayFlow(deps: {
  config: Pick<Config, 'publicUrl' | 'sessionSecret'>;
  calls: Pick<CallsService, 'findBySid'>;
  runtime: Pick<AgentRuntime, 'hintsFor'>;
  resolveVoice: VoiceProfileResolver;
}) {
  const { config } = deps;
  const actionUrl = `${config.publicUrl}/api/twilio/relay-action`;

  return {
    async answer(companyId: string, callSid: string, profile: AgentProfile, voice: VoiceSettings, greeting: string): Promise<string> {
      return relayTwiml({
        socketUrl: socketUrl(config.publicUrl, config.sessionSecret, 'relay', { companyId, callSid }),
        actionUrl,
        greeting,
        language: profile.language,
        voice,
        hints: await deps.runtime.hintsFor(companyId, profile),
      });
    },

    async ended(companyId: string, params: RelayActionParams, language: string): Promise<string> {
      const handoff = handoffOf(params.HandoffData);
      const { sayVoice } = await deps.resolveVoice(companyId);
      const voice = { language, sayVoice };
      if (handoff?.reason === 'transfer') return transferTwiml(null, voice, handoff.to, null);
      if (handoff?.reason === 'hangup') return endTwiml();
      const call = await deps.calls.findBySid(companyId, params.CallSid);
      if (!call || call.status !== 'in_progress' || params.CallStatus === 'completed') return endTwiml();
      return listenTwiml({ text: AGAIN }, voice, turnUrl(config.publicUrl, call.turnCount + 1), []);
    },
  };
}

export type RelayFlow = ReturnType<typeof createRelayFlow>;
