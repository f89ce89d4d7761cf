import type { AgentSettings } from '../api/get-agent-settings.ts';

// Field names are the API's (`settings.<path>`), so a VALIDATION_FAILED lands on the right input.
export const LABELS: Record<string, string> = {
  'settings.agentName': 'Agent name',
  'settings.greetings.openHours': 'Greeting during opening hours',
  'settings.greetings.afterHours': 'Greeting after hours',
  'settings.tone': 'Tone',
  'settings.language': 'Language',
  'settings.businessDescription': 'What the business does',
  'settings.instructions': 'Instructions',
  'settings.collectBeforeBooking': 'Collect before booking',
  'settings.transferNumbers.main': 'Transfer number',
  'settings.transferNumbers.emergencyOnCall': 'Emergency on-call number',
  'settings.transferWhen.callerAsksForPerson': 'Transfer when the caller asks for a person',
  'settings.transferWhen.emergency': 'Transfer emergencies',
  'settings.transferWhen.afterMisunderstandings': 'Transfer after misunderstood turns',
  'settings.afterHours': 'After hours',
  'settings.maxCallSeconds': 'Longest call (seconds)',
};

export const TONES = [
  { value: 'friendly', label: 'Friendly' },
  { value: 'professional', label: 'Professional' },
  { value: 'warm', label: 'Warm' },
  { value: 'concise', label: 'Concise' },
];
export const LANGUAGES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'es-US', 'es-MX', 'fr-CA'].map((value) => ({ value, label: value }));
export const DETAILS = [
  { value: 'name', label: 'Name' },
  { value: 'phone', label: 'Phone' },
  { value: 'address', label: 'Address' },
  { value: 'zip', label: 'Zip code' },
  { value: 'email', label: 'Email' },
  { value: 'problem_description', label: 'What the problem is' },
];
export const AFTER_HOURS = [
  { value: 'take_message', label: 'Take a message' },
  { value: 'book', label: 'Book an appointment' },
  { value: 'transfer_on_call', label: 'Transfer to the on-call number' },
];

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS = ['companyName', 'agentName'];

/** The checks the API makes on each field, so most mistakes show before saving. */
export function checkAgentSettings(s: AgentSettings): Record<string, string> {
  const problems: Record<string, string> = {};
  const text = (field: string, value: string, min: number, max: number) => {
    if (value.trim().length < min) problems[field] = 'is required';
    else if (value.length > max) problems[field] = `must be at most ${max} characters`;
  };
  text('settings.agentName', s.agentName, 1, 60);
  for (const which of ['openHours', 'afterHours'] as const) {
    const field = `settings.greetings.${which}`;
    text(field, s.greetings[which], 1, 400);
    const unknown = [...s.greetings[which].matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !KNOWN_PLACEHOLDERS.includes(n));
    if (!problems[field] && unknown.length > 0) problems[field] = `uses unknown placeholder {${unknown[0]}} (allowed: {companyName}, {agentName})`;
  }
  text('settings.instructions', s.instructions, 0, 8000);
  text('settings.businessDescription', s.businessDescription, 0, 2000);
  for (const which of ['main', 'emergencyOnCall'] as const) {
    const n = s.transferNumbers[which];
    if (n !== null && n.length > 40) problems[`settings.transferNumbers.${which}`] = 'must be at most 40 characters';
  }
  const misunderstandings = s.transferWhen.afterMisunderstandings;
  if (!Number.isInteger(misunderstandings) || misunderstandings < 0 || misunderstandings > 10) problems['settings.transferWhen.afterMisunderstandings'] = 'must be a whole number from 0 to 10';
  if (!Number.isInteger(s.maxCallSeconds) || s.maxCallSeconds < 60 || s.maxCallSeconds > 3600) problems['settings.maxCallSeconds'] = 'must be a whole number from 60 to 3600';
  return problems;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
};

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  } else out.set(prefix, value);
}

/** What changed from one version to the next, field by field, in the form's words. */
export function settingsChanges(before: AgentSettings | null, after: AgentSettings): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before) flatten(before, 'settings', a);
  flatten(after, 'settings', b);
  const changes: FieldChange[] = [];
  for (const [field, value] of b) {
    const old = a.get(field);
    if (before && JSON.stringify(old) === JSON.stringify(value)) continue;
    changes.push({ field, label: LABELS[field] ?? field.replace(/^settings\./, ''), before: before ? shown(old) : '—', after: shown(value) });
  }
  return changes;
}
