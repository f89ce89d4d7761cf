import { once } from 'node:events';
import WebSocket from 'ws';
import { signAsTwilio } from '../../modules/voice/twilio-signature.ts';

/**
 * Twilio's side of a bidirectional Media Stream, for the tests and the benchmark: opens the
 * socket the call's <Stream> named, its handshake signed as Twilio signs it, sends `connected`
 * and `start`, then the caller's μ-law audio as 20 ms `media` frames. It plays what it gets back
 * as a phone would (in real time, or `playbackSpeed` times faster): a `mark` is echoed once the
 * audio before it has played; `clear` drops what has not, echoing the marks still pending.
 */
export interface StreamClientOptions {
  /** The URL from the TwiML, as Twilio got it (signed over this). */
  publicUrl: string;
  connectUrl?: string;
  authToken: string;
  call: { CallSid: string; AccountSid: string };
  signature?: string;
  playbackSpeed?: number;
}

export interface Heard {
  /** μ-law bytes of agent audio received since the last `take()`. */
  bytes: number;
  marks: string[];
  /** performance.now() of the first frame received since the last take. */
  firstAt: number | null;
}

const FRAME = 160;

export async function openMediaStream(options: StreamClientOptions) {
  const signature = options.signature ?? signAsTwilio(options.authToken, options.publicUrl, {});
  const ws = new WebSocket(options.connectUrl ?? options.publicUrl, { headers: { 'x-twilio-signature': signature } });
  const streamSid = `MZ${options.call.CallSid.slice(2)}`;
  const speed = options.playbackSpeed ?? 1;
  let sequence = 0;
  let playsUntil = 0;
  const pending = new Map<string, NodeJS.Timeout>();
  const clears: number[] = [];
  let heard: Heard = { bytes: 0, marks: [], firstAt: null };
  const listeners = new Set<() => void>();
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  const changed = () => listeners.forEach((l) => l());

  const send = (m: object) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ ...m, sequenceNumber: String(++sequence), streamSid }));
  };
  const echo = (name: string) => {
    pending.delete(name);
    heard.marks.push(name);
    send({ event: 'mark', mark: { name } });
    changed();
  };

  ws.on('message', (data) => {
    const at = performance.now();
    const m = JSON.parse(data.toString()) as { event: string; streamSid?: string; media?: { payload: string }; mark?: { name: string } };
    if (m.streamSid !== streamSid) throw new Error(`a message for stream ${m.streamSid}, not ${streamSid}`);
    if (m.event === 'media') {
      const bytes = Buffer.from(m.media!.payload, 'base64').length;
      heard.bytes += bytes;
      heard.firstAt ??= at;
      playsUntil = Math.max(playsUntil, at) + bytes / 8 / speed;
    } else if (m.event === 'mark') {
      const name = m.mark!.name;
      pending.set(name, setTimeout(() => echo(name), Math.max(0, playsUntil - at)));
    } else if (m.event === 'clear') {
      clears.push(at);
      playsUntil = at;
      for (const [name, timer] of pending) {
        clearTimeout(timer);
        echo(name);
      }
    }
    changed();
  });
  await Promise.race([once(ws, 'open'), once(ws, 'unexpected-response').then(([, res]) => {
    throw new Error(`Unexpected server response: ${(res as { statusCode: number }).statusCode}`);
  })]);

  return {
    streamSid,
    clears,
    /** `connected`, then `start` naming the call (Twilio's first two messages). */
    start(callSid = options.call.CallSid): void {
      send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
      send({
        event: 'start',
        start: { accountSid: options.call.AccountSid, streamSid, callSid, tracks: ['inbound'], customParameters: {}, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
      });
    },
    /** The caller's audio, as 20 ms frames (sent at once: the recogniser counts samples, not wall time). */
    sendAudio(audio: Buffer): number {
      const at = performance.now();
      for (let i = 0, chunk = 1; i < audio.length; i += FRAME, chunk++) {
        send({ event: 'media', media: { track: 'inbound', chunk: String(chunk), timestamp: String(i / 8), payload: audio.subarray(i, i + FRAME).toString('base64') } });
      }
      return at;
    },
    dtmf(digit: string): void {
      send({ event: 'dtmf', dtmf: { track: 'inbound_track', digit } });
    },
    /** What was heard since the last take, and a fresh count from now. */
    take(): Heard {
      const h = heard;
      heard = { bytes: 0, marks: [], firstAt: null };
      return h;
    },
    peek: (): Heard => heard,
    /** Nothing is left to play: every mark so far has come back. */
    get idle(): boolean {
      return pending.size === 0;
    },
    /** Resolves when `predicate` holds (checked on every message), or rejects after `timeoutMs`. */
    async until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
      if (predicate()) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { listeners.delete(check); reject(new Error('the stream did not get there in time')); }, timeoutMs);
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void closed.then(check);
      });
    },
    /** Twilio ends the stream (the call ended). */
    stop(): void {
      send({ event: 'stop', stop: { accountSid: options.call.AccountSid, callSid: options.call.CallSid } });
    },
    /** The socket breaks: no close handshake. */
    drop(): void {
      ws.terminate();
    },
    close(): Promise<{ code: number }> {
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      return closed;
    },
    closed,
    get open(): boolean {
      return ws.readyState === WebSocket.OPEN;
    },
  };
}

export type MediaStreamClient = Awaited<ReturnType<typeof openMediaStream>>;
