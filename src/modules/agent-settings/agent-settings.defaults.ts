import type { AgentSettings } from './agent-settings.schemas.ts';

/**
 * What a company's agent does before anyone saved settings. Transfers are off because there
 * is no number to transfer to yet; after hours the agent takes a message.
 */
export const DEFAULT_AGENT_SETTINGS: AgentSettings = {
  agentName: 'Alex',
  greetings: {
    openHours: 'Thanks for calling {companyName}, this is {agentName}. How can I help you today?',
    afterHours: "Thanks for calling {companyName}. We're closed right now, but this is {agentName} and I can still help. What's going on?",
  },
  instructions: '',
  tone: 'friendly',
  businessDescription: '',
  collectBeforeBooking: ['name', 'phone', 'address', 'zip', 'problem_description'],
  transferNumbers: { main: null, emergencyOnCall: null },
  transferWhen: { callerAsksForPerson: false, emergency: false, afterMisunderstandings: 0 },
  afterHours: 'take_message',
  maxCallSeconds: 600,
  language: 'en-US',
  emergencies: [],
  tradeEmergenciesOff: [],
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A document completed from the defaults: a field left out takes its default, and so does a
 * field of a nested object (settings saved before a field existed read as if it had its default).
 */
export function withDefaults(partial: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...DEFAULT_AGENT_SETTINGS };
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    const fallback = (DEFAULT_AGENT_SETTINGS as Record<string, unknown>)[key];
    out[key] = isPlainObject(fallback) && isPlainObject(value) ? { ...fallback, ...value } : value;
  }
  return out;
}
