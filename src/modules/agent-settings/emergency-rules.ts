import { isUsableTrigger } from '../knowledge/retrieval/emergency-match.ts';
import type { AgentSettings } from './agent-settings.schemas.ts';

interface FieldProblem {
  field: string;
  message: string;
}

/** Lower case, single spaces, each once (as the trade's triggers are stored). */
const cleanTrigger = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();

/** The company's emergencies with their texts trimmed and triggers cleaned. Pure; mutates nothing. */
export function normalisedEmergencies(s: AgentSettings): Pick<AgentSettings, 'emergencies' | 'tradeEmergenciesOff'> {
  return {
    emergencies: s.emergencies.map((e) => ({
      name: e.name.trim(),
      severity: e.severity,
      triggers: [...new Set(e.triggers.map(cleanTrigger).filter((t) => t !== ''))],
      safetyInstruction: e.safetyInstruction.trim(),
    })),
    tradeEmergenciesOff: s.tradeEmergenciesOff.map((r) => ({ tradeCategory: r.tradeCategory, key: r.key })),
  };
}

/**
 * What is wrong with normalised emergencies: a blank name or instruction, a trigger that could
 * never match, two emergencies of one name, a trade emergency switched off twice.
 */
export function emergencyProblems(s: Pick<AgentSettings, 'emergencies' | 'tradeEmergenciesOff'>, prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const names = new Set<string>();
  s.emergencies.forEach((e, i) => {
    const at = `${prefix}.emergencies.${i}`;
    if (e.name === '') problems.push({ field: `${at}.name`, message: 'must not be blank' });
    else if (names.has(e.name.toLowerCase())) problems.push({ field: `${at}.name`, message: 'is the name of another of the company\'s emergencies' });
    names.add(e.name.toLowerCase());
    if (e.safetyInstruction === '') problems.push({ field: `${at}.safetyInstruction`, message: 'must not be blank' });
    if (e.triggers.length === 0) problems.push({ field: `${at}.triggers`, message: 'needs at least one non-blank phrase' });
    e.triggers.forEach((t, j) => {
      if (!isUsableTrigger(t)) problems.push({ field: `${at}.triggers.${j}`, message: 'needs a word besides small words and negations ("water everywhere", not "no")' });
    });
  });
  const refs = new Set<string>();
  s.tradeEmergenciesOff.forEach((r, i) => {
    const id = `${r.tradeCategory}/${r.key}`;
    if (refs.has(id)) problems.push({ field: `${prefix}.tradeEmergenciesOff.${i}`, message: 'names a trade emergency already switched off' });
    refs.add(id);
  });
  return problems;
}
