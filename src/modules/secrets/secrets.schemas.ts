import { Type } from 'typebox';
import { DateTime } from '../../http/common-schemas.ts';
import { SECRET_NAMES, SECRET_VALUE_PATTERN } from './secrets.names.ts';

export const SecretValue = Type.String({
  pattern: SECRET_VALUE_PATTERN,
  maxLength: 600,
  description: '8 to 512 printable characters without spaces (surrounding whitespace is trimmed)',
  examples: ['sk_example_0000'],
});

/**
 * In a request body: a string sets the secret, null clears it, leaving it out keeps it.
 * One schema with two types rather than a union: Fastify coerces types, and in a union ""
 * would be coerced to null and clear the key, which a blank form field must not do.
 */
export const SecretChangeField = Type.Optional(Type.Unsafe<string | null>({
  ...SecretValue,
  type: ['string', 'null'],
  description: 'A string sets it, null clears it, absent keeps it',
}));

/** What a response may say about a secret: never its value. */
export const SecretSummary = Type.Object({
  set: Type.Boolean(),
  last4: Type.Union([Type.String(), Type.Null()], { description: 'The last four characters, to recognise which key is stored' }),
});

export const SecretStatus = Type.Object({
  name: Type.Enum(SECRET_NAMES),
  ...SecretSummary.properties,
  updatedAt: Type.Union([DateTime, Type.Null()]),
});

export const SecretList = Type.Object({ items: Type.Array(SecretStatus) });

export const UpdateSecretsBody = Type.Object(
  { elevenLabsApiKey: SecretChangeField, twilioAuthToken: SecretChangeField, llmApiKey: SecretChangeField, twilioAccountSid: SecretChangeField },
  { additionalProperties: false, minProperties: 1 },
);
