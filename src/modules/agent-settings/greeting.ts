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
