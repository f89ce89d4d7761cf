import type { Actor } from '../modules/auth/principal.ts';
import type { Services } from '../services.ts';
import { DEMO_KNOWLEDGE } from './demo-knowledge-data.ts';

/** A demo company's own knowledge base and its adjustments to the trade knowledge it inherits. */
export async function seedDemoKnowledge(services: Services, actor: Actor, companyId: string, slug: string): Promise<void> {
  const demo = DEMO_KNOWLEDGE[slug];
  if (!demo) return;
  await services.knowledge.importEntries(actor, companyId, { entries: demo.entries }, 'append');
  for (const o of demo.overrides) {
    const tradeEntryId = await services.tradeKnowledge.entryIdBySeedKey(o.trade, o.key);
    if (!tradeEntryId) throw new Error(`demo knowledge refers to ${o.trade}/${o.key}, which is not a starter trade entry`);
    await services.knowledge.setOverride(actor, companyId, tradeEntryId, { enabled: o.enabled, answer: o.answer ?? null });
  }
}
