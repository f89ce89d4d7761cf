import { randomBytes } from 'node:crypto';
import { signAsTwilio } from '../../modules/voice/twilio-signature.ts';
import { readTwiml, type Verb } from './twiml-reader.ts';

/**
 * A phone call driven through the real voice webhooks exactly as Twilio drives one: each
 * request signed with the auth token over the public URL, each answer's TwiML followed (what is
 * said is collected; a <Gather> waits for the caller's next line and posts it to its action).
 * Used by `npm run call` against a running server and by the call tests through app.inject.
 */
export interface WebhookTransport {
  /** POST a form to a full public URL with the given X-Twilio-Signature. */
  post(url: string, params: Record<string, string>, signature: string): Promise<{ status: number; body: string }>;
}

export interface CallStep {
  status: number;
  /** What the agent said through <Say>, in order. */
  said: string[];
  /** Clip URLs played, in order. */
  played: string[];
  next:
    | { kind: 'listen'; action: string; hints: string[] }
    | { kind: 'hangup' }
    | { kind: 'transfer'; to: string }
    | { kind: 'refused' }
    /** ConversationRelay: Twilio speaks the greeting and opens the socket; the action follows the session. */
    | { kind: 'relay'; url: string; action: string; attrs: Record<string, string> }
    /** Media Streams: Twilio opens the socket and plays what it sends; the action follows the stream. */
    | { kind: 'stream'; url: string; action: string };
  raw: string;
}

export interface SimulatedCallOptions {
  publicUrl: string;
  authToken: string;
  transport: WebhookTransport;
  from: string;
  to: string;
  callSid?: string;
}

export function stepOf(status: number, body: string): CallStep {
  if (status !== 200) return { status, said: [], played: [], next: { kind: 'refused' }, raw: body };
  const said: string[] = [];
  const played: string[] = [];
  let next: CallStep['next'] | undefined;
  const walk = (verbs: Verb[]) => {
    for (const v of verbs) {
      if (next) return;
      if (v.kind === 'say') said.push(v.text);
      else if (v.kind === 'play') played.push(v.url);
      else if (v.kind === 'gather') {
        walk(v.children);
        next = { kind: 'listen', action: v.action, hints: v.hints };
      } else if (v.kind === 'dial') next = { kind: 'transfer', to: v.number };
      else if (v.kind === 'hangup') next = { kind: 'hangup' };
      else if (v.kind === 'relay') {
        if (v.greeting) said.push(v.greeting);
        next = { kind: 'relay', url: v.url, action: v.action, attrs: v.attrs };
      } else if (v.kind === 'stream') next = { kind: 'stream', url: v.url, action: v.action };
    }
  };
  walk(readTwiml(body));
  return { status, said, played, next: next ?? { kind: 'hangup' }, raw: body };
}

export function createSimulatedCall(options: SimulatedCallOptions) {
  const callSid = options.callSid ?? `CA${randomBytes(16).toString('hex')}`;
  const base = { CallSid: callSid, AccountSid: `AC${'0'.repeat(32)}`, From: options.from, To: options.to, Direction: 'inbound', ApiVersion: '2010-04-01' };
  let pending: string | null = null;
  let startedAt = 0;

  async function post(url: string, params: Record<string, string>) {
    const signature = signAsTwilio(options.authToken, url, params);
    return options.transport.post(url, params, signature);
  }

  return {
    callSid,

    /** The phone rings: Twilio's first webhook. */
    async start(): Promise<CallStep> {
      startedAt = Date.now();
      const res = await post(`${options.publicUrl}/api/twilio/voice`, { ...base, CallStatus: 'ringing' });
      const step = stepOf(res.status, res.body);
      pending = step.next.kind === 'listen' ? step.next.action : null;
      return step;
    },

    /** The caller speaks (or stays silent: null) in answer to the pending <Gather>. */
    async say(text: string | null, confidence = 0.92): Promise<CallStep> {
      if (!pending) throw new Error('the agent is not listening');
      const speech: Record<string, string> = text === null ? {} : { SpeechResult: text, Confidence: String(confidence) };
      const res = await post(pending, { ...base, CallStatus: 'in-progress', ...speech });
      const step = stepOf(res.status, res.body);
      pending = step.next.kind === 'listen' ? step.next.action : null;
      return step;
    },

    /** The socket session ended (ConversationRelay, Media Stream): Twilio posts its <Connect> action, with our handoff data if we sent `end`. */
    async socketEnded(action: string, session: { handoffData?: string | undefined; status?: string; errorCode?: string }): Promise<CallStep> {
      const params: Record<string, string> = { ...base, CallStatus: 'in-progress', SessionStatus: session.status ?? 'ended' };
      if (session.handoffData !== undefined) params.HandoffData = session.handoffData;
      if (session.errorCode) params.ErrorCode = session.errorCode;
      const res = await post(action, params);
      const step = stepOf(res.status, res.body);
      pending = step.next.kind === 'listen' ? step.next.action : null;
      return step;
    },

    /** Repeats the last delivery, as Twilio does when it did not get an answer in time. */
    async redeliver(action: string, text: string, confidence = 0.92): Promise<CallStep> {
      const res = await post(action, { ...base, CallStatus: 'in-progress', SpeechResult: text, Confidence: String(confidence) });
      return stepOf(res.status, res.body);
    },

    /** The call ends: Twilio's status callback. */
    async hangUp(status = 'completed'): Promise<number> {
      const duration = String(Math.max(1, Math.round((Date.now() - startedAt) / 1000)));
      return (await post(`${options.publicUrl}/api/twilio/status`, { ...base, CallStatus: status, CallDuration: duration })).status;
    },

    /** The call's form fields as Twilio sends them (for the relay client's setup). */
    base,

    get listening(): boolean {
      return pending !== null;
    },
  };
}

export type SimulatedCall = ReturnType<typeof createSimulatedCall>;
