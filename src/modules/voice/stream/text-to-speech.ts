import WebSocket from 'ws';
import type { VoiceProfile } from '../../speech/speech.types.ts';

/**
 * Streaming speech for a Media Streams call, behind an interface. The provider is ElevenLabs'
 * `stream-input` WebSocket: text in as it is known, μ-law 8 kHz audio out in chunks with the
 * characters each one speaks (its alignment), then `isFinal` once the text ended (`{"text":""}`).
 * A connection speaks one reply; it is opened ahead, so the reply does not wait for a handshake.
 */
export interface SynthesisEvents {
  /** μ-law 8 kHz audio, and how many characters of the text it speaks. */
  audio(chunk: Buffer, chars: number): void;
  /** All the text was spoken. */
  done(): void;
  failed(error: Error): void;
}

/** A reply's text going in: sentences as they are known, then its end. */
export interface SynthesisInput {
  say(sentence: string): void;
  end(): void;
}

export interface Synthesis {
  /** Starts the one reply this connection speaks, reporting through `events`. */
  start(events: SynthesisEvents): SynthesisInput;
  /** Stop: audio not yet received is dropped (barge-in), the connection closed. */
  cancel(): void;
  /** False once the provider closed it (unused too long, an error): open another. */
  readonly usable: boolean;
}

export interface TextToSpeech {
  open(voice: VoiceProfile): Promise<Synthesis>;
}

interface StreamMessage {
  audio?: string | null;
  isFinal?: boolean | null;
  alignment?: { chars?: string[] } | null;
  message?: string;
  error?: string;
}

export function elevenLabsStreamUrl(baseUrl: string, voice: Pick<VoiceProfile, 'voiceId' | 'modelId'>): string {
  const q = new URLSearchParams({ model_id: voice.modelId, output_format: 'ulaw_8000', inactivity_timeout: '180', sync_alignment: 'true' });
  return `${baseUrl.replace(/^http/, 'ws')}/v1/text-to-speech/${encodeURIComponent(voice.voiceId)}/stream-input?${q.toString()}`;
}

export function createElevenLabsStreaming(options: { baseUrl: string; platformKey: string | undefined; connectTimeoutMs?: number }): TextToSpeech {
  return {
    async open(voice) {
      const apiKey = voice.apiKey ?? options.platformKey;
      if (!apiKey) throw new Error('no ElevenLabs key for streaming speech');
      const ws = new WebSocket(elevenLabsStreamUrl(options.baseUrl, voice), { headers: { 'xi-api-key': apiKey }, handshakeTimeout: options.connectTimeoutMs ?? 3000 });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`ElevenLabs refused the socket: HTTP ${res.statusCode}`)));
      });
      // The first message opens the generation with the voice's settings; a single space, as the API asks.
      ws.send(JSON.stringify({
        text: ' ',
        voice_settings: { stability: voice.stability, similarity_boost: voice.similarityBoost, style: voice.style, speed: voice.speed },
        generation_config: { chunk_length_schedule: [50, 120, 160, 250] },
      }));
      let events: SynthesisEvents | null = null;
      let finished = false;
      const finish = (error: Error | null) => {
        if (finished) return;
        finished = true;
        if (error) events?.failed(error);
        else events?.done();
      };
      ws.on('message', (data) => {
        let m: StreamMessage;
        try {
          m = JSON.parse(data.toString()) as StreamMessage;
        } catch {
          return;
        }
        if (finished || !events) return;
        if (m.error || m.message) return finish(new Error(`ElevenLabs: ${String(m.error ?? m.message).slice(0, 200)}`));
        if (m.audio) events.audio(Buffer.from(m.audio, 'base64'), m.alignment?.chars?.length ?? 0);
        if (m.isFinal) finish(null);
      });
      ws.on('error', () => undefined); // reported by 'close'
      ws.on('close', (code) => finish(code === 1000 ? null : new Error(`ElevenLabs closed the socket (${code})`)));
      return {
        get usable() {
          return ws.readyState === WebSocket.OPEN && events === null;
        },
        start(handlers) {
          if (events) throw new Error('a streaming synthesis speaks one reply');
          events = handlers;
          const open = () => ws.readyState === WebSocket.OPEN;
          return {
            // Each sentence is flushed: its audio starts without waiting for the next one.
            say: (text) => void (open() && ws.send(JSON.stringify({ text: text.endsWith(' ') ? text : `${text} `, flush: true }))),
            end: () => void (open() && ws.send(JSON.stringify({ text: '' }))),
          };
        },
        cancel() {
          finished = true;
          ws.terminate();
        },
      };
    },
  };
}
