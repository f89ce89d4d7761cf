import type { AgentSettingsInput } from '../modules/agent-settings/agent-settings.schemas.ts';
import type { Actor } from '../modules/auth/principal.ts';
import type { VoiceSettingsInput } from '../modules/voice-settings/voice-settings.schemas.ts';
import type { Services } from '../services.ts';

/**
 * How each demo company's agent introduces itself and hands calls over. Transfer numbers are
 * the office and on-call phones, never the agent's own numbers (a transfer there would loop).
 */
const DEMO_AGENTS: Record<string, { agent: AgentSettingsInput; voice: VoiceSettingsInput }> = {
  'rapid-rooter-plumbing': {
    agent: {
      agentName: 'Rosa',
      greetings: {
        openHours: 'Thanks for calling {companyName}, this is {agentName}. How can I help with your plumbing today?',
        afterHours: "Thanks for calling {companyName}. The office is closed, but this is {agentName}: I can book a visit, or get our on-call plumber if water is leaking right now. What's going on?",
      },
      tone: 'friendly',
      businessDescription: "Family-owned plumbers serving Chicago's North Side and the Loop since 1998: drain cleaning, water heaters, sump pumps, leak repair and 24/7 emergency service.",
      instructions: 'First find out whether water is leaking right now. If it is, tell the caller to shut off the main water valve and offer the on-call plumber. Never quote a price; a plumber confirms it on site.',
      collectBeforeBooking: ['name', 'phone', 'address', 'zip', 'problem_description'],
      transferNumbers: { main: '+1 312 555 0100', emergencyOnCall: '+1 312 555 0111' },
      transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 3 },
      afterHours: 'transfer_on_call',
      maxCallSeconds: 600,
      language: 'en-US',
    },
    voice: { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, speed: 1 },
  },
  'polar-air-hvac': {
    agent: {
      agentName: 'Jordan',
      greetings: {
        openHours: "You've reached {companyName}, this is {agentName}. Is this about heating, cooling, or a maintenance visit?",
        afterHours: "You've reached {companyName} after hours. This is {agentName}; I can book the first available visit for you. What's happening with your system?",
      },
      tone: 'professional',
      businessDescription: 'Heating and air conditioning for Denver homes: furnace and AC repair, installs, heat pumps and seasonal tune-ups, with maintenance plans.',
      instructions: 'Ask whether the home has any heat when it is cold outside; no heat in freezing weather is an emergency. Maintenance-plan members get priority booking.',
      collectBeforeBooking: ['name', 'phone', 'address', 'zip', 'email', 'problem_description'],
      transferNumbers: { main: '+1 303 555 0100', emergencyOnCall: '+1 303 555 0190' },
      transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 2 },
      afterHours: 'book',
      maxCallSeconds: 900,
      language: 'en-US',
    },
    voice: { provider: 'twilio', voiceId: 'Polly.Matthew-Neural' },
  },
};

export async function seedDemoAgent(services: Services, actor: Actor, companyId: string, slug: string): Promise<void> {
  const demo = DEMO_AGENTS[slug];
  if (!demo) return;
  await services.agentSettings.save(actor, companyId, demo.agent);
  await services.voiceSettings.put(actor, companyId, { settings: demo.voice });
}
