import { availableParallelism, cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { openRelay, type RelayClient } from '../src/cli/call/relay-call.ts';
import { createSimulatedCall } from '../src/cli/call/simulated-call.ts';
import { startOpenAiStub, type ScriptStep } from '../test/stubs/openai.ts';
import { CALL_SCRIPTS } from './call-lines.ts';
import { startCallsApp, webhookTransport } from './calls-app.ts';
import { printTable, summarize } from './stats.ts';
import { millis, reportTargets } from './targets.ts';
import { num } from './knobs.ts';

/**
 * Streaming-call benchmark (ConversationRelay): the real app on a loopback port, demo companies
 * seeded and answering in relay mode (VOICE_MODE_DEFAULT=relay), the embedded engine. BENCH_VOICE_CALLS
 * calls are answered through the signed webhook, open their sockets (signed handshake) and then
 * all talk at once, each line a final `prompt` as Twilio sends it. Twilio's providers are stood in
 * for by fixed delays: recognition (end of speech → final transcript) BENCH_VOICE_STT_MS before
 * each prompt, and synthesis first byte BENCH_VOICE_TTS_MS after our first token. Reports
 *   - final transcript → first text token, as the caller's side sees it over loopback (what the
 *     server adds), and the server's own figure (call_turns.first_sent_ms);
 *   - the modelled end of speech → first sound: STT + server + TTS.
 * With BENCH_VOICE_MODEL_MS the turns are answered by the language-model engine instead, the model
 * a loopback OpenAI-compatible server that starts streaming after that many milliseconds and then
 * writes a word every BENCH_VOICE_MODEL_GAP_MS: the server's share is then what it adds to the
 * model's first whole sentence.
 * Knobs: BENCH_VOICE_CALLS [100]  BENCH_VOICE_TURNS [8] per call  BENCH_VOICE_PERIOD_MS [1500] between a
 * call's turns  BENCH_VOICE_STT_MS [300]  BENCH_VOICE_TTS_MS [250]  BENCH_VOICE_MODEL_MS [0: embedded]
 * BENCH_VOICE_MODEL_GAP_MS [20]  BENCH_DATABASE_URL  BENCH_LOG_LEVEL [info]
 * The callers run in this process (one event loop with the server), so the figures include their cost.
 */
const CALLS = num('BENCH_VOICE_CALLS', 100, 1, 1000);
const TURNS = num('BENCH_VOICE_TURNS', 8, 1, 16);
const PERIOD_MS = num('BENCH_VOICE_PERIOD_MS', 1500, 10, 60_000);
const STT_MS = num('BENCH_VOICE_STT_MS', 300, 0, 5000);
const TTS_MS = num('BENCH_VOICE_TTS_MS', 250, 0, 5000);
const MODEL_MS = num('BENCH_VOICE_MODEL_MS', 0, 0, 5000);
const MODEL_GAP_MS = num('BENCH_VOICE_MODEL_GAP_MS', 20, 0, 500);
const AIM_P99_MS = 20;
/** What the stand-in model says each turn; its first sentence is whole when the next word begins. */
const MODEL_REPLY = 'Sure, I can help with that. Let me get a few details first. What is the ZIP code there?';
const MODEL_FIRST_SENTENCE_MS = MODEL_MS + (MODEL_REPLY.split('. ')[0]!.split(' ').length + 1) * MODEL_GAP_MS;

const budgetMs = (90 + (TURNS * (PERIOD_MS + STT_MS + TTS_MS + 2000)) / 1000) * 1000;
setTimeout(() => {
  console.error(`voice benchmark exceeded ${Math.round(budgetMs / 1000)}s; aborting`);
  process.exit(1);
}, budgetMs).unref();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const logLevel = process.env.BENCH_LOG_LEVEL || 'info';
  console.log(`Setting up voice benchmark: ${databaseUrl ? 'PostgreSQL server' : 'in-memory PGlite'}, demo companies in relay mode ...`);
  const model = MODEL_MS > 0 ? await startModel() : null;
  const subject = await startCallsApp({
    databaseUrl, logLevel, speech: 'say',
    env: { VOICE_MODE_DEFAULT: 'relay', ...(model ? { LLM_BASE_URL: model.baseUrl, LLM_API_KEY: 'sk-bench', LLM_TURN_BUDGET_MS: String(MODEL_MS * 2 + 4000) } : {}) },
  });
  const { config } = subject;
  const transport = webhookTransport(subject);
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n` +
      `database: ${subject.database.kind}, engine: ${model ? `language model (streams after ${MODEL_MS} ms, a word every ${MODEL_GAP_MS} ms: first sentence at ${MODEL_FIRST_SENTENCE_MS} ms)` : 'embedded'}, ${CALLS} concurrent calls x ${TURNS} turns, a turn every ~${PERIOD_MS} ms per call, ` +
      `stand-in providers: recognition ${STT_MS} ms, synthesis first byte ${TTS_MS} ms, app log level: ${logLevel}\n`,
  );

  try {
    // Answer every call and open its socket first: the measured part is the conversation.
    const sessions: { relay: RelayClient; lines: string[]; callSid: string }[] = [];
    for (let i = 0; i < CALLS; i++) {
      const script = CALL_SCRIPTS[i % CALL_SCRIPTS.length]!;
      const call = createSimulatedCall({ publicUrl: config.publicUrl, authToken: config.twilioAuthToken!, transport, from: `+1312555${String(1000 + i).padStart(4, '0')}`, to: script.to });
      const answer = await call.start();
      if (answer.next.kind !== 'relay') throw new Error(`call ${i} was not answered in relay mode: ${answer.raw.slice(0, 200)}`);
      const target = new URL(answer.next.url);
      const relay = await openRelay({ publicUrl: answer.next.url, connectUrl: `${subject.url.replace(/^http/, 'ws')}${target.pathname}${target.search}`, authToken: config.twilioAuthToken!, call: call.base });
      relay.setup();
      sessions.push({ relay, lines: script.lines, callSid: call.callSid });
    }

    const firstToken: number[] = [];
    const endToEnd: number[] = [];
    let errors = 0;
    await Promise.all(sessions.map(async (s, i) => {
      await sleep((PERIOD_MS * i) / CALLS); // spread the calls over one period
      for (let turn = 0; turn < TURNS; turn++) {
        await sleep(STT_MS); // the caller stopped; recognition delivers the final transcript
        const sent = performance.now();
        const reply = await s.relay.say(s.lines[turn % s.lines.length]!);
        if (reply.tokens.length === 0) {
          errors++;
          return;
        }
        // With a model, the server's share is what it adds to the model's first whole sentence.
        const took = reply.firstAt! - sent - (model ? MODEL_FIRST_SENTENCE_MS : 0);
        firstToken.push(took);
        endToEnd.push(STT_MS + (model ? MODEL_FIRST_SENTENCE_MS : 0) + took + TTS_MS);
        await sleep(PERIOD_MS * (0.75 + Math.random() / 2));
      }
    }));
    await Promise.all(sessions.map((s) => s.relay.close()));

    const rows = await sql<{ first_sent_ms: number }>`SELECT first_sent_ms FROM call_turns WHERE transport = 'relay' AND seq > 0 AND first_sent_ms IS NOT NULL`.execute(subject.database.db);
    const server = summarize(rows.rows.map((r) => r.first_sent_ms - (model ? MODEL_FIRST_SENTENCE_MS : 0)));
    const client = summarize(firstToken);
    const e2e = summarize(endToEnd);
    printTable(['relay: final transcript -> first text token', 'n', 'p50 ms', 'p99 ms', 'max ms'], [
      ['client over loopback (server added)', String(client.n), ms(client.p50), ms(client.p99), ms(client.max)],
      ['server (call_turns.first_sent_ms)', String(server.n), ms(server.p50), ms(server.p99), ms(server.max)],
      [`end of speech -> first sound (STT ${STT_MS}${model ? ` + model ${MODEL_FIRST_SENTENCE_MS}` : ''} + server + TTS ${TTS_MS})`, String(e2e.n), ms(e2e.p50), ms(e2e.p99), ms(e2e.max)],
    ]);
    reportTargets(`voice relay (${subject.database.kind}${model ? ', language model' : ''})`, [{
      target: `final transcript -> first text token${model ? ' beyond the model\'s first sentence' : ''}, ${CALLS} calls at once`,
      measured: `p50 ${millis(client.p50)}, p99 ${millis(client.p99)} (server p99 ${millis(server.p99)}); end of speech -> first sound p99 ${millis(e2e.p99)}`,
      goal: `p99 <= ${AIM_P99_MS} ms added`,
      pass: client.p99 <= AIM_P99_MS && errors === 0,
      vsBaseline: '',
    }]);
    if (errors > 0) {
      console.error(`  ! ${errors} calls got an empty reply`);
      process.exitCode = 1;
    }
  } finally {
    await subject.close();
    await model?.close();
  }
}

/** The stand-in model: every request answered with MODEL_REPLY, streamed after MODEL_MS. */
async function startModel() {
  const stub = await startOpenAiStub();
  const step = (): ScriptStep => ({ delayMs: MODEL_MS, then: { content: MODEL_REPLY, gapMs: MODEL_GAP_MS } });
  stub.script(...Array.from({ length: CALLS * TURNS * 2 }, () => step));
  return stub;
}

await main();
