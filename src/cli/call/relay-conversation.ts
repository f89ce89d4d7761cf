import type { CallStep, SimulatedCall } from './simulated-call.ts';
import { openRelay } from './relay-call.ts';

/**
 * The terminal side of a ConversationRelay call (`npm run call`): opens the socket the TwiML
 * named, sends each line the caller types as a final prompt and prints the agent's text as it
 * arrives; "/interrupt <words heard>" cuts in. When the agent ends the session, Twilio's
 * <Connect> action is followed (the transfer's <Dial>, or the turn-by-turn fallback).
 */
/** What a terminal conversation over a socket needs: the call, its answer, the server and the terminal. */
export interface SocketConversation<Kind extends 'relay' | 'stream'> {
  call: SimulatedCall;
  answer: Extract<CallStep['next'], { kind: Kind }>;
  /** The server's own address (the public URL may be a tunnel in front of it). */
  serverUrl: string;
  authToken: string;
  lines: AsyncIterator<string>;
  say: (line: string) => void;
  prompt: () => void;
}

export async function relayConversation(input: SocketConversation<'relay'>): Promise<CallStep | null> {
  const { call, answer, say } = input;
  const target = new URL(answer.url);
  const connectUrl = `${input.serverUrl.replace(/^http/, 'ws')}${target.pathname}${target.search}`;
  const relay = await openRelay({ publicUrl: answer.url, connectUrl, authToken: input.authToken, call: call.base });
  relay.setup();
  say('[connected over ConversationRelay: your lines are sent as final transcripts; "/interrupt <heard>" cuts in]');
  for (;;) {
    input.prompt();
    const next = await input.lines.next();
    if (next.done || next.value.trim() === '/hangup') break;
    const text = next.value.trim();
    if (text.startsWith('/interrupt')) {
      relay.interrupt(text.slice('/interrupt'.length).trim());
      continue;
    }
    if (!text) continue;
    const started = performance.now();
    const reply = await relay.say(text);
    say(`Agent: ${reply.text}  [${reply.tokens.length} token(s), ${Math.round(performance.now() - started)} ms]`);
    // An answer that ends the session says so right after its last token.
    const end = relay.endMessage ?? (await Promise.race([relay.ended(), new Promise<null>((r) => setTimeout(() => r(null), 300))]));
    if (end) {
      say(`[relay session ended: ${end.handoffData}]`);
      await relay.close();
      return call.socketEnded(answer.action, { handoffData: end.handoffData });
    }
  }
  await relay.close();
  return null;
}
