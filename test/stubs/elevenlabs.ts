import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentMp3 } from './mp3-frames.ts';

/**
 * ElevenLabs text-to-speech on loopback: `POST /v1/text-to-speech/{voice_id}?output_format=...`
 * with `xi-api-key` and the JSON body of the real API, answered with real MP3 bytes. Refuses
 * what the real service refuses (401 for a missing or unknown key, 400 for a body that is not
 * JSON, 422 for one of the wrong shape) and can be told to be slow or to fail.
 */
export type StubFailure = 500 | 429 | 'close' | 'html';

export interface StubBehaviour {
  /** Wait this long before answering (a client that gives up first closes the connection). */
  delayMs?: number;
  fail?: StubFailure;
}

export interface RecordedRequest {
  voiceId: string;
  outputFormat: string | null;
  apiKey: string | null;
  body: unknown;
  status: number;
  /** The client closed the connection before the answer was sent. */
  aborted: boolean;
  /** The W3C trace context the request carried, if any. */
  traceparent: string | null;
}

export interface ElevenLabsStub {
  url: string;
  requests: RecordedRequest[];
  behave(b: StubBehaviour): void;
  close(): Promise<void>;
}

const PATH = /^\/v1\/text-to-speech\/([^/]+)$/;
const OUTPUT_FORMAT = /^(mp3_(22050_32|44100_(32|64|96|128|192))|pcm_\d+|ulaw_8000|alaw_8000|opus_48000_\d+)$/;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return status;
};

/** FastAPI-style validation errors, as the real API gives them. */
function shapeErrors(body: unknown): Array<{ loc: string[]; msg: string; type: string }> {
  const errs: Array<{ loc: string[]; msg: string; type: string }> = [];
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return [{ loc: ['body'], msg: 'Input should be an object', type: 'dict_type' }];
  if (typeof b.text !== 'string' || b.text.length === 0) errs.push({ loc: ['body', 'text'], msg: 'Field required', type: 'missing' });
  if (b.model_id !== undefined && typeof b.model_id !== 'string') errs.push({ loc: ['body', 'model_id'], msg: 'Input should be a string', type: 'string_type' });
  const vs = b.voice_settings as Record<string, unknown> | undefined;
  if (vs !== undefined) {
    const ranges: Record<string, [number, number]> = { stability: [0, 1], similarity_boost: [0, 1], style: [0, 1], speed: [0.7, 1.2] };
    for (const [field, [lo, hi]] of Object.entries(ranges)) {
      const v = vs?.[field];
      if (v !== undefined && (typeof v !== 'number' || v < lo || v > hi)) errs.push({ loc: ['body', 'voice_settings', field], msg: `Input should be between ${lo} and ${hi}`, type: 'value_error' });
    }
    if (vs?.use_speaker_boost !== undefined && typeof vs.use_speaker_boost !== 'boolean') {
      errs.push({ loc: ['body', 'voice_settings', 'use_speaker_boost'], msg: 'Input should be a valid boolean', type: 'bool_type' });
    }
  }
  return errs;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startElevenLabsStub(options: { apiKeys: string[] }): Promise<ElevenLabsStub> {
  const keys = new Set(options.apiKeys);
  let behaviour: StubBehaviour = {};
  const requests: RecordedRequest[] = [];

  async function answer(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): Promise<number> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const m = PATH.exec(url.pathname);
    if (req.method !== 'POST' || !m) return json(res, 404, { detail: 'Not Found' });
    rec.voiceId = decodeURIComponent(m[1]!);
    rec.outputFormat = url.searchParams.get('output_format');
    const key = req.headers['xi-api-key'];
    rec.apiKey = typeof key === 'string' ? key : null;
    const raw = await readBody(req);
    if (!rec.apiKey || !keys.has(rec.apiKey)) return json(res, 401, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    try {
      rec.body = JSON.parse(raw);
    } catch {
      return json(res, 400, { detail: { status: 'invalid_request', message: 'Body is not valid JSON' } });
    }
    const errors = shapeErrors(rec.body);
    if (rec.outputFormat !== null && !OUTPUT_FORMAT.test(rec.outputFormat)) errors.push({ loc: ['query', 'output_format'], msg: 'Invalid output format', type: 'enum' });
    if (errors.length > 0) return json(res, 422, { detail: errors });

    const { delayMs = 0, fail } = behaviour;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (rec.aborted || res.destroyed) return 0;
    if (fail === 'close') {
      req.socket.destroy();
      return 0;
    }
    if (fail === 500) return json(res, 500, { detail: { status: 'internal_error', message: 'Internal server error' } });
    if (fail === 429) return json(res, 429, { detail: { status: 'too_many_concurrent_requests', message: 'Too many concurrent requests' } });
    if (fail === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Service unavailable</body></html>');
      return 200;
    }
    // Longer text, longer audio: different sentences give different bytes.
    const text = (rec.body as { text: string }).text;
    const audio = silentMp3(4 + (text.length % 16));
    res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': audio.length, 'request-id': `stub-${requests.length}` }).end(audio);
    return 200;
  }

  const server = createServer((req, res) => {
    const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : null;
    const rec: RecordedRequest = { voiceId: '', outputFormat: null, apiKey: null, body: null, status: 0, aborted: false, traceparent };
    requests.push(rec);
    res.on('close', () => {
      if (!res.writableFinished) rec.aborted = true;
    });
    answer(req, res, rec).then((status) => { rec.status = status; }, () => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behave(b) {
      behaviour = { ...b };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
