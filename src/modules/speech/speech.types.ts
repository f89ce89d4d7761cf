/**
 * The speech module's contract. Callers (the call flow, the pre-synthesis job) build a
 * VoiceProfile from the company's voice settings; this module never reads those settings itself.
 */
export interface VoiceProfile {
  provider: 'elevenlabs' | 'twilio';
  voiceId: string;
  modelId: string;
  stability: number;
  similarityBoost: number;
  style: number;
  speed: number;
  /** The company's own ElevenLabs key, or null to use the platform's `ELEVENLABS_API_KEY`. */
  apiKey: string | null;
}

/** Audio Twilio can `<Play>`: an absolute, signed URL served by this app. */
export interface SpeechAudio {
  url: string;
  /** True when no synthesis was needed (memory or database cache). */
  cached: boolean;
  /** Time spent getting it, for the call's turn timings. */
  ms: number;
}

export interface PrepareResult {
  /** Texts already cached. */
  cached: number;
  synthesized: number;
  failed: number;
  /** True when the profile speaks through Twilio or no key is configured: nothing to do. */
  skipped: boolean;
}

export interface StoredAudio {
  contentType: string;
  audio: Buffer;
}
