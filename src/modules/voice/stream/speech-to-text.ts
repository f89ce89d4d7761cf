import WebSocket from 'ws';

/**
 * Live speech recognition for a Media Streams call, behind an interface so the provider can
 * change. The first provider is Deepgram's live API: μ-law 8 kHz audio in as binary frames,
 * `Results` (interim, then is_final; speech_final when its endpointing heard the caller stop)
 * and `SpeechStarted` (vad_events) out. What the caller said is the is_final pieces joined,
 * handed on when Deepgram marks the end of speech (speech_final, or UtteranceEnd).
 */
export interface RecognitionEvents {
  /** The caller began to speak (voice activity): the moment to stop talking over them. */
  speechStarted(): void;
  /** Words recognised so far that may still change. */
  interim(text: string): void;
  /** What the caller said, complete: a turn. */
  utterance(text: string, confidence: number | null): void;
  /** The recognition socket closed; `error` when it was not asked to. */
  closed(error: Error | null): void;
}

export interface LiveRecognition {
  /** μ-law 8 kHz mono audio, as the call's Media Stream delivers it. */
  send(audio: Buffer): void;
  close(): void;
}

export interface SpeechToText {
  open(options: { language: string; keywords: readonly string[] }, events: RecognitionEvents): Promise<LiveRecognition>;
}

export interface DeepgramOptions {
  apiKey: string;
  /** https://api.deepgram.com (its socket is the wss:// of it). */
  baseUrl: string;
  endpointingMs: number;
  model?: string;
  /** How often to tell Deepgram the socket is alive while the caller is silent (it closes after 10 s without audio). */
  keepAliveMs?: number;
  connectTimeoutMs?: number;
}

interface DeepgramResults {
  type: 'Results';
  is_final?: boolean;
  speech_final?: boolean;
  channel?: { alternatives?: { transcript?: string; confidence?: number }[] };
}

export function deepgramListenUrl(options: DeepgramOptions, language: string, keywords: readonly string[]): string {
  const q = new URLSearchParams({
    encoding: 'mulaw', sample_rate: '8000', channels: '1', model: options.model ?? 'nova-3', language,
    interim_results: 'true', endpointing: String(options.endpointingMs), vad_events: 'true', utterance_end_ms: '1000', smart_format: 'true',
  });
  for (const k of keywords.slice(0, 50)) q.append('keyterm', k);
  return `${options.baseUrl.replace(/^http/, 'ws')}/v1/listen?${q.toString()}`;
}

export function createDeepgram(options: DeepgramOptions): SpeechToText {
  return {
    async open({ language, keywords }, events) {
      const ws = new WebSocket(deepgramListenUrl(options, language, keywords), {
        headers: { authorization: `Token ${options.apiKey}` },
        handshakeTimeout: options.connectTimeoutMs ?? 3000,
      });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`Deepgram refused the socket: HTTP ${res.statusCode}`)));
      });
      let finals: string[] = [];
      let confidence: number | null = null;
      let closing = false;
      const flush = () => {
        const text = finals.join(' ').trim();
        finals = [];
        if (text) events.utterance(text, confidence);
      };
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let m: { type?: string };
        try {
          m = JSON.parse(data.toString()) as { type?: string };
        } catch {
          return;
        }
        if (m.type === 'SpeechStarted') events.speechStarted();
        else if (m.type === 'UtteranceEnd') flush();
        else if (m.type === 'Results') {
          const r = m as DeepgramResults;
          const best = r.channel?.alternatives?.[0];
          const text = (best?.transcript ?? '').trim();
          if (!r.is_final) {
            if (text) events.interim([...finals, text].join(' '));
            return;
          }
          if (text) {
            finals.push(text);
            confidence = typeof best?.confidence === 'number' ? best.confidence : null;
          }
          if (r.speech_final) flush();
        }
      });
      const keepAlive = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'KeepAlive' }));
      }, options.keepAliveMs ?? 5000);
      keepAlive.unref();
      ws.on('error', () => undefined); // reported by 'close'
      ws.on('close', (code) => {
        clearInterval(keepAlive);
        events.closed(closing ? null : new Error(`Deepgram closed the socket (${code})`));
      });
      return {
        send(audio) {
          if (ws.readyState === WebSocket.OPEN && !closing) ws.send(audio);
        },
        close() {
          if (closing) return;
          closing = true;
          // CloseStream: Deepgram finishes what it heard, sends its last results and closes.
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'CloseStream' }));
          setTimeout(() => ws.terminate(), 2000).unref();
        },
      };
    },
  };
}
