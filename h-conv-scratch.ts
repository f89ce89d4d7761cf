import { PLUMBING } from './src/modules/knowledge/catalog/plumbing.ts';
import { GENERAL_VOCABULARY } from './src/modules/knowledge/retrieval/general-vocabulary.ts';
import { analyze, buildLexicon } from './src/modules/knowledge/retrieval/lexicon.ts';
import { matchEmergency } from './src/modules/knowledge/retrieval/emergency-match.ts';
const lexicon = buildLexicon([...PLUMBING.vocabulary.map((v) => v.terms), ...GENERAL_VOCABULARY]);
const rules = PLUMBING.emergencies.map((e) => ({ id: e.key, key: e.key, severity: e.severity, triggers: e.triggers }));
for (const t of ['a pipe just burst in my basement', 'a pipe burst', 'the pipe burst', 'burst pipe']) console.log(t, '=>', matchEmergency(t, rules, (x) => analyze(x, lexicon))?.rule.key, '|', analyze('burst pipe', lexicon).sequence, analyze('pipe burst', lexicon).sequence);
