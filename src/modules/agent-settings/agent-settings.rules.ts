import { Value } from 'typebox/value';
import { AppError } from '../../errors.ts';
import { assertPhone } from '../../phone/normalize.ts';
import { withDefaults } from './agent-settings.defaults.ts';
import { AgentSettings } from './agent-settings.schemas.ts';
import { emergencyProblems, normalisedEmergencies } from './emergency-rules.ts';
import { unknownPlaceholders } from './greeting.ts';

/** Settings that passed `validateAgentSettings`: the only kind a save accepts. */
export type ValidatedAgentSettings = AgentSettings & { readonly __validated: unique symbol };

interface FieldProblem {
  field: string;
  message: string;
}

const fail = (problems: FieldProblem[]): AppError =>
  new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.message}`).join('; '), { fields: problems });

const TRIMMED = ['agentName', 'instructions', 'businessDescription'] as const;

function trimmed(input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  for (const key of TRIMMED) if (typeof out[key] === 'string') out[key] = (out[key] as string).trim();
  const g = out.greetings;
  if (typeof g === 'object' && g !== null) {
    out.greetings = Object.fromEntries(Object.entries(g).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
  }
  return out;
}

/** One problem per field, in the schema's words (the first error at each path). */
function schemaProblems(doc: unknown, prefix: string): FieldProblem[] {
  const byPath = new Map<string, FieldProblem>();
  for (const e of Value.Errors(AgentSettings, doc)) {
    if (e.keyword === 'boolean') continue; // repeated by its `additionalProperties` error
    const extra = (e.params as { additionalProperties?: string[] }).additionalProperties;
    if (extra) {
      for (const name of extra) byPath.set(`${e.instancePath}/${name}`, { field: `${prefix}${e.instancePath}/${name}`.replaceAll('/', '.'), message: 'is not an allowed property' });
      continue;
    }
    // For a choice of values the `anyOf` summary says more than each failed `const`.
    if (!byPath.has(e.instancePath) || e.keyword === 'anyOf') {
      byPath.set(e.instancePath, { field: `${prefix}${e.instancePath}`.replaceAll('/', '.'), message: e.keyword === 'anyOf' ? 'is not one of the allowed values' : e.message });
    }
  }
  return [...byPath.values()];
}

function ruleProblems(s: AgentSettings, prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { main, emergencyOnCall } = s.transferNumbers;
  const when = s.transferWhen;
  for (const which of ['openHours', 'afterHours'] as const) {
    const unknown = unknownPlaceholders(s.greetings[which]);
    if (unknown.length > 0) {
      problems.push({ field: `${prefix}.greetings.${which}`, message: `uses unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')} (allowed: {companyName}, {agentName})` });
    }
  }
  if (!main && (when.callerAsksForPerson || when.afterMisunderstandings > 0)) {
    problems.push({ field: `${prefix}.transferNumbers.main`, message: 'is required to transfer callers who ask for a person or are repeatedly not understood' });
  }
  if (s.afterHours === 'transfer_on_call' && !emergencyOnCall) {
    problems.push({ field: `${prefix}.transferNumbers.emergencyOnCall`, message: 'is required when afterHours is transfer_on_call' });
  } else if (when.emergency && !emergencyOnCall && !main) {
    problems.push({ field: `${prefix}.transferNumbers.emergencyOnCall`, message: 'or a main number is required to transfer emergencies' });
  }
  return problems;
}

/**
 * A complete, normalised settings document from what was sent: fields left out take their
 * defaults, transfer numbers become E.164, and the rules that tie fields together hold.
 * Bad input is a 400 naming every offending field (`prefix` is where the document sits).
 */
export function validateAgentSettings(input: unknown, prefix = 'settings'): ValidatedAgentSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw fail([{ field: prefix, message: 'must be an object' }]);
  const doc = withDefaults(trimmed(input as Record<string, unknown>));
  const problems = schemaProblems(doc, prefix);
  if (problems.length > 0) throw fail(problems);
  const settings = structuredClone(doc) as AgentSettings;
  Object.assign(settings, normalisedEmergencies(settings));
  for (const which of ['main', 'emergencyOnCall'] as const) {
    const raw = settings.transferNumbers[which];
    settings.transferNumbers[which] = raw === null ? null : assertPhone(raw, `${prefix}.transferNumbers.${which}`);
  }
  const rules = [...ruleProblems(settings, prefix), ...emergencyProblems(settings, prefix)];
  if (rules.length > 0) throw fail(rules);
  return settings as ValidatedAgentSettings;
}
