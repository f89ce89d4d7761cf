import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { AppError } from '../errors.ts';

/**
 * A phone number in E.164 (`+13125550107`), or null when it cannot be one. `isPossible`
 * (length only) rather than `isValid` (assigned ranges): fictional 555-01xx numbers used in
 * demos and tests must be accepted, and carriers allocate ranges faster than the metadata ships.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}

/** `normalizePhone` or a 400 INVALID_PHONE_NUMBER naming the offending field. */
export function assertPhone(input: string, field: string, defaultCountry: CountryCode = 'US'): string {
  const e164 = normalizePhone(input, defaultCountry);
  if (e164 === null) throw new AppError('INVALID_PHONE_NUMBER', `${field} is not a phone number`, { field });
  return e164;
}
