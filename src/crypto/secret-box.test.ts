import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, describeSecret, encryptSecret, keyVersionOf, SecretDecryptionError, type SecretKeyring } from './secret-box.ts';

const ring = (version = 1): SecretKeyring => ({ current: { version, key: randomBytes(32) } });
const A = { companyId: '11111111-1111-4111-8111-111111111111', field: 'elevenlabs_api_key' };
const B = { companyId: '22222222-2222-4222-8222-222222222222', field: 'elevenlabs_api_key' };

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const r = ring();
    const stored = encryptSecret(r, A, 'sk_live_abcdef123456');
    expect(stored).not.toContain('sk_live');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(decryptSecret(r, A, stored)).toBe('sk_live_abcdef123456');
  });

  it('uses a fresh IV each time', () => {
    const r = ring();
    expect(encryptSecret(r, A, 'same')).not.toBe(encryptSecret(r, A, 'same'));
  });

  it("refuses a ciphertext copied into another company's row or another field", () => {
    const r = ring();
    const stored = encryptSecret(r, A, 'secret-value');
    expect(() => decryptSecret(r, B, stored)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(r, { ...A, field: 'twilio_auth_token' }, stored)).toThrow(SecretDecryptionError);
  });

  it('refuses tampering and a wrong key', () => {
    const r = ring();
    const stored = encryptSecret(r, A, 'secret-value');
    const parts = stored.split(':');
    const flipped = Buffer.from(parts[2]!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => decryptSecret(r, A, [parts[0], parts[1], flipped.toString('base64url'), parts[3]].join(':'))).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(ring(), A, stored)).toThrow(SecretDecryptionError);
  });

  it('decrypts with a previous key during rotation and reports the version', () => {
    const old = ring(1);
    const stored = encryptSecret(old, A, 'rotate-me');
    const rotated: SecretKeyring = { current: { version: 2, key: randomBytes(32) }, previous: [old.current] };
    expect(keyVersionOf(stored)).toBe(1);
    expect(decryptSecret(rotated, A, stored)).toBe('rotate-me');
    expect(keyVersionOf(encryptSecret(rotated, A, 'rotate-me'))).toBe(2);
  });

  it('describes a secret only by whether it is set and its last four characters', () => {
    expect(describeSecret('sk_live_abcdef123456')).toEqual({ set: true, lastFour: '3456' });
    expect(describeSecret(null)).toEqual({ set: false, lastFour: null });
  });
});
