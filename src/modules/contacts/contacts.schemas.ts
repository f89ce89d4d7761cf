import { Type } from 'typebox';
import { DateTime, PageQuery, Uuid } from '../../http/common-schemas.ts';

export const Contact = Type.Object({
  id: Uuid,
  name: Type.String(),
  phones: Type.Array(Type.String(), { description: 'E.164, in the order given' }),
  email: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  zip: Type.Union([Type.String(), Type.Null()]),
  notes: Type.String(),
  tags: Type.Array(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const ContactParams = Type.Object({ companyId: Uuid, contactId: Uuid });

export const ListContactsQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Name (substring, any case) or phone number (any formatting)' })),
});

const Name = Type.String({ maxLength: 200 });
// Checked here for shape only; the service normalises to E.164 and names the bad element.
const Phones = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Address = Type.String({ maxLength: 500 });
// A string, so leading zeros survive (e.g. 02134).
const Zip = Type.String({ pattern: '^[0-9]{5}(-[0-9]{4})?$' });
const Notes = Type.String({ maxLength: 5000 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 });

export const CreateContactBody = Type.Object(
  {
    name: Type.Optional(Name),
    phones: Type.Optional(Phones),
    email: Type.Optional(Email),
    address: Type.Optional(Address),
    zip: Type.Optional(Zip),
    notes: Type.Optional(Notes),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false },
);

/** Every field optional; `phones` replaces the list; null clears email, address or zip. */
export const UpdateContactBody = Type.Object(
  {
    name: Type.Optional(Name),
    phones: Type.Optional(Phones),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    address: Type.Optional(Type.Union([Address, Type.Null()])),
    zip: Type.Optional(Type.Union([Zip, Type.Null()])),
    notes: Type.Optional(Notes),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false, minProperties: 1 },
);
