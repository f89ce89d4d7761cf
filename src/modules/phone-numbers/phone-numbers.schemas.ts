import { Type } from 'typebox';
import { DateTime, PageQuery, Uuid } from '../../http/common-schemas.ts';

export const PhoneNumber = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'E.164, e.g. +13125550142' }),
  label: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const PhoneNumberParams = Type.Object({ companyId: Uuid, phoneNumberId: Uuid });

export const ListPhoneNumbersQuery = Type.Object(PageQuery);

const Label = Type.String({ maxLength: 100, description: 'What the line is for, e.g. "Main line"' });

export const AddPhoneNumberBody = Type.Object(
  {
    // Checked here for shape only; the service normalises to E.164 and names the field if it cannot.
    number: Type.String({ minLength: 1, maxLength: 40, description: 'Any common formatting; US by default' }),
    label: Type.Optional(Label),
  },
  { additionalProperties: false },
);

export const UpdatePhoneNumberBody = Type.Object({ label: Label }, { additionalProperties: false });
