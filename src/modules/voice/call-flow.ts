import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { VoiceModeSetting } from '../../config-voice.ts';
import type { CallStatus } from '../../db/schema.ts';
import type { AgentRuntime, TurnRunner } from '../agent/turn-runner.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { AgentProfile, TurnResult } from '../conversation/types.ts';
import type { VoiceSettings } from '../voice-settings/voice-settings.schemas.ts';
import type { SocketActionParams, SocketFlow } from './socket-flow.ts';
import { hangupTwiml, listenTwiml, transferTwiml, turnUrl, DEFAULT_VOICE, type Speech, type VoiceOptions } from './twiml.ts';

/** Speech out: a clip URL when ElevenLabs answers within the budget, else the <Say> voice. */
export interface Speaker {
  speak(companyId: string, text: string, budgetMs: number): Promise<{ audioUrl?: string | undefined; sayVoice: string; ms: number }>;
}

export interface TwilioCallParams {
  CallSid: string;
  From?: string;
  To?: string;
  SpeechResult?: string;
  Confidence?: string;
  CallStatus?: string;
  CallDuration?: string;
}

export interface CallFlowDeps {
  config: Config;
  calls: CallsService;
  runner: TurnRunner;
  runtime: Pick<AgentRuntime, 'hintsFor' | 'profileFor'>;
  speaker: Speaker;
  /** How the company's calls are carried, its default resolved. */
  modeOf(companyId: string): Promise<{ mode: VoiceModeSetting; voice: VoiceSettings }>;
  sockets: SocketFlow;
  logger: FastifyBaseLogger;
  /** Called after a turn booked (once per booking): the confirmation SMS. */
  onBooked?: (companyId: string, bookingId: string) => Promise<unknown>;
}

const STATUS: Record<string, CallStatus> = { completed: 'completed', busy: 'busy', 'no-answer': 'no_answer', failed: 'failed', canceled: 'canceled' };
/** The share of a turn's budget the engine may use; the rest is for speech. */
export const ENGINE_SHARE = 0.65;
const SORRY = "I'm sorry, I'm having trouble on my end right now. Please call back in a few minutes. Goodbye.";

export const UNKNOWN_NUMBER_TWIML = hangupTwiml({ text: "Sorry, this number isn't set up to take calls right now. Please check the number and try again. Goodbye." }, DEFAULT_VOICE);
export const SUSPENDED_TWIML = hangupTwiml({ text: "Sorry, this business isn't taking calls through this line right now. Please try again later. Goodbye." }, DEFAULT_VOICE);
export const FALLBACK_TWIML = hangupTwiml({ text: SORRY }, DEFAULT_VOICE);

/** After a turn that booked (recorded once): the confirmation SMS is queued. */
export async function confirmBooking(deps: Pick<CallFlowDeps, 'onBooked' | 'logger'>, companyId: string, result: TurnResult): Promise<void> {
  if (result.outcome !== 'booked' || !result.state.bookingId || !deps.onBooked) return;
  await deps.onBooked(companyId, result.state.bookingId).catch((err: unknown) => deps.logger.error({ err, companyId }, 'could not queue the booking confirmation'));
}

/**
 * One phone call, turn by turn, with nothing kept in the process: each webhook loads the call
 * from the database, runs one turn and stores it. A repeated delivery of a turn gets the
 * recorded answer back and acts on nothing.
 */
