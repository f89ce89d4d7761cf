import type { TenantTx } from '../../db/tenant.ts';
import { knowledgeSearchRepository as repo, type CandidateRow } from './knowledge-search.repository.ts';
import { BoundedMap } from './retrieval/bounded-map.ts';
import { GENERAL_VOCABULARY } from './retrieval/general-vocabulary.ts';
import { buildLexicon, type Lexicon } from './retrieval/lexicon.ts';

/** What a trade gives its companies changes rarely: other processes see an admin's change within this. */
const INHERITED_TTL_MS = 30_000;

type EmergencyRow = Awaited<ReturnType<typeof repo.emergencies>>[number];

/** What a company inherits from its trade categories, read together and kept briefly. */
export interface Inherited {
  lexicon: Lexicon;
  /** Identifies the lexicon, for caches of analyses made with it. */
  version: number;
  vocabulary: string[][];
  entries: CandidateRow[];
  emergencies: EmergencyRow[];
  /** The company's trade categories it was read for: a change of categories is seen at once. */
  categories: string;
  readAt: number;
}

// Lexicons are built once per vocabulary content (platform data, the same for every company of a trade).
const lexicons = new BoundedMap<string, { lexicon: Lexicon; version: number }>(64);
let lexiconVersion = 0;

function lexiconFor(vocabulary: string[][]) {
  return lexicons.getOrCompute(JSON.stringify(vocabulary), () => ({
    // The company's trade vocabulary before the general one, so a trade's meaning of a phrase wins.
    lexicon: buildLexicon([...vocabulary, ...GENERAL_VOCABULARY]),
    version: ++lexiconVersion,
  }));
}

/**
 * Per company, what it inherits (vocabulary, trade entries with its overrides, emergencies),
 * so a search does not read the same reference data on every caller turn.
 */
export function createInheritedCache() {
  const byCompany = new BoundedMap<string, Inherited>(10_000);

  async function read(tx: TenantTx, companyId: string, categories: string): Promise<Inherited> {
    const vocabulary = await repo.vocabulary(tx, companyId);
    const fresh: Inherited = {
      ...lexiconFor(vocabulary),
      vocabulary,
      entries: await repo.inherited(tx, companyId),
      emergencies: await repo.emergencies(tx, companyId),
      categories,
      readAt: Date.now(),
    };
    byCompany.set(companyId, fresh);
    return fresh;
  }

  /** The copy kept for the company if it is recent; its categories are the caller's to check. */
  function recent(companyId: string): Inherited | undefined {
    const known = byCompany.get(companyId);
    return known && Date.now() - known.readAt < INHERITED_TTL_MS ? known : undefined;
  }

  return {
    read,
    recent,

    /** The recent copy if it was made for the company's current trade categories, else read now. */
    async get(tx: TenantTx, companyId: string): Promise<Inherited> {
      const categories = await repo.categories(tx, companyId);
      const known = recent(companyId);
      return known?.categories === categories ? known : read(tx, companyId, categories);
    },

    /** The company's (or, without an id, every company's) copy is read again on next use. */
    forget(companyId?: string): void {
      if (companyId === undefined) byCompany.clear();
      else byCompany.delete(companyId);
    },
  };
}
export type InheritedCache = ReturnType<typeof createInheritedCache>;
