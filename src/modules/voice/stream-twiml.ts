import twilio from 'twilio';

/**
 * The answer to an incoming call in 'stream' mode: <Connect><Stream>, a bidirectional Media
 * Stream: Twilio sends the caller's audio (μ-law 8 kHz) to our socket and plays what we send
 * back. The greeting is spoken over the stream, so it can be interrupted like any answer. When
 * the stream ends (we close it after a transfer's or goodbye's words, or it broke) Twilio posts
 * to the <Connect> action URL for what comes next.
 */
const { VoiceResponse } = twilio.twiml;

export function streamTwiml(input: { socketUrl: string; actionUrl: string }): string {
  const r = new VoiceResponse();
  const connect = r.connect({ action: input.actionUrl, method: 'POST' });
  connect.stream({ url: input.socketUrl });
  return r.toString();
}
