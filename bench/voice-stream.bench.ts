import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { openMediaStream, type MediaStreamClient } from '../src/cli/call/stream-call.ts';
import { createSimulatedCall } from '../src/cli/call/simulated-call.ts';
import { startDeepgramStub, type DeepgramStub } from '../test/stubs/deepgram.ts';
import { startElevenLabsStreamStub } from '../test/stubs/elevenlabs-stream.ts';
import { silence, tone } from '../test/stubs/mulaw.ts';
import { CALL_SCRIPTS, RAPID_ROOTER } from './call-lines.ts';
import { startCallsApp, webhookTransport } from './calls-app.ts';
import { printTable, summarize } from './stats.ts';
import { millis, reportTargets } from './targets.ts';
import { num } from './knobs.ts';

/**
 * Streaming-call benchmark (Media Streams): the real app on a loopback port, demo companies
 * answering in stream mode (VOICE_MODE_DEFAULT=stream; Rapid Rooter, whose voice is ElevenLabs'), the embedded engine, and the speech
 * providers as loopback peers speaking their protocols with fixed latency: Deepgram holds each
 * final transcript BENCH_STREAM_STT_MS after the caller's endpointing, ElevenLabs sends the
 * first audio of a reply BENCH_STREAM_TTS_MS after its text. BENCH_STREAM_CALLS calls are
 * answered, their streams started and greeted, then all talk at once: each line a μ-law sound
 * the Deepgram peer recognises. Reports
 *   - final transcript sent by Deepgram → first audio frame received by Twilio, less the
 *     synthesis first-byte latency: what the server adds;
 *   - the server's own figure (call_turns.first_sent_ms, utterance → first frame sent, less TTS);
 *   - the modelled end of speech → first sound: endpointing + STT + server + TTS.
 * Knobs: BENCH_STREAM_CALLS [100]  BENCH_STREAM_TURNS [6]  BENCH_STREAM_PERIOD_MS [1500]
 * BENCH_STREAM_STT_MS [150]  BENCH_STREAM_TTS_MS [250]  BENCH_DATABASE_URL  BENCH_LOG_LEVEL [info]
 * Callers and peers run in this process (one event loop with the server): their cost is counted.
 */
const CALLS = num('BENCH_STREAM_CALLS', 100, 1, 1000);
const TURNS = num('BENCH_STREAM_TURNS', 6, 1, 16);
const PERIOD_MS = num('BENCH_STREAM_PERIOD_MS', 1500, 200, 60_000);
const STT_MS = num('BENCH_STREAM_STT_MS', 150, 0, 5000);
const TTS_MS = num('BENCH_STREAM_TTS_MS', 250, 0, 5000);
const ENDPOINTING_MS = 100;
const AIM_P99_MS = 20;

