import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';

/**
 * Sign-in throttling, keyed by the (account, client address) pair. Every address gets a few
 * free attempts per account, then waits a delay that doubles with each further failure. A
 * stranger's guesses therefore slow only the stranger: the real user, from their own address,
 * still signs in. The account need not exist: the key is made from the email as typed, so an
 * unknown email is throttled exactly like a known one and a refusal proves nothing.
 */
export const SIGN_IN_THROTTLE: ThrottlePolicy = {
  /** Failures an address may make on one account before the first wait. */
  freeAttempts: 5,
  /** The first wait; each further failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  /** A pair with no failure for this long starts again from zero. */
  forgetAfterMs: 24 * 60 * 60_000,
};

/**
 * An owner's user creations refused because the email is in use somewhere on the platform:
 * the answer cannot help revealing that, so a company gets a handful of them a day, not a
 * way to enumerate the platform's accounts.
 */
export const EMAIL_PROBE_THROTTLE: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelayMs: 15 * 60_000,
  maxDelayMs: 24 * 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

export interface ThrottlePolicy {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

/**
 * The part of a client address that identifies one client. An IPv6 client usually holds a
 * whole /64, so counting per address would hand it 2^64 fresh starts: its /64 is the client.
 */
export function clientOf(address: string): string {
  if (!isIPv6(address) || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The stored key: `<account>.<account and client>`, each an HMAC under the session secret, so
 * the table holds no email or address and one account's rows can all be cleared by prefix
 * (after a password change or reset).
 */
export function accountKey(email: string, secret: string): string {
  return createHmac('sha256', secret).update(`account\n${email.trim().toLowerCase()}`).digest('base64url');
}

/** One key per company for its refused user creations (see EMAIL_PROBE_THROTTLE). */
export function emailProbeKey(companyId: string, secret: string): string {
  return createHmac('sha256', secret).update(`email-probe\n${companyId}`).digest('base64url');
}

export function throttleKey(email: string, address: string, secret: string): string {
  const pair = createHmac('sha256', secret).update(`pair\n${email.trim().toLowerCase()}\n${clientOf(address)}`).digest('base64url');
  return `${accountKey(email, secret)}.${pair}`;
}
