import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat-completions server on loopback, for tests: real HTTP, real JSON
 * shapes. `baseUrl` ends in `/v1` as OpenAI's does. Each `POST /v1/chat/completions` takes the next scripted step and is recorded, so a test
 * can read the tools, the system prompt and the tool results the app sent.
 */
export interface ScriptedToolCall {
  name: string;
  /** A string is sent as written (it may be broken JSON); an object is serialised. */
  arguments: string | Record<string, unknown>;
  id?: string;
}

export type ScriptStep =
  /** `gapMs`: when the request asked for a stream, the pause between its pieces (a model still writing). */
  | { content: string; gapMs?: number }
  | { toolCalls: ScriptedToolCall[]; content?: string | null; gapMs?: number }
  /** Streamed: these pieces of text, then the connection is dropped (no end of stream). */
  | { cutAfter: string[] }
  /** Waits, then answers with `then` (an empty answer if none): a slow model. */
  | { delayMs: number; then?: ScriptStep }
  | { status: number; body?: string }
  /** 200 with a body that is not a chat completion. */
  | { broken: 'not_json' | 'no_choices' | 'bad_tool_calls' }
  /** Decided from the request, as a model reads the tool results it was sent. */
  | ((request: RecordedRequest['body']) => ScriptStep);

/** The tool results of a request, parsed: what the model was told (newest last). */
export function toolResultsOf(request: RecordedRequest['body']): Array<Record<string, unknown>> {
  return request.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content ?? 'null') as Record<string, unknown>);
}

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  /** performance.now() when the answer's last byte went (or the connection was cut). */
  endedAt?: number;
  body: {
    model: string;
    messages: Array<{ role: string; content: string | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>; tool_call_id?: string }>;
    tools: Array<{ type: string; function: { name: string; description: string; parameters: Record<string, unknown> } }>;
    tool_choice: string;
    temperature: number;
    stream?: boolean;
  };
}

export interface OpenAiStub {
  baseUrl: string;
  requests: RecordedRequest[];
  script(...steps: ScriptStep[]): void;
  /** Steps not yet used. */
  pending(): number;
  close(): Promise<void>;
}

export interface OpenAiStubOptions {
  /** When set, a request without `Authorization: Bearer <apiKey>` is refused with 401. */
  apiKey?: string;
}

let counter = 0;

/**
 * What the real API refuses with 400: a tool message that answers no preceding tool call, an
 * assistant's tool call left unanswered, a request without model or messages.
 */
function protocolError(body: RecordedRequest['body']): string | null {
  if (typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) return 'model and messages are required';
  let open = new Set<string>();
  for (const [i, m] of body.messages.entries()) {
    if (m.role === 'tool') {
      if (!m.tool_call_id || !open.has(m.tool_call_id)) return `messages[${i}]: a message with role 'tool' must be a response to a preceding message with 'tool_calls'`;
      open.delete(m.tool_call_id);
      continue;
    }
    if (open.size > 0) return `messages[${i}]: an assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'`;
    open = new Set((m.role === 'assistant' ? m.tool_calls ?? [] : []).map((c) => c.id));
  }
  return open.size > 0 ? 'the last assistant tool calls have no tool messages' : null;
}

function completion(message: Record<string, unknown>, finishReason: string) {
  counter += 1;
  return {
    id: `chatcmpl-stub-${counter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'stub-model',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json') {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The message as `chat.completion.chunk` events: text word by word, each tool call's arguments in two parts. */
function chunksOf(message: { content?: string | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }, finishReason: string): unknown[] {
  counter += 1;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: `chatcmpl-stub-${counter}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: 'stub-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const out: unknown[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of (message.content ?? '').match(/\S+\s*|\s+/g) ?? []) out.push(chunk({ content: piece }));
  for (const [index, call] of (message.tool_calls ?? []).entries()) {
    const half = Math.ceil(call.function.arguments.length / 2);
    out.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments.slice(0, half) } }] }));
    out.push(chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments.slice(half) } }] }));
  }
  out.push(chunk({}, finishReason));
  return out;
}

/** Server-sent events, one chunk per event with `gapMs` between them; `[DONE]` unless `cut`. */
function stream(res: ServerResponse, chunks: unknown[], gapMs: number, cut = false): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i === chunks.length) {
      // The pieces written reach the client first; then the connection breaks.
      if (cut) return void setTimeout(() => res.destroy(), 50);
      return void res.end('data: [DONE]\n\n');
    }
    res.write(`data: ${JSON.stringify(chunks[i++])}\n\n`);
    if (gapMs > 0) setTimeout(next, gapMs);
    else next();
  };
  next();
}

function answer(res: ServerResponse, step: ScriptStep | undefined, request: RecordedRequest['body']): void {
  if (!step) return send(res, 500, JSON.stringify({ error: { message: 'stub: no scripted step left', type: 'server_error' } }));
  if (typeof step === 'function') return answer(res, step(request), request);
  if ('delayMs' in step) {
    const timer = setTimeout(() => answer(res, step.then ?? { content: '' }, request), step.delayMs);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if ('status' in step) return send(res, step.status, step.body ?? JSON.stringify({ error: { message: `stub status ${step.status}`, type: 'error' } }));
  if ('broken' in step) {
    if (step.broken === 'not_json') return send(res, 200, '{"choices": [ {"message": ');
    if (step.broken === 'no_choices') return send(res, 200, JSON.stringify({ id: 'x', object: 'chat.completion', choices: [] }));
    return send(res, 200, JSON.stringify(completion({ content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 42 } }] }, 'tool_calls')));
  }
  if ('toolCalls' in step) {
    const tool_calls = step.toolCalls.map((c, i) => ({
      id: c.id ?? `call_${counter + 1}_${i}`,
      type: 'function',
      function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
    }));
    if (request.stream) return stream(res, chunksOf({ content: step.content ?? null, tool_calls }, 'tool_calls'), step.gapMs ?? 0);
    return send(res, 200, JSON.stringify(completion({ content: step.content ?? null, tool_calls }, 'tool_calls')));
  }
  if ('cutAfter' in step) return stream(res, chunksOf({ content: step.cutAfter.join('') }, 'stop').slice(0, -1), 0, true);
  if (request.stream) return stream(res, chunksOf({ content: step.content }, 'stop'), step.gapMs ?? 0);
  return send(res, 200, JSON.stringify(completion({ content: step.content }, 'stop')));
}

export async function startOpenAiStub(options: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const steps: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, JSON.stringify({ error: { message: 'not found' } }));
      let body: RecordedRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
      } catch {
        return send(res, 400, JSON.stringify({ error: { message: 'stub: request body is not JSON' } }));
      }
      const recorded: RecordedRequest = { headers: req.headers, body };
      requests.push(recorded);
      res.on('close', () => (recorded.endedAt = performance.now()));
      // Harsher than the real API (which masks most of it): the refusal repeats the key sent,
      // so a test can prove the app never logs an upstream body.
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return send(res, 401, JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization ?? '(none)'}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
      }
      const invalid = protocolError(body);
      if (invalid) return send(res, 400, JSON.stringify({ error: { message: invalid, type: 'invalid_request_error' } }));
      answer(res, steps.shift(), body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...more) => steps.push(...more),
    pending: () => steps.length,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
