import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { normalizePhone } from '../phone/normalize.ts';
import { findServer, unreachable } from './call/find-server.ts';
import { relayConversation } from './call/relay-conversation.ts';
import { streamConversation } from './call/stream-conversation.ts';
import { createSimulatedCall, type CallStep, type WebhookTransport } from './call/simulated-call.ts';
import { runCommand } from './run-command.ts';

/**
 * npm run call -- --to <number> [--from <number>] [--url <server>] [--mode auto|gather|relay|stream]
 *
 * Phones a company through a running server's real voice webhooks, signed as Twilio signs them
 * (with TWILIO_AUTH_TOKEN, or the development token in DATA_DIR), and follows the TwiML as
 * Twilio would: prints what the agent says and reads the caller's lines from the terminal, or
 * from standard input when it is not a terminal. An empty line is silence; "/hangup" ends.
 * It reads the same settings (.env, environment) as `npm start` and finds the server through
 * them (see call/find-server.ts), or at `--url`. A company in relay mode answers with
 * ConversationRelay: the call then goes on over its WebSocket (call/relay-conversation.ts); one in
 * stream mode opens its Media Stream, with recorded audio for the caller (call/stream-conversation.ts).
 * `--mode` says which the caller expects; a different answer is reported and the call ends.
 */
// The conversation is this program's output, not a log: it is written to stdout as it
// happens; usage and setup problems go to stderr.
const say = (line: string) => void process.stdout.write(`${line}\n`);
const complain = (line: string) => void process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    from: { type: 'string', default: '+13125550100' },
    url: { type: 'string' },
    mode: { type: 'string', default: 'auto' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || !values.to) {
  (values.help ? say : complain)('usage: npm run call -- --to <company number> [--from <your number>] [--url http://localhost:3000] [--mode auto|gather|relay|stream]');
  process.exit(values.help ? 0 : 2);
}
const dialled = { to: values.to, from: values.from };

await runCommand(async () => {
  const config = loadConfig();
  const to = normalizePhone(dialled.to);
  const from = normalizePhone(dialled.from);
  if (!to || !from) {
    complain(`not a phone number: ${!to ? dialled.to : dialled.from}`);
    process.exit(2);
  }
  if (!config.twilioAuthToken) {
    complain('TWILIO_AUTH_TOKEN is not set (in development it is generated into DATA_DIR/dev-secrets.json on first start)');
    process.exit(2);
  }
  const server = await findServer({ url: values.url, dataDir: config.dataDir, port: config.port, publicUrl: config.publicUrl });

  // Signed over the public URL (as Twilio signs), sent to the server given (which may sit behind it).
  const transport: WebhookTransport = {
    async post(url, params, signature) {
      const target = url.startsWith(server.publicUrl) ? `${server.url}${url.slice(server.publicUrl.length)}` : url;
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      }).catch((err: unknown) => {
        throw unreachable(server.url, err);
      });
      return { status: res.status, body: await res.text() };
    },
  };

  function show(step: CallStep): void {
    if (step.next.kind === 'refused') {
      say(`[the server refused the webhook: HTTP ${step.status}] ${step.raw.slice(0, 200)}`);
      return;
    }
    for (const line of step.said) say(`Agent: ${line}`);
    for (const url of step.played) say(`Agent: [audio clip] ${url}`);
    if (step.next.kind === 'transfer') say(`[transferring the call to ${step.next.to}]`);
    if (step.next.kind === 'hangup') say('[the agent hung up]');
  }

  const call = createSimulatedCall({ publicUrl: server.publicUrl, authToken: config.twilioAuthToken, transport, from, to });
  say(`Calling ${to} from ${from} through ${server.url} (call ${call.callSid}) ...`);
  let step = await call.start();
  show(step);

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const answeredBy = step.next.kind === 'relay' || step.next.kind === 'stream' ? step.next.kind : 'gather';
  if (values.mode !== 'auto' && values.mode !== answeredBy && step.next.kind !== 'refused') {
    complain(`the company answered in ${answeredBy} mode, not ${values.mode} (its voice settings choose: Agent page, or PUT /voice-settings {"settings":{"mode":"${values.mode}"}})`);
    rl.close();
    await call.hangUp();
    process.exit(1);
  }
  // A streaming answer goes on over its socket; what follows it (a transfer, the fallback) is TwiML again.
  const socket = {
    call, serverUrl: server.url, authToken: config.twilioAuthToken, lines, say,
    prompt: () => { if (process.stdin.isTTY) process.stdout.write('You: '); },
  };
  const after = step.next.kind === 'relay' ? await relayConversation({ ...socket, answer: step.next })
    : step.next.kind === 'stream' ? await streamConversation({ ...socket, answer: step.next }) : null;
  if (after) {
    step = after;
    show(step);
  }
  while (call.listening) {
    if (process.stdin.isTTY) process.stdout.write('You: ');
    const next = await lines.next();
    if (next.done || next.value.trim() === '/hangup') break;
    const text = next.value.trim();
    if (!process.stdin.isTTY) say(`You: ${text || '(silence)'}`);
    step = await call.say(text === '' ? null : text);
    show(step);
  }
  rl.close();
  await call.hangUp();
  say('[call ended]');
});
