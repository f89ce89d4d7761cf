import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A company's public widget key: `cvw_<company id>_<MAC>`, the MAC an HMAC under SESSION_SECRET
 * of the company id and the company's current key nonce (stored in widget_settings; null for
 * the first key). The key is public by design (it sits in the company's web page); it cannot
 * be forged or turned into another company's, and a new nonce retires it. Pure.
 */
const KEY = /^cvw_([0-9a-f]{32})_([\w-]{24})$/;

export function createWidgetKeys(secret: string) {
  const mac = (companyId: string, nonce: string | null) =>
    createHmac('sha256', secret).update(nonce === null ? `widget:${companyId}` : `widget:${companyId}:${nonce}`).digest('base64url').slice(0, 24);

  return {
    keyFor: (companyId: string, nonce: string | null) => `cvw_${companyId.replace(/-/g, '')}_${mac(companyId, nonce)}`,

    /** The company a well-formed key names (not yet proof that the key is that company's). */
    companyNamedBy(key: string): string | null {
      const hex = KEY.exec(key)?.[1];
      return hex ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
    },

    /** Whether the key is the company's current one. */
    matches(key: string, companyId: string, nonce: string | null): boolean {
      const given = Buffer.from(KEY.exec(key)?.[2] ?? '');
      const expected = Buffer.from(mac(companyId, nonce));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },

    newNonce: () => randomBytes(16).toString('base64url'),
  };
}

export type WidgetKeys = ReturnType<typeof createWidgetKeys>;
