import { unreadMetrics, type AppMetrics } from '../../observability/metrics.ts';
import type { CallRecord, CallsService, TurnWrite } from '../calls/calls.service.ts';
import type { AgentProfile, AgentTools, CallInfo, DialogState, TurnInput, TurnResult, Utterance } from '../conversation/types.ts';
import { initialState } from '../conversation/types.ts';

/** How the agent runs for a company: its profile, tools and engine for one turn. */
export interface AgentRuntime {
  profileFor(companyId: string, now: Date): Promise<AgentProfile>;
  /** `deferWrite` takes the writes that belong with the turn's record (see `record`). */
  toolsFor(companyId: string, call: CallInfo, now: Date, deferWrite?: (write: TurnWrite) => void): AgentTools;
  /** Runs the company's engine for one turn; says which engine's words the caller hears. */
  respond(input: TurnInput, tools: AgentTools, signal: AbortSignal): Promise<{ result: TurnResult; engine: 'embedded' | 'llm' | 'fallback' }>;
  /** Words to help speech recognition: services, trade vocabulary. */
  hintsFor(companyId: string, profile: AgentProfile): Promise<string[]>;
}

export type EngineName = 'embedded' | 'llm' | 'fallback';

export interface RanTurn {
  profile: AgentProfile;
  result: TurnResult;
  engine: EngineName;
  engineMs: number;
  /** When the turn began (performance.now()): the turn's whole time is measured from it. */
  startedAt: number;
  utterance: Utterance | null;
  /** What the tools left to write with the turn's record (an unanswered question). */
  writes: TurnWrite[];
}

/** What carried a phone turn: `<Gather>` webhooks, ConversationRelay or a Media Stream. Its send times are marked once they are known (CallsService.markHeard). */
export type CallTransport = 'gather' | 'relay' | 'stream';

export const callInfoOf = (call: CallRecord): CallInfo => ({ id: call.id, callSid: call.callSid, callerNumber: call.fromNumber, channel: call.channel, startedAt: call.startedAt });

function dialogStateOf(stored: Record<string, unknown>): DialogState {
  const s = stored as Partial<DialogState>;
  return s.facts && s.engine ? (s as DialogState) : initialState();
}

/**
 * One turn of a conversation, whatever carries it (a phone call, a web chat): the stored state
 * in, the engine's answer out, and the record of it written once. The channel renders the
 * answer (TwiML, JSON) and passes it as `response`, which is what a repeated delivery gets back.
 */
export function createTurnRunner(deps: { calls: CallsService; runtime: AgentRuntime; clock: () => Date; metrics?: Pick<AppMetrics, 'callTurnSeconds'> }) {
  const { calls, runtime, clock } = deps;
  const metrics = deps.metrics ?? unreadMetrics();

  return {
    clock,

    async greeting(companyId: string): Promise<{ profile: AgentProfile; result: TurnResult }> {
      const profile = await runtime.profileFor(companyId, clock());
      return { profile, result: { say: profile.greeting, next: { kind: 'listen' }, state: initialState(), intent: 'greeting' } };
    },

    /** `speakEarly`: a streaming transport's ear for sentences ready before the turn is (TurnInput). */
    async run(companyId: string, call: CallRecord, seq: number, utterance: Utterance | null, signal: AbortSignal, speakEarly?: (sentence: string) => void): Promise<RanTurn> {
      const at = clock();
      const started = performance.now();
      const profile = await runtime.profileFor(companyId, at);
      const info = callInfoOf(call);
      const writes: TurnWrite[] = [];
      const { result, engine } = await runtime.respond(
        { profile, call: info, state: dialogStateOf(call.state), utterance, seq, now: at, speakEarly },
        runtime.toolsFor(companyId, info, at, (write) => writes.push(write)),
        signal,
      );
      return { profile, result, engine, engineMs: Math.round(performance.now() - started), startedAt: started, utterance, writes };
    },

    /**
     * Records a turn once, with the writes its tools left (one transaction); a concurrent or
     * repeated delivery gets the first one's response and writes nothing.
     */
    async record(companyId: string, call: CallRecord, seq: number, turn: { ran: RanTurn | null; result: TurnResult; response: string; speechMs: number; transport?: CallTransport | undefined }): Promise<string> {
      const before = dialogStateOf(call.state).facts;
      const { result, ran } = turn;
      const { facts } = result.state;
      const saved = await calls.recordTurn(
        companyId,
        call.id,
        {
          seq,
          caller_text: ran?.utterance?.text ?? null,
          confidence: ran?.utterance?.confidence ?? null,
          agent_text: result.say,
          response: turn.response,
          intent: result.intent ?? null,
          engine: ran ? ran.engine : 'greeting',
          engine_ms: ran?.engineMs ?? 0,
          speech_ms: turn.speechMs,
          ...(turn.transport ? { transport: turn.transport } : {}),
        },
        {
          state: result.state,
          outcome: result.outcome,
          bookingId: result.outcome === 'booked' ? result.state.bookingId : undefined,
          learned: { name: facts.name, address: facts.address, zip: facts.zip },
          known: { name: before.name, address: before.address, zip: before.zip },
          writes: ran?.writes,
        },
      );
      // Engine, speech and the write together: what the caller waited for, on our side.
      if (ran) metrics.callTurnSeconds.observe({ engine: ran.engine, channel: call.channel }, (performance.now() - ran.startedAt) / 1000);
      return saved.response;
    },
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;
