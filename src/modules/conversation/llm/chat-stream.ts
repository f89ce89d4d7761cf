/**
 * A streamed chat completion (`stream: true`): server-sent events, each `data:` line one
 * `chat.completion.chunk`, ended by `data: [DONE]`. Text deltas are handed on as they arrive;
 * tool calls arrive in pieces keyed by their index (the id and name first, the arguments as a
 * string in parts) and are put back together. What it assembles is a chat-completions body, so
 * it is checked exactly as a whole answer is (readAssistantMessage).
 */
export type StreamRead =
  | { ok: true; body: { choices: [{ message: Record<string, unknown>; finish_reason: string | null }] } }
  | { ok: false; reason: 'malformed' };

interface ToolPart {
  id?: string;
  name?: string;
  args: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readChatStream(body: ReadableStream<Uint8Array>, onContent: (delta: string) => void, maxBytes: number): Promise<StreamRead> {
  const decoder = new TextDecoder();
  let pending = '';
  let bytes = 0;
  let content: string | null = null;
  let finishReason: string | null = null;
  let done = false;
  const tools = new Map<number, ToolPart>();

  /** One event's data; false when it is not a chunk. */
  const take = (data: string): boolean => {
    if (data === '[DONE]') return (done = true);
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      return false;
    }
    if (!isRecord(chunk) || !Array.isArray(chunk.choices)) return false;
    const choice: unknown = chunk.choices[0];
    if (choice === undefined) return true; // a usage-only chunk
    if (!isRecord(choice)) return false;
    if (typeof choice.finish_reason === 'string') finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (delta === undefined || delta === null) return true;
    if (!isRecord(delta)) return false;
    if (typeof delta.content === 'string' && delta.content !== '') {
      content = (content ?? '') + delta.content;
      onContent(delta.content);
    }
    if (delta.tool_calls !== undefined && delta.tool_calls !== null) {
      if (!Array.isArray(delta.tool_calls)) return false;
      for (const raw of delta.tool_calls as unknown[]) {
        if (!isRecord(raw) || typeof raw.index !== 'number') return false;
        const part = tools.get(raw.index) ?? { args: '' };
        tools.set(raw.index, part);
        if (typeof raw.id === 'string' && raw.id) part.id = raw.id;
        const fn = raw.function;
        if (isRecord(fn)) {
          if (typeof fn.name === 'string' && fn.name) part.name = (part.name ?? '') + fn.name;
          if (typeof fn.arguments === 'string') part.args += fn.arguments;
        }
      }
    }
    return true;
  };

  /** Handles the complete lines in `pending`; false on a chunk that is not one. */
  const drain = (): boolean => {
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      if (!line.startsWith('data:')) continue; // comments, event names, ids, blank separators
      if (!take(line.slice(5).trim())) return false;
    }
    return true;
  };

  const reader = body.getReader();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) return { ok: false, reason: 'malformed' };
      pending += decoder.decode(value, { stream: true });
      if (!drain()) return { ok: false, reason: 'malformed' };
    }
    pending += `${decoder.decode()}\n`;
    if (!drain()) return { ok: false, reason: 'malformed' };
  } finally {
    await reader.cancel().catch(() => {});
  }
  // A stream cut before its end is not an answer: the last words may be missing.
  if (!done && finishReason === null) return { ok: false, reason: 'malformed' };

  const message: Record<string, unknown> = { role: 'assistant', content };
  const calls = [...tools.entries()].sort(([a], [b]) => a - b).map(([, p]) => ({ id: p.id, type: 'function', function: { name: p.name, arguments: p.args } }));
  if (calls.length > 0) message.tool_calls = calls;
  return { ok: true, body: { choices: [{ message, finish_reason: finishReason }] } };
}
