import { assertPhone, normalizePhone } from '../../phone/normalize.ts';
import type { ContactSearch } from './contacts.repository.ts';

/** Numbers in E.164, first occurrence kept; a bad one is a 400 naming `phones[i]`. */
export function normalizePhoneList(phones: readonly string[]): string[] {
  const out: string[] = [];
  phones.forEach((phone, i) => {
    const e164 = assertPhone(phone, `phones[${i}]`);
    if (!out.includes(e164)) out.push(e164);
  });
  return out;
}

/** Trimmed, non-empty, without repeats (ignoring case; the first spelling wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Optional text: surrounding space trimmed, and blank means "none". */
export function textOrNull(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

const PHONE_LIKE = /^[+\d\s().-]+$/;

/**
 * A list search. Every query matches names; one that looks like a phone number (digits and
 * punctuation only, at least three digits) also matches numbers by their digits, so
 * "555-0107", "3125550107" and "(312) 555-0107" all find +13125550107.
 */
export function parseSearch(q: string | undefined): ContactSearch | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const digits = text.replace(/\D/g, '');
  if (!PHONE_LIKE.test(text) || digits.length < 3) return { text };
  return { text, digits, e164: normalizePhone(text) ?? undefined };
}
