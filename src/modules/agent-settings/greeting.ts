/** Greetings may name the company and the agent; these are filled in when a call starts. */
export const GREETING_PLACEHOLDERS = ['companyName', 'agentName'] as const;
export type GreetingValues = Record<(typeof GREETING_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholders a greeting uses that are not known, e.g. `{company}` for `{companyName}`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(GREETING_PLACEHOLDERS as readonly string[]).includes(name));
}

export function renderGreeting(template: string, values: GreetingValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as keyof GreetingValues] : whole));
}

// Phone wording a written conversation must not open with, and what it says instead.
const PHONE_WORDING: [RegExp, string][] = [
  [/\b(thanks|thank you) for calling\b/gi, '$1 for contacting'],
  [/\byou'?ve reached\b/gi, 'welcome to'],
  [/\byou have reached\b/gi, 'welcome to'],
  [/\b(stay|hold) on the line\b/gi, 'stay with me here'],
  [/\bon the phone\b/gi, 'here'],
];

/**
 * The greeting for a written conversation (the website chat): the same words, without what
 * only a phone line says ("Thanks for calling", "You've reached"). Pure.
 */
export function greetingForText(greeting: string): string {
  const text = PHONE_WORDING.reduce((t, [phone, written]) => t.replace(phone, written), greeting);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
