/**
 * The slice of the OpenAI chat-completions protocol the engine speaks (any compatible server:
 * OpenAI, Azure, Groq, vLLM, Ollama, llama.cpp). Tool calls carry their arguments as a JSON
 * string, exactly as the model wrote them: they are parsed and checked by the server.
 */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ChatRequest {
  baseUrl: string;
  /** Bearer key; omitted for local servers that need none. A secret: never logged. */
  apiKey: string | null;
  model: string;
  messages: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  temperature: number;
  signal: AbortSignal;
  /** Streams the answer, handing each piece of its text on as it arrives. */
  onContent?: ((delta: string) => void) | undefined;
}

export type ChatFailure = 'timeout' | 'network' | 'rate_limited' | 'unauthorized' | 'rejected' | 'server_error' | 'malformed';

export type ChatResult =
  | { ok: true; message: AssistantMessage; finishReason: string | null }
  | { ok: false; reason: ChatFailure; status?: number };
