import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The WebSocket URL a call's TwiML gives Twilio. It names the company and the call, which are no
 * secrets, and carries our MAC of both under SESSION_SECRET, so a socket can only ever open the
 * call it was minted for, in the company it was minted for; no key travels in it. Twilio's own
 * X-Twilio-Signature on the handshake is checked besides (voice-socket.routes.ts).
 */
export type SocketKind = 'relay' | 'stream';

export interface SocketTarget {
  companyId: string;
  callSid: string;
}

const mac = (secret: string, kind: SocketKind, t: SocketTarget) =>
  createHmac('sha256', secret).update(`voice-socket\n${kind}\n${t.companyId}\n${t.callSid}`).digest('base64url');

/** ws:// for an http PUBLIC_URL (development), wss:// for https. */
export const socketBase = (publicUrl: string) => publicUrl.replace(/^http/, 'ws');

export const socketPath = (kind: SocketKind) => `/api/voice-socket/${kind}`;

/**
 * ConversationRelay keeps a URL's query; Twilio drops a <Stream> URL's query string, so a
 * Media Streams socket names its call in the path: /api/voice-socket/stream/:company/:call/:sig.
 */
export function socketUrl(publicUrl: string, secret: string, kind: SocketKind, t: SocketTarget): string {
  const sig = mac(secret, kind, t);
  if (kind === 'stream') return `${socketBase(publicUrl)}${socketPath(kind)}/${t.companyId}/${t.callSid}/${sig}`;
  const q = new URLSearchParams({ company: t.companyId, call: t.callSid, sig });
  return `${socketBase(publicUrl)}${socketPath(kind)}?${q.toString()}`;
}

/** The call a socket's query (relay) or path parameters (stream) open, or null when the MAC does not match it. */
export function socketTargetOf(secret: string, kind: SocketKind, query: Record<string, unknown>): SocketTarget | null {
  const { company, call, sig } = query;
  if (typeof company !== 'string' || typeof call !== 'string' || typeof sig !== 'string') return null;
  if (!/^[0-9a-f-]{36}$/.test(company) || !/^[A-Za-z0-9]{1,64}$/.test(call)) return null;
  const expected = Buffer.from(mac(secret, kind, { companyId: company, callSid: call }));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { companyId: company, callSid: call } : null;
}
