import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeMulaw, SAMPLE_RATE } from './mulaw.ts';

/**
 * Deepgram's live recognition on loopback: `GET /v1/listen?encoding=mulaw&sample_rate=8000&...`
 * upgraded to a WebSocket with `Authorization: Token <key>` (401 otherwise, 400 for another
 * encoding). It listens to the μ-law audio it receives: a frame louder than the noise floor is
 * speech (a `SpeechStarted` when vad_events=true), interim `Results` while it lasts, and once
 * `endpointing` ms of silence follow, a final `Results` with speech_final. What it "recognises"
 * is keyed by the sound: each phrase a test registers gets its own tone, and the stub measures
 * the pitch of what it heard (zero crossings) to pick the phrase. KeepAlive and CloseStream are
 * honoured as the real API does.
 */
export interface DeepgramStub {
  url: string;
  /** The tone (Hz) a caller plays to be heard saying `text`. */
  toneFor(text: string): number;
  /** Per socket: its query, audio received, and when each final result was sent (performance.now()). */
  connections: { query: URLSearchParams; bytes: number; keepAlives: number; closedByClient: boolean; finalsAt: number[] }[];
  /** Hold each final result this long (a recogniser's fixed latency, for the benchmark). */
  behave(b: { finalDelayMs?: number }): void;
  close(): Promise<void>;
}

const FRAME = 160; // 20 ms
const SPEECH_RMS = 500;
const FIRST_TONE = 400;
const TONE_STEP = 20;

export async function startDeepgramStub(options: { apiKeys: string[] }): Promise<DeepgramStub> {
  const keys = new Set(options.apiKeys);
  const phrases: string[] = [];
  const connections: DeepgramStub['connections'] = [];
  let finalDelayMs = 0;
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => res.writeHead(404).end());

  const refuse = (socket: Duplex, status: number, body: object) => {
    const text = JSON.stringify(body);
    socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const auth = req.headers.authorization ?? '';
    if (url.pathname !== '/v1/listen') return refuse(socket, 400, { err_code: 'Bad Request', err_msg: 'Unknown path' });
    if (!auth.startsWith('Token ') || !keys.has(auth.slice(6))) return refuse(socket, 401, { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.' });
    if (url.searchParams.get('encoding') !== 'mulaw' || url.searchParams.get('sample_rate') !== '8000') {
      return refuse(socket, 400, { err_code: 'Bad Request', err_msg: 'This stub hears mulaw at 8000 Hz only' });
    }
    wss.handleUpgrade(req, socket, head, (ws) => listen(ws, url.searchParams));
  });

  function listen(ws: WebSocket, query: URLSearchParams): void {
    const rec = { query, bytes: 0, keepAlives: 0, closedByClient: false, finalsAt: [] as number[] };
    connections.push(rec);
    const endpointingMs = Number(query.get('endpointing') ?? 10);
    const vad = query.get('vad_events') === 'true';
    const interims = query.get('interim_results') === 'true';
    let samplesIn = 0;
    let speech: { startedAt: number; samples: number; crossings: number; last: number; silentMs: number } | null = null;
    const seconds = () => samplesIn / SAMPLE_RATE;
    const send = (m: object) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m));
    const results = (transcript: string, isFinal: boolean, speechFinal: boolean, start: number) => send({
      type: 'Results', channel_index: [0, 1], duration: seconds() - start, start, is_final: isFinal, speech_final: speechFinal, from_finalize: false,
      channel: { alternatives: [{ transcript, confidence: transcript ? 0.97 : 0, words: transcript.split(' ').filter(Boolean).map((word) => ({ word, start, end: seconds(), confidence: 0.97 })) }] },
      metadata: { request_id: 'stub', model_info: { name: query.get('model') ?? 'nova-3' } },
    });
    const heard = (s: NonNullable<typeof speech>) => {
      const hz = s.crossings / 2 / (s.samples / SAMPLE_RATE);
      const index = Math.round((hz - FIRST_TONE) / TONE_STEP);
      return phrases[index] ?? '';
    };
    const endSpeech = () => {
      const s = speech!;
      speech = null;
      const text = heard(s);
      const deliver = () => {
        results(text, true, true, s.startedAt);
        rec.finalsAt.push(performance.now());
        send({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: seconds() });
      };
      if (finalDelayMs > 0) setTimeout(deliver, finalDelayMs);
      else deliver();
    };

    function frame(pcm: Int16Array): void {
      let sum = 0;
      for (const v of pcm) sum += v * v;
      const loud = Math.sqrt(sum / pcm.length) > SPEECH_RMS;
      if (loud) {
        if (!speech) {
          speech = { startedAt: seconds(), samples: 0, crossings: 0, last: pcm[0]!, silentMs: 0 };
          if (vad) send({ type: 'SpeechStarted', channel: [0], timestamp: seconds() });
        }
        for (const v of pcm) {
          if ((v < 0) !== (speech.last < 0)) speech.crossings++;
          speech.last = v;
        }
        speech.samples += pcm.length;
        speech.silentMs = 0;
        // An interim every 100 ms of speech: the words so far of what it will be.
        if (interims && speech.samples % (FRAME * 5) === 0) {
          const words = heard(speech).split(' ');
          results(words.slice(0, Math.max(1, Math.floor(speech.samples / (FRAME * 5)))).join(' '), false, false, speech.startedAt);
        }
      } else if (speech) {
        speech.silentMs += (pcm.length * 1000) / SAMPLE_RATE;
        if (speech.silentMs >= endpointingMs) endSpeech();
      }
      samplesIn += pcm.length;
    }

    let pending = Buffer.alloc(0);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        const audio = Buffer.concat([pending, data as Buffer]);
        rec.bytes += (data as Buffer).length;
        let at = 0;
        for (; at + FRAME <= audio.length; at += FRAME) frame(decodeMulaw(audio.subarray(at, at + FRAME)));
        pending = audio.subarray(at);
        return;
      }
      const m = JSON.parse(data.toString()) as { type?: string };
      if (m.type === 'KeepAlive') rec.keepAlives++;
      if (m.type === 'CloseStream') {
        rec.closedByClient = true;
        if (speech) endSpeech();
        send({ type: 'Metadata', transaction_key: 'deprecated', request_id: 'stub', duration: seconds(), channels: 1 });
        ws.close(1000);
      }
    });
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    toneFor(text) {
      let i = phrases.indexOf(text);
      if (i < 0) i = phrases.push(text) - 1;
      return FIRST_TONE + i * TONE_STEP;
    },
    connections,
    behave(b) {
      finalDelayMs = b.finalDelayMs ?? 0;
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
