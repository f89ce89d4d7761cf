import { once } from 'node:events';
import WebSocket from 'ws';
import { signAsTwilio } from '../../modules/voice/twilio-signature.ts';

/**
 * Twilio's side of a ConversationRelay socket, for `npm run call -- --mode relay` and the tests:
 * opens the socket the call's TwiML named with the handshake signed as Twilio signs it (the
 * public wss:// URL, no parameters), sends `setup`, then the caller's lines as final prompts and
 * collects the agent's text tokens up to the one marked last; `end` is kept for the action.
 */
export interface RelayReply {
  /** The text tokens, in order. */
  tokens: string[];
  text: string;
  /** performance.now() when the first token arrived (null: none did). */
  firstAt: number | null;
}

export interface RelayClientOptions {
  /** The URL from the TwiML, as Twilio got it (signed over this). */
  publicUrl: string;
  /** Where to connect (the server may sit behind PUBLIC_URL); default: `publicUrl`. */
  connectUrl?: string;
  authToken: string;
  /** Sent in `setup`, as Twilio does. */
  call: { CallSid: string; From: string; To: string; AccountSid: string };
  /** Send this signature instead (tests of a refused handshake). */
  signature?: string;
}

export async function openRelay(options: RelayClientOptions) {
  const signature = options.signature ?? signAsTwilio(options.authToken, options.publicUrl, {});
  const ws = new WebSocket(options.connectUrl ?? options.publicUrl, { headers: { 'x-twilio-signature': signature } });
  const inbox: { m: Record<string, unknown>; at: number }[] = [];
  let waiter: (() => void) | null = null;
  let endMessage: { handoffData: string } | null = null;
  let endWaiter: (() => void) | null = null;
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  ws.on('message', (data) => {
    const at = performance.now();
    const m = JSON.parse(data.toString()) as Record<string, unknown>;
    if (m.type === 'end') {
      endMessage = { handoffData: String(m.handoffData ?? '') };
      endWaiter?.();
    } else inbox.push({ m, at });
    waiter?.();
  });
  await Promise.race([once(ws, 'open'), once(ws, 'unexpected-response').then(([, res]) => {
    throw new Error(`Unexpected server response: ${(res as { statusCode: number }).statusCode}`);
  })]);

  const send = (message: object) => ws.send(JSON.stringify(message));
  const next = async (): Promise<{ m: Record<string, unknown>; at: number } | null> => {
    while (inbox.length === 0) {
      if (ws.readyState !== WebSocket.OPEN) return null;
      await Promise.race([new Promise<void>((r) => (waiter = r)), closed]);
    }
    return inbox.shift()!;
  };

  return {
    /** The handshake and the call's first message. */
    setup(): void {
      const c = options.call;
      send({ type: 'setup', sessionId: `VX${c.CallSid.slice(2)}`, callSid: c.CallSid, accountSid: c.AccountSid, from: c.From, to: c.To, direction: 'inbound', callType: 'PSTN', callStatus: 'IN-PROGRESS', customParameters: {} });
    },

    /** The caller said `text` (a final transcript); resolves with the agent's reply. */
    async say(text: string): Promise<RelayReply> {
      send({ type: 'prompt', voicePrompt: text, lang: 'en-US', last: true });
      return this.reply();
    },

    /** The next reply: text tokens up to the one marked last (empty when the socket closed first). */
    async reply(): Promise<RelayReply> {
      const tokens: string[] = [];
      let firstAt: number | null = null;
      for (;;) {
        const got = await next();
        if (!got) break;
        if (got.m.type !== 'text') continue;
        firstAt ??= got.at;
        tokens.push(String(got.m.token));
        if (got.m.last === true) break;
      }
      return { tokens, text: tokens.join('').trim(), firstAt };
    },

    /** The caller cut in after hearing `heard` of the agent's answer. */
    interrupt(heard: string, durationMs = 900): void {
      send({ type: 'interrupt', utteranceUntilInterrupt: heard, durationUntilInterruptMs: durationMs });
    },

    dtmf(digit: string): void {
      send({ type: 'dtmf', digit });
    },

    /** Our `end` message, when it comes (waits for it). */
    async ended(): Promise<{ handoffData: string } | null> {
      if (!endMessage && ws.readyState === WebSocket.OPEN) await Promise.race([new Promise<void>((r) => (endWaiter = r)), closed]);
      return endMessage;
    },

    /** Our `end`, if it has come already. */
    get endMessage(): { handoffData: string } | null {
      return endMessage;
    },

    /** The socket breaks (as when the network drops): no close handshake. */
    drop(): void {
      ws.terminate();
    },

    close(): Promise<{ code: number }> {
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      return closed;
    },

    closed,
  };
}

export type RelayClient = Awaited<ReturnType<typeof openRelay>>;
