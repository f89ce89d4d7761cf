import type { Config } from '../../config.ts';
import type { AgentProfile } from '../conversation/types.ts';
import type { AgentRuntime } from '../agent/turn-runner.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { VoiceSettings } from '../voice-settings/voice-settings.schemas.ts';
import { relayTwiml } from './relay-twiml.ts';
import { recordedHandoff, type Handoff } from './socket-turn.ts';
import type { VoiceProfileResolver } from './speaker.ts';
import { socketUrl } from './socket-url.ts';
import { streamTwiml } from './stream-twiml.ts';
import { endTwiml, listenTwiml, transferTwiml, turnUrl } from './twiml.ts';

/** The <Connect> action: Twilio's form when a ConversationRelay session or a Media Stream ended, of which we read these. */
export interface SocketActionParams {
  CallSid: string;
  CallStatus?: string;
  SessionStatus?: string;
  /** ConversationRelay only: what our `end` message said. */
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
 * The webhook side of a call carried over a socket (ConversationRelay or Media Streams): the
 * TwiML that hands the call to the socket, and what follows it. What follows is the handoff
 * (ConversationRelay's handoffData, else the last turn's record: a Media Stream carries no
 * data back); a socket that ended without our word (it broke, Twilio reported an error, this
 * process died) carries on through <Gather> webhooks from the state stored with the last turn:
 * never dead air.
 */
export function createSocketFlow(deps: {
  config: Pick<Config, 'publicUrl' | 'sessionSecret'>;
  calls: Pick<CallsService, 'findBySid' | 'recordedTurn'>;
  runtime: Pick<AgentRuntime, 'hintsFor'>;
  resolveVoice: VoiceProfileResolver;
}) {
  const { config } = deps;

  return {
    async answerRelay(companyId: string, callSid: string, profile: AgentProfile, voice: VoiceSettings, greeting: string): Promise<string> {
      return relayTwiml({
        socketUrl: socketUrl(config.publicUrl, config.sessionSecret, 'relay', { companyId, callSid }),
        actionUrl: `${config.publicUrl}/api/twilio/relay-action`,
        greeting,
        language: profile.language,
        voice,
        hints: await deps.runtime.hintsFor(companyId, profile),
      });
    },

    answerStream(companyId: string, callSid: string): string {
      return streamTwiml({
        socketUrl: socketUrl(config.publicUrl, config.sessionSecret, 'stream', { companyId, callSid }),
        actionUrl: `${config.publicUrl}/api/twilio/stream-action`,
      });
    },

    async ended(companyId: string, params: SocketActionParams, language: string): Promise<string> {
      const call = await deps.calls.findBySid(companyId, params.CallSid);
      const last = call ? await deps.calls.recordedTurn(companyId, call.id, call.turnCount) : undefined;
      const handoff = handoffOf(params.HandoffData) ?? recordedHandoff(last?.response);
      const { sayVoice } = await deps.resolveVoice(companyId);
      const voice = { language, sayVoice };
      if (handoff?.reason === 'transfer') return transferTwiml(null, voice, handoff.to, null);
      if (handoff?.reason === 'hangup') return endTwiml();
      if (!call || call.status !== 'in_progress' || params.CallStatus === 'completed') return endTwiml();
      // A Media Stream speaks the greeting itself: one that broke before a word of it went out greets here.
      const greetingUnheard = call.turnCount === 0 && last?.firstSentMs === null && last.response.includes('<Stream');
      return listenTwiml({ text: greetingUnheard ? last.agentText : AGAIN }, voice, turnUrl(config.publicUrl, call.turnCount + 1), []);
    },
  };
}

export type SocketFlow = ReturnType<typeof createSocketFlow>;
