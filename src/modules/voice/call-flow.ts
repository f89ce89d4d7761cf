import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { CallStatus } from '../../db/schema.ts';
import type { CallsService, CallRecord } from '../calls/calls.service.ts';
import type { AgentProfile, AgentTools, CallInfo, ConversationEngine, DialogState, TurnResult } from '../conversation/types.ts';
import { initialState } from '../conversation/types.ts';
import { hangupTwiml, listenTwiml, transferTwiml, DEFAULT_VOICE, type Speech, type VoiceOptions } from './twiml.ts';

/** How the agent runs for a company: its profile, tools and engine for one turn. */
export interface AgentRuntime {
  profileFor(companyId: string, now: Date): Promise<AgentProfile>;
  toolsFor(companyId: string, call: CallInfo, now: Date): AgentTools;
  engineFor(companyId: string): Promise<ConversationEngine>;
  /** Words to help speech recognition: services, trade vocabulary. */
  hintsFor(companyId: string, profile: AgentProfile): Promise<string[]>;
}

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
  runtime: AgentRuntime;
  speaker: Speaker;
  logger: FastifyBaseLogger;
  now?: () => Date;
}

const STATUS: Record<string, CallStatus> = { completed: 'completed', busy: 'busy', 'no-answer': 'no_answer', failed: 'failed', canceled: 'canceled' };
const SPEECH_SHARE = 0.35;
const SORRY = "I'm sorry, I'm having trouble on my end right now. Please call back in a few minutes. Goodbye.";

export const UNKNOWN_NUMBER_TWIML = hangupTwiml({ text: "Sorry, this number isn't set up to take calls right now. Please check the number and try again. Goodbye." }, DEFAULT_VOICE);
export const SUSPENDED_TWIML = hangupTwiml({ text: "Sorry, this business isn't taking calls through this line right now. Please try again later. Goodbye." }, DEFAULT_VOICE);
export const FALLBACK_TWIML = hangupTwiml({ text: SORRY }, DEFAULT_VOICE);

const callInfoOf = (call: CallRecord): CallInfo => ({ id: call.id, callSid: call.callSid, callerNumber: call.fromNumber, channel: call.channel, startedAt: call.startedAt });

function dialogStateOf(stored: Record<string, unknown>): DialogState {
  const s = stored as Partial<DialogState>;
  return s.facts && s.engine ? (s as DialogState) : initialState();
}

/**
 * One phone call, turn by turn, with nothing kept in the process: each webhook loads the call
 * from the database, runs one turn and stores it. A repeated delivery of a turn gets the
 * recorded answer back and acts on nothing.
 */
export function createCallFlow(deps: CallFlowDeps) {
  const { config, calls, runtime, speaker, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const turnUrl = (seq: number) => `${config.publicUrl}/api/twilio/turn?seq=${seq}`;

  async function render(companyId: string, profile: AgentProfile, result: Pick<TurnResult, 'say' | 'next'>, nextSeq: number, budgetMs: number) {
    const spoken = await speaker.speak(companyId, result.say, budgetMs);
    const speech: Speech = { text: result.say, audioUrl: spoken.audioUrl };
    const voice: VoiceOptions = { language: profile.language, sayVoice: spoken.sayVoice };
    const next = result.next;
    if (next.kind === 'hangup') return { twiml: hangupTwiml(speech, voice), speechMs: spoken.ms };
    if (next.kind === 'transfer') return { twiml: transferTwiml(speech, voice, next.to, null), speechMs: spoken.ms };
    const hints = await runtime.hintsFor(companyId, profile);
    return { twiml: listenTwiml(speech, voice, turnUrl(nextSeq), hints), speechMs: spoken.ms };
  }

  return {
    /** An incoming call: the greeting, then listen. Twilio's retries get the same greeting. */
    async incoming(companyId: string, params: TwilioCallParams): Promise<string> {
      const { call } = await calls.begin(companyId, { callSid: params.CallSid, channel: 'phone', from: params.From ?? null, to: params.To ?? null });
      const recorded = await calls.recordedTurn(companyId, call.id, 0);
      if (recorded) return recorded.response;
      const at = now();
      const profile = await runtime.profileFor(companyId, at);
      const greeting = { say: profile.greeting, next: { kind: 'listen' as const } };
      const { twiml, speechMs } = await render(companyId, profile, greeting, 1, config.turnBudgetMs * SPEECH_SHARE);
      const saved = await calls.recordTurn(
        companyId,
        call.id,
        { seq: 0, caller_text: null, confidence: null, agent_text: profile.greeting, response: twiml, intent: 'greeting', engine: 'greeting', engine_ms: 0, speech_ms: speechMs },
        { state: initialState() },
      );
      return saved.response;
    },

    /** One turn: what the caller said (or silence) in, the agent's answer out. */
    async turn(companyId: string, params: TwilioCallParams, seq: number): Promise<string> {
      const { call } = await calls.begin(companyId, { callSid: params.CallSid, channel: 'phone', from: params.From ?? null, to: params.To ?? null });
      const recorded = await calls.recordedTurn(companyId, call.id, seq);
      if (recorded) return recorded.response;

      const at = now();
      const started = performance.now();
      const profile = await runtime.profileFor(companyId, at);
      const text = (params.SpeechResult ?? '').trim();
      const confidence = params.Confidence === undefined || params.Confidence === '' ? null : Number(params.Confidence);
      const utterance = text ? { text, confidence: Number.isFinite(confidence) ? confidence : null } : null;
      const info = callInfoOf(call);
      const engine = await runtime.engineFor(companyId);
      const result = await engine.respond(
        { profile, call: info, state: dialogStateOf(call.state), utterance, seq, now: at },
        runtime.toolsFor(companyId, info, at),
        AbortSignal.timeout(Math.round(config.turnBudgetMs * (1 - SPEECH_SHARE))),
      );
      const engineMs = Math.round(performance.now() - started);
      const { twiml, speechMs } = await render(companyId, profile, result, seq + 1, Math.max(200, config.turnBudgetMs - engineMs));
      const { facts } = result.state;
      const saved = await calls.recordTurn(
        companyId,
        call.id,
        {
          seq,
          caller_text: text || null,
          confidence: utterance?.confidence ?? null,
          agent_text: result.say,
          response: twiml,
          intent: result.intent ?? null,
          engine: (result.state.engine.lastEngine as 'embedded' | 'llm' | 'fallback' | undefined) ?? engine.name,
          engine_ms: engineMs,
          speech_ms: speechMs,
        },
        {
          state: result.state,
          outcome: result.outcome,
          bookingId: result.outcome === 'booked' ? result.state.bookingId : undefined,
          learned: { name: facts.name, address: facts.address, zip: facts.zip },
        },
      );
      return saved.response;
    },

    /** Twilio's status callback closes the call record. */
    async status(companyId: string, params: TwilioCallParams): Promise<void> {
      const status = STATUS[params.CallStatus ?? ''];
      if (!status) return; // ringing, in-progress: nothing to close
      const duration = Number(params.CallDuration);
      await calls.finish(companyId, params.CallSid, { status, durationSeconds: Number.isFinite(duration) ? duration : null, endedAt: now() });
    },

    /** The answer when anything in a turn failed: polite words, never an error or dead air. */
    apology(err: unknown, context: Record<string, unknown>): string {
      logger.error({ err, ...context }, 'call turn failed; apologising to the caller');
      return FALLBACK_TWIML;
    },
  };
}

export type CallFlow = ReturnType<typeof createCallFlow>;