export function createCallFlow(deps: CallFlowDeps) {
  const { config, calls, runner, runtime, speaker, logger } = deps;

  async function render(companyId: string, profile: AgentProfile, result: Pick<TurnResult, 'say' | 'next'>, nextSeq: number, budgetMs: number) {
    const spoken = await speaker.speak(companyId, result.say, budgetMs);
    const speech: Speech = { text: result.say, audioUrl: spoken.audioUrl };
    const voice: VoiceOptions = { language: profile.language, sayVoice: spoken.sayVoice };
    const next = result.next;
    if (next.kind === 'hangup') return { twiml: hangupTwiml(speech, voice), speechMs: spoken.ms };
    if (next.kind === 'transfer') return { twiml: transferTwiml(speech, voice, next.to, null), speechMs: spoken.ms };
    const hints = await runtime.hintsFor(companyId, profile);
    return { twiml: listenTwiml(speech, voice, turnUrl(config.publicUrl, nextSeq), hints), speechMs: spoken.ms };
  }

  const begin = (companyId: string, params: TwilioCallParams, seq: number) =>
    calls.begin(companyId, { callSid: params.CallSid, channel: 'phone', from: params.From ?? null, to: params.To ?? null, at: runner.clock() }, seq);

  return {
    /** An incoming call: the greeting, then listen. Twilio's retries get the same greeting. */
    async incoming(companyId: string, params: TwilioCallParams): Promise<string> {
      const { call, recorded } = await begin(companyId, params, 0);
      if (recorded) return recorded.response;
      const { profile, result } = await runner.greeting(companyId);
      const { mode, voice } = await deps.modeOf(companyId);
      if (mode === 'relay' || mode === 'stream') {
        // Relay: Twilio speaks the greeting from the TwiML; stream: our socket speaks it once the stream starts.
        const twiml = mode === 'relay' ? await deps.sockets.answerRelay(companyId, call.callSid, profile, voice, result.say) : deps.sockets.answerStream(companyId, call.callSid);
        return runner.record(companyId, call, 0, { ran: null, result, response: twiml, speechMs: 0, transport: mode });
      }
      const { twiml, speechMs } = await render(companyId, profile, result, 1, config.turnBudgetMs);
      return runner.record(companyId, call, 0, { ran: null, result, response: twiml, speechMs, transport: 'gather' });
    },

    /** One turn: what the caller said (or silence) in, the agent's answer out. */
    async turn(companyId: string, params: TwilioCallParams, asked: number): Promise<string> {
      let seq = asked;
      let { call, recorded } = await begin(companyId, params, seq);
      if (recorded && !recorded.response.trimStart().startsWith('<')) {
        // A socket turn (ConversationRelay, Media Streams) took this number after the call fell
        // back to <Gather> (its socket broke while the turn ran): the caller's answer is the turn after it.
        seq = call.turnCount + 1;
        ({ call, recorded } = await begin(companyId, params, seq));
      }
      if (recorded) return recorded.response;
      const text = (params.SpeechResult ?? '').trim();
      const confidence = params.Confidence === undefined || params.Confidence === '' ? null : Number(params.Confidence);
      const utterance = text ? { text, confidence: Number.isFinite(confidence) ? confidence : null } : null;
      const ran = await runner.run(companyId, call, seq, utterance, AbortSignal.timeout(Math.round(config.turnBudgetMs * ENGINE_SHARE)));
      const { twiml, speechMs } = await render(companyId, ran.profile, ran.result, seq + 1, Math.max(200, config.turnBudgetMs - ran.engineMs));
      const response = await runner.record(companyId, call, seq, { ran, result: ran.result, response: twiml, speechMs, transport: 'gather' });
      if (response === twiml) await confirmBooking(deps, companyId, ran.result);
      return response;
    },

    /** A ConversationRelay session or a Media Stream ended: the transfer, the goodbye, or the call carries on by <Gather>. */
    async socketEnded(companyId: string, params: SocketActionParams): Promise<string> {
      const profile = await runtime.profileFor(companyId, runner.clock());
      return deps.sockets.ended(companyId, params, profile.language);
    },

    /** Twilio's status callback closes the call record. */
    async status(companyId: string, params: TwilioCallParams): Promise<void> {
      const status = STATUS[params.CallStatus ?? ''];
      if (!status) return; // ringing, in-progress: nothing to close
      const duration = Number(params.CallDuration);
      await calls.finish(companyId, params.CallSid, { status, durationSeconds: Number.isFinite(duration) ? duration : null, endedAt: runner.clock() });
    },

    /** The answer when anything in a turn failed: polite words, never an error or dead air. */
    apology(err: unknown, context: Record<string, unknown>): string {
      logger.error({ err, ...context }, 'call turn failed; apologising to the caller');
      return FALLBACK_TWIML;
    },
  };
}

export type CallFlow = ReturnType<typeof createCallFlow>;
