import { createSimulatedCall } from '../src/cli/call/simulated-call.ts';
import { startCallsApp } from './calls-app.ts';

const t0 = Date.now();
const clockArg = process.argv[2];
const s = await startCallsApp({ logLevel: 'info', speech: (process.env.PROBE_SPEECH ?? 'cached') as 'cached', ...(clockArg ? { clock: () => new Date(clockArg) } : {}) });
console.log('setup', Date.now() - t0);
const transport = { async post(url: string, params: Record<string, string>, signature: string) {
  const res = await fetch(s.url + url.slice(s.config.publicUrl.length), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
  return { status: res.status, body: await res.text() };
} };
import { CALL_SCRIPTS } from './call-lines.ts';
const lines = Object.fromEntries(CALL_SCRIPTS.map((c) => [c.to, c.lines]));
for (const [to, ls] of Object.entries(lines)) {
  const call = createSimulatedCall({ publicUrl: s.config.publicUrl, authToken: s.config.twilioAuthToken!, transport, from: '+13125550177', to });
  const st0 = await call.start();
  console.log('GREETING', st0.said, st0.played, st0.next.kind);
  for (const l of ls) {
    const a = performance.now();
    const st = await call.say(l);
    console.log(`${(performance.now() - a).toFixed(1)}ms [${l}] ->`, st.said.join(' | ').slice(0, 150), st.played.length, st.next.kind);
    if (st.next.kind !== 'listen') break;
  }
}
console.log('stub requests', s.speechStub?.requests.length);
await s.close();
