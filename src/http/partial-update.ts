/**
 * The one rule of every settings update (agent, voice, booking): a field sent replaces the
 * stored one whole (a nested object too), a field left out keeps its stored value. `undefined`
 * counts as left out; `null` is a value (it clears a nullable field).
 */
export function keepOmitted<T extends object>(current: T, update: Partial<T>): T {
  const out = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The sentence the OpenAPI descriptions of those updates share. */
export const KEEPS_OMITTED = 'Fields left out keep their current value; a field sent replaces it whole (an object field too).';