const budgetMs = (120 + (TURNS * (PERIOD_MS + STT_MS + TTS_MS + 2000)) / 1000) * 1000;
setTimeout(() => {
  console.error(`voice stream benchmark exceeded ${Math.round(budgetMs / 1000)}s; aborting`);
  process.exit(1);
}, budgetMs).unref();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
// Polar Air speaks through Twilio's <Say> voice, so its calls go turn by turn: the callers phone Rapid Rooter.
const SCRIPTS = CALL_SCRIPTS.filter((s) => s.to === RAPID_ROOTER);
const utterance = (deepgram: DeepgramStub, text: string) => Buffer.concat([tone(deepgram.toneFor(text), 240), silence(ENDPOINTING_MS + 100)]);

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const logLevel = process.env.BENCH_LOG_LEVEL || 'info';
  const keys = { deepgram: randomBytes(12).toString('hex'), elevenlabs: randomBytes(12).toString('hex') };
  const deepgram = await startDeepgramStub({ apiKeys: [keys.deepgram] });
  const elevenlabs = await startElevenLabsStreamStub({ apiKeys: [keys.elevenlabs] });
  // Greetings are synthesised without delay while the calls are set up; the fixed latency is for the conversation.
  deepgram.behave({ finalDelayMs: STT_MS });
  elevenlabs.behave({ firstChunkDelayMs: 0, msPerChar: 1 });
  console.log(`Setting up voice stream benchmark: ${databaseUrl ? 'PostgreSQL server' : 'in-memory PGlite'}, demo companies in stream mode ...`);
  const subject = await startCallsApp({
    databaseUrl, logLevel, speech: 'say',
    env: {
      // The calls wait in silence while the others are set up: no "are you still there?" meanwhile.
      STREAM_SILENCE_MS: '60000',
      VOICE_MODE_DEFAULT: 'stream', DEEPGRAM_API_KEY: keys.deepgram, DEEPGRAM_BASE_URL: deepgram.url, DEEPGRAM_ENDPOINTING_MS: String(ENDPOINTING_MS),
      ELEVENLABS_API_KEY: keys.elevenlabs, ELEVENLABS_BASE_URL: elevenlabs.url,
    },
  });
  const { config } = subject;
  const transport = webhookTransport(subject);
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n` +
      `database: ${subject.database.kind}, engine: embedded, ${CALLS} concurrent streaming calls x ${TURNS} turns, a turn every ~${PERIOD_MS} ms per call, ` +
      `stand-in providers: endpointing ${ENDPOINTING_MS} ms + recognition ${STT_MS} ms, synthesis first audio ${TTS_MS} ms, app log level: ${logLevel}\n`,
  );

  try {
    // Answer every call, start its stream and hear its greeting first: the measured part is the conversation.
    const sessions: { stream: MediaStreamClient; lines: string[]; finalsAt: number[] }[] = [];
    for (let i = 0; i < CALLS; i++) {
      const script = SCRIPTS[i % SCRIPTS.length]!;
      const call = createSimulatedCall({ publicUrl: config.publicUrl, authToken: config.twilioAuthToken!, transport, from: `+1312555${String(1000 + i).padStart(4, '0')}`, to: script.to });
      const answer = await call.start();
      if (answer.next.kind !== 'stream') throw new Error(`call ${i} was not answered in stream mode: ${answer.raw.slice(0, 200)}`);
      const stream = await openMediaStream({ publicUrl: answer.next.url, connectUrl: `${subject.url.replace(/^http/, 'ws')}${new URL(answer.next.url).pathname}`, authToken: config.twilioAuthToken!, call: call.base, playbackSpeed: 50 });
      stream.start();
      const greeting = await elevenlabs.nextSpoken(15_000);
      await stream.until(() => stream.peek().bytes >= greeting.bytes && stream.idle, 15_000);
      stream.take();
      sessions.push({ stream, lines: script.lines, finalsAt: deepgram.connections.at(-1)!.finalsAt });
    }

    elevenlabs.behave({ firstChunkDelayMs: TTS_MS });
    const added: number[] = [];
    const endToEnd: number[] = [];
    let errors = 0;
    await Promise.all(sessions.map(async (s, i) => {
      await sleep((PERIOD_MS * i) / CALLS); // spread the calls over one period
      for (let turn = 0; turn < TURNS; turn++) {
        s.stream.sendAudio(utterance(deepgram, s.lines[turn % s.lines.length]!));
        try {
          await s.stream.until(() => s.stream.peek().firstAt !== null && s.finalsAt.length > turn, 15_000);
        } catch {
          errors++;
          return;
        }
        const server = s.stream.take().firstAt! - s.finalsAt[turn]! - TTS_MS;
        added.push(server);
        endToEnd.push(ENDPOINTING_MS + STT_MS + server + TTS_MS);
        await sleep(PERIOD_MS * (0.75 + Math.random() / 2));
        s.stream.take(); // the rest of the reply, played meanwhile
      }
    }));
    await Promise.all(sessions.map((s) => s.stream.close()));

    const rows = await sql<{ first_sent_ms: number }>`SELECT first_sent_ms FROM call_turns WHERE transport = 'stream' AND seq > 0 AND first_sent_ms IS NOT NULL`.execute(subject.database.db);
    const server = summarize(rows.rows.map((r) => r.first_sent_ms - TTS_MS));
    const client = summarize(added);
    const e2e = summarize(endToEnd);
    printTable(['stream: final transcript -> first audio frame (less TTS first byte)', 'n', 'p50 ms', 'p99 ms', 'max ms'], [
      ['Deepgram final sent -> Twilio frame received (server added)', String(client.n), ms(client.p50), ms(client.p99), ms(client.max)],
      ['server (call_turns.first_sent_ms - TTS)', String(server.n), ms(server.p50), ms(server.p99), ms(server.max)],
      [`end of speech -> first sound (endpointing ${ENDPOINTING_MS} + STT ${STT_MS} + server + TTS ${TTS_MS})`, String(e2e.n), ms(e2e.p50), ms(e2e.p99), ms(e2e.max)],
    ]);
    reportTargets(`voice stream (${subject.database.kind})`, [{
      target: `final transcript -> first audio frame, ${CALLS} calls at once`,
      measured: `p50 ${millis(client.p50)}, p99 ${millis(client.p99)} added (server p99 ${millis(server.p99)}); end of speech -> first sound p99 ${millis(e2e.p99)}`,
      goal: `p99 <= ${AIM_P99_MS} ms added`,
      pass: client.p99 <= AIM_P99_MS && errors === 0,
      vsBaseline: '',
    }]);
    if (errors > 0) {
      console.error(`  ! ${errors} turns got no audio in time`);
      process.exitCode = 1;
    }
  } finally {
    await subject.close();
    await deepgram.close();
    await elevenlabs.close();
  }
}

await main();
