import { readFile } from 'node:fs/promises';
import type { SocketConversation } from './relay-conversation.ts';
import type { CallStep } from './simulated-call.ts';
import { openMediaStream, type MediaStreamClient } from './stream-call.ts';

/**
 * The terminal side of a Media Streams call (`npm run call`): opens the stream the TwiML named
 * (handshake signed as Twilio signs it), starts it and plays the agent's audio as a phone would,
 * reporting how much arrived and how soon. A terminal has no voice, so the caller speaks with
 * recorded audio: "/audio <file>" sends a raw μ-law 8 kHz mono file (e.g. made with
 * `sox line.wav -r 8000 -c 1 -t ul line.ulaw`). "/fallback" breaks the stream as a network
 * drop would: Twilio asks the <Connect> action and the call carries on turn by turn with typed
 * lines. When the agent closes the stream (a transfer, a goodbye) the action is followed.
 */
const QUIET_MS = 700;

async function agentAudio(stream: MediaStreamClient, since: number, say: (line: string) => void): Promise<void> {
  // The answer is over once it has played and nothing new came for a moment.
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, QUIET_MS));
    const heard = stream.peek();
    if (heard.bytes === last && stream.idle) break;
    last = heard.bytes;
  }
  const heard = stream.take();
  if (heard.bytes === 0) return;
  say(`Agent: [${(heard.bytes / 8000).toFixed(1)} s of audio, first frame ${Math.round(heard.firstAt! - since)} ms after you stopped]`);
}

export async function streamConversation(input: SocketConversation<'stream'>): Promise<CallStep | null> {
  const { call, answer, say } = input;
  const connectUrl = `${input.serverUrl.replace(/^http/, 'ws')}${new URL(answer.url).pathname}`;
  const stream = await openMediaStream({ publicUrl: answer.url, connectUrl, authToken: input.authToken, call: call.base });
  stream.start();
  say('[connected over Media Streams: "/audio <file.ulaw>" speaks a recording, "/fallback" breaks the stream, "/hangup" ends]');
  await agentAudio(stream, performance.now(), say);
  for (;;) {
    if (!stream.open) {
      say('[the agent closed the stream]');
      return call.socketEnded(answer.action, {});
    }
    input.prompt();
    const next = await input.lines.next();
    const text = next.done ? '/hangup' : next.value.trim();
    if (text === '/hangup') {
      stream.stop();
      await stream.close();
      return null;
    }
    if (text === '/fallback') {
      stream.drop();
      return call.socketEnded(answer.action, { status: 'failed' });
    }
    if (!text.startsWith('/audio ')) {
      say('[a Media Stream carries sound: "/audio <file.ulaw>", or "/fallback" to go on with typed lines]');
      continue;
    }
    const audio = await readFile(text.slice('/audio '.length).trim()).catch((err: unknown) => {
      say(`[cannot read that file: ${(err as Error).message}]`);
      return null;
    });
    if (!audio) continue;
    stream.take();
    const sentAt = stream.sendAudio(audio) + audio.length / 8;
    await agentAudio(stream, sentAt, say);
  }
}
