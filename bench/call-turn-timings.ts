import { withTenant } from '../src/db/tenant.ts';
import { CALL_SCRIPTS } from './call-lines.ts';
import type { CallsAppUnderTest } from './calls-app.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * The server's own account of the turns recorded since `from` (greetings excluded): the
 * engine_ms and speech_ms columns the call flow writes into call_turns for every turn.
 */
export async function serverTurnTimings(subject: CallsAppUnderTest, from: Date): Promise<{ engine: Summary; speech: Summary }> {
  const engine: number[] = [];
  const speech: number[] = [];
  for (const { to } of CALL_SCRIPTS) {
    const route = await subject.app.ctx.services.phoneNumbers.lookup(to);
    if (!route) continue;
    const rows = await withTenant(subject.database.db, route.companyId, (tx) =>
      tx.selectFrom('call_turns').select(['engine_ms', 'speech_ms']).where('company_id', '=', route.companyId).where('seq', '>', 0).where('created_at', '>=', from).execute(),
    );
    for (const r of rows) {
      engine.push(r.engine_ms);
      speech.push(r.speech_ms);
    }
  }
  return { engine: summarize(engine), speech: summarize(speech) };
}
