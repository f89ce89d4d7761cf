import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { tone } from './mulaw.ts';

/**
 * ElevenLabs' `stream-input` WebSocket on loopback:
 * `/v1/text-to-speech/{voice_id}/stream-input?model_id=...&output_format=ulaw_8000`, with
 * `xi-api-key` (401 otherwise). The first message (a single space, with voice_settings) opens the
 * generation; text is buffered and spoken when flushed (`flush: true`) or when the text ends
 * (`{"text":""}`), as base64 μ-law chunks with each chunk's character alignment, then
 * `{"isFinal":true}` and a normal close. Audio lasts `msPerChar` per character.
 */
export interface StreamedSynthesis {
  voiceId: string;
  query: URLSearchParams;
  voiceSettings: unknown;
  /** The text spoken, as received. */
  text: string;
  /** μ-law bytes sent. */
  bytes: number;
  /** isFinal sent: every word spoken. */
  final: boolean;
  /** The client closed the socket before the end (a cancelled reply). */
  cancelled: boolean;
  /** When the socket opened and when the text began (performance.now()). */
  openedAt: number;
  textAt: number | null;
}

export interface ElevenLabsStreamStub {
  url: string;
  syntheses: StreamedSynthesis[];
  /** Resolves with the next synthesis to finish (after those already taken). */
  nextSpoken(timeoutMs?: number): Promise<StreamedSynthesis>;
  behave(b: { firstChunkDelayMs?: number; chunkIntervalMs?: number; msPerChar?: number }): void;
  close(): Promise<void>;
}

const PATH = /^\/v1\/text-to-speech\/([^/]+)\/stream-input$/;
const CHARS_PER_CHUNK = 12;
const AGENT_TONE_HZ = 180;

export async function startElevenLabsStreamStub(options: { apiKeys: string[] }): Promise<ElevenLabsStreamStub> {
  const keys = new Set(options.apiKeys);
  const syntheses: StreamedSynthesis[] = [];
  let behaviour = { firstChunkDelayMs: 0, chunkIntervalMs: 0, msPerChar: 1 };
  let taken = 0;
  const waiters: (() => void)[] = [];
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => res.writeHead(404).end());
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const m = PATH.exec(url.pathname);
    const key = req.headers['xi-api-key'];
    if (!m || typeof key !== 'string' || !keys.has(key)) {
      const body = JSON.stringify({ detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
      return socket.end(`HTTP/1.1 ${m ? 401 : 404} Refused\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => speak(ws, decodeURIComponent(m[1]!), url.searchParams));
  });

  function speak(ws: WebSocket, voiceId: string, query: URLSearchParams): void {
    const rec: StreamedSynthesis = { voiceId, query, voiceSettings: null, text: '', bytes: 0, final: false, cancelled: false, openedAt: performance.now(), textAt: null };
    syntheses.push(rec);
    let opened = false;
    let buffer = '';
    let chunksSent = 0;
    // Generation in order: each flush is spoken after the one before it.
    let line: Promise<void> = Promise.resolve();
    const say = (text: string) => {
      line = line.then(async () => {
        for (let at = 0; at < text.length; at += CHARS_PER_CHUNK) {
          const chars = [...text.slice(at, at + CHARS_PER_CHUNK)];
          await sleep(chunksSent === 0 ? behaviour.firstChunkDelayMs : behaviour.chunkIntervalMs);
          if (ws.readyState !== ws.OPEN) return;
          const audio = tone(AGENT_TONE_HZ, chars.length * behaviour.msPerChar, 4000);
          const alignment = { chars, charStartTimesMs: chars.map((_, i) => i * behaviour.msPerChar), charDurationsMs: chars.map(() => behaviour.msPerChar) };
          ws.send(JSON.stringify({ audio: audio.toString('base64'), isFinal: null, normalizedAlignment: alignment, alignment }));
          rec.bytes += audio.length;
          chunksSent++;
        }
      });
    };
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { text?: string; flush?: boolean; voice_settings?: unknown };
      if (typeof msg.text !== 'string') return;
      if (!opened) {
        opened = true;
        rec.voiceSettings = msg.voice_settings ?? null;
        return;
      }
      if (msg.text === '') {
        say(buffer);
        buffer = '';
        void line.then(() => {
          if (ws.readyState !== ws.OPEN) return;
          rec.final = true;
          ws.send(JSON.stringify({ isFinal: true }));
          ws.close(1000);
          for (const w of waiters.splice(0)) w();
        });
        return;
      }
      rec.textAt ??= performance.now();
      rec.text += msg.text;
      buffer += msg.text;
      if (msg.flush) {
        say(buffer);
        buffer = '';
      }
    });
    ws.on('close', () => {
      if (!rec.final) rec.cancelled = true;
    });
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    syntheses,
    async nextSpoken(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const done = syntheses.filter((s) => s.final);
        if (done.length > taken) return done[taken++]!;
        if (Date.now() > deadline) throw new Error('no synthesis finished in time');
        await Promise.race([new Promise<void>((r) => waiters.push(r)), sleep(100)]);
      }
    },
    behave(b) {
      behaviour = { ...behaviour, ...b };
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
