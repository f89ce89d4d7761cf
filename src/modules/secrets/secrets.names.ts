import type { CompanySecretName } from '../../db/schema.ts';

/** The per-company secrets there are; each is stored encrypted under its own name. */
export type SecretName = CompanySecretName;
export const SECRET_NAMES = ['elevenlabs_api_key', 'twilio_auth_token', 'llm_api_key', 'twilio_account_sid'] as const satisfies readonly SecretName[];

/** How the API spells each secret in request bodies. */
export const SECRET_FIELDS = {
  elevenLabsApiKey: 'elevenlabs_api_key',
  twilioAuthToken: 'twilio_auth_token',
  llmApiKey: 'llm_api_key',
  /** With twilioAuthToken, proves phone numbers are in the company's own Twilio account. */
  twilioAccountSid: 'twilio_account_sid',
} as const satisfies Record<string, SecretName>;

export type SecretField = keyof typeof SECRET_FIELDS;

/** Keys and tokens are printable ASCII without spaces; surrounding whitespace (a pasted newline) is trimmed. */
export const SECRET_VALUE_PATTERN = '^\\s*[!-~]{8,512}\\s*$';

export interface SecretChange {
  name: SecretName;
  /** A string sets the secret, null clears it. */
  value: string | null;
  /** Where the value came from, for error messages (e.g. `body.llmApiKey`). */
  field: string;
}

/** The changes a request body asks for: fields left out are not changes. */
export function secretChangesOf(body: Partial<Record<SecretField, string | null | undefined>>, prefix = 'body'): SecretChange[] {
  return (Object.keys(SECRET_FIELDS) as SecretField[])
    .filter((field) => body[field] !== undefined)
    .map((field) => ({ name: SECRET_FIELDS[field], value: body[field] ?? null, field: `${prefix}.${field}` }));
}
