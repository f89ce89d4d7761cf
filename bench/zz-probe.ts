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
const lines: Record<string, string[]> = {
  '+13125550142': ['what are your hours', 'do you do water heaters', 'do you install tankless water heaters', 'how much is a service call', 'what areas do you serve', 'do you offer financing', 'are you licensed and insured', 'do you fix garbage disposals', 'what payment methods do you accept', 'is there a warranty', 'do you install sump pumps', 'do you give free estimates', 'do you offer any discounts', 'do you have a maintenance plan', 'do you repipe houses', 'do you speak spanish'],
  '+13035550175': ['what are your hours', 'how much is a tune-up', 'do you install heat pumps', 'what areas do you serve', 'do you offer financing', 'what brands do you install', 'do you clean air ducts', 'do you install ductless mini-splits', 'can you install a smart thermostat', 'do you service swamp coolers', 'do you have a maintenance plan', 'what warranty do you offer', 'do you work on boilers', 'how much is a service call', 'do you give free estimates', 'are you licensed and insured'],
};
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
