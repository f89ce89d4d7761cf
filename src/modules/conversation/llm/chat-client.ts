import type { AssistantMessage, ChatFailure, ChatRequest, ChatResult, ToolCall } from './chat-types.ts';
import { traceHeaders } from '../../../observability/trace.ts';
import { readChatStream } from './chat-stream.ts';

/** A chat answer is a few kilobytes; anything far larger is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

function failureOf(status: number): ChatFailure {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 500) return 'server_error';
  return 'rejected';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One tool call as the model sent it. Some compatible servers send `arguments` as an object, or
 * leave out the id; both are accepted (the id is only echoed back). Anything else is malformed.
 */
function readToolCall(raw: unknown, index: number): ToolCall | null {
  if (!isRecord(raw) || !isRecord(raw.function)) return null;
  const { name, arguments: args } = raw.function;
  if (typeof name !== 'string' || name === '') return null;
  let argsText: string;
  if (typeof args === 'string') argsText = args;
  else if (isRecord(args)) argsText = JSON.stringify(args);
  else if (args === undefined || args === null) argsText = '{}';
  else return null;
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : `call_${index}`;
  return { id, type: 'function', function: { name, arguments: argsText } };
}

/** `choices[0].message` of a chat-completions body, or null when the body is not one. */
export function readAssistantMessage(body: unknown): { message: AssistantMessage; finishReason: string | null } | null {
  if (!isRecord(body) || !Array.isArray(body.choices) || body.choices.length === 0) return null;
  const choice: unknown = body.choices[0];
  if (!isRecord(choice) || !isRecord(choice.message)) return null;
  const { content, tool_calls: rawCalls } = choice.message;
  if (content !== undefined && content !== null && typeof content !== 'string') return null;
  const toolCalls: ToolCall[] = [];
  if (rawCalls !== undefined && rawCalls !== null) {
    if (!Array.isArray(rawCalls)) return null;
    for (const [i, raw] of rawCalls.entries()) {
      const call = readToolCall(raw, i);
      if (!call) return null;
      toolCalls.push(call);
    }
  }
  const message: AssistantMessage = { role: 'assistant', content: typeof content === 'string' ? content : null };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return { message, finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null };
}

/**
 * One `POST {baseUrl}/chat/completions` with tools. Never throws: every way it can fail is a
 * reason. The signal (the turn's time budget) bounds the whole exchange, body included. Neither
 * the key nor any body is ever part of what it returns. With `onContent` the answer is streamed
 * and its text handed on as it arrives; the result is the same whole message either way.
 */
export async function requestChatCompletion(request: ChatRequest): Promise<ChatResult> {
  const { baseUrl, apiKey, model, messages, tools, temperature, signal, onContent } = request;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: onContent ? 'text/event-stream' : 'application/json', ...traceHeaders() };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const body = { model, messages, tools, tool_choice: 'auto', temperature, stream: Boolean(onContent) };
  try {
    const res = await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body), signal });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: failureOf(res.status), status: res.status };
    }
    if (Number(res.headers.get('content-length') ?? 0) > MAX_RESPONSE_BYTES) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: 'malformed', status: res.status };
    }
    if (onContent && res.body && (res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const streamed = await readChatStream(res.body, onContent, MAX_RESPONSE_BYTES);
      const read = streamed.ok ? readAssistantMessage(streamed.body) : null;
      return read ? { ok: true, ...read } : { ok: false, reason: 'malformed', status: res.status };
    }
    // A server that ignores `stream` answers with the whole message: taken as it is.
    const text = await res.text();
    if (text.length > MAX_RESPONSE_BYTES) return { ok: false, reason: 'malformed', status: res.status };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'malformed', status: res.status };
    }
    const read = readAssistantMessage(parsed);
    return read ? { ok: true, ...read } : { ok: false, reason: 'malformed', status: res.status };
  } catch {
    return { ok: false, reason: signal.aborted ? 'timeout' : 'network' };
  }
}
