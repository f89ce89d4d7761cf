import { looksLikeMp3 } from './mp3-sniff.ts';
import type { VoiceProfile } from './speech.types.ts';
import { traceHeaders } from '../../observability/trace.ts';

/** Larger answers are refused: a sentence of speech is tens of kilobytes. */
const MAX_AUDIO_BYTES = 5 * 1024 * 1024;
export const OUTPUT_FORMAT = 'mp3_44100_128';

export type SynthesisFailure = 'timeout' | 'network' | 'rate_limited' | 'unauthorized' | 'rejected' | 'server_error' | 'not_audio';
export type SynthesisResult =
  | { ok: true; audio: Buffer; contentType: string }
  | { ok: false; reason: SynthesisFailure; status?: number };

function failureOf(status: number): SynthesisFailure {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 500) return 'server_error';
  return 'rejected';
}

/**
 * One ElevenLabs text-to-speech request (`POST /v1/text-to-speech/{voice_id}`), answered with
 * MP3 bytes. Never throws: every way it can fail is a reason. The signal bounds the whole
 * exchange, body included.
 */
export async function synthesizeWithElevenLabs(
  baseUrl: string, apiKey: string, profile: VoiceProfile, text: string, signal: AbortSignal,
): Promise<SynthesisResult> {
  const url = `${baseUrl}/v1/text-to-speech/${encodeURIComponent(profile.voiceId)}?output_format=${OUTPUT_FORMAT}`;
  const body = {
    text,
    model_id: profile.modelId,
    voice_settings: {
      stability: profile.stability,
      similarity_boost: profile.similarityBoost,
      style: profile.style,
      speed: profile.speed,
      use_speaker_boost: true,
    },
  };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'xi-api-key': apiKey, 'content-type': 'application/json', accept: 'audio/mpeg', ...traceHeaders() },
      body: JSON.stringify(body),
      signal,
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: failureOf(res.status), status: res.status };
    }
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (!contentType.startsWith('audio/') || declared > MAX_AUDIO_BYTES) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: 'not_audio', status: res.status };
    }
    const audio = Buffer.from(await res.arrayBuffer());
    if (audio.length === 0 || audio.length > MAX_AUDIO_BYTES || !looksLikeMp3(audio)) return { ok: false, reason: 'not_audio', status: res.status };
    return { ok: true, audio, contentType: 'audio/mpeg' };
  } catch {
    return { ok: false, reason: signal.aborted ? 'timeout' : 'network' };
  }
}
