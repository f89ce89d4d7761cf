// Parsers for the settings whose text carries structure; pure, they report into `problems`.

const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?$/;

/**
 * `TRUST_PROXY`: unset or false trusts no proxy; a number trusts that many hops in front of the
 * app; a comma-separated list trusts those proxy addresses/CIDRs. `true` is refused: it would
 * believe any client's X-Forwarded-For, and every per-address limit would be the client's choice.
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  if (raw === undefined || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) {
    problems.push('TRUST_PROXY=true would trust any client\'s X-Forwarded-For (every per-address limit could be bypassed); set the number of proxy hops in front of the app (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1)');
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY hop count must be between 0 and 10 (got "${raw}")`);
    return hops;
  }
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !IPV4_OR_CIDR.test(e) && !IPV6_OR_CIDR.test(e));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY must be false, a hop count or a comma-separated list of proxy addresses/CIDRs (not "${bad.join(', ') || raw}")`);
    return false;
  }
  return entries;
}

/**
 * `SECRETS_KEY_PREVIOUS`: comma-separated `<version>:<key>` pairs, the keys that encrypted
 * secrets before the current one. Versions are distinct and differ from SECRETS_KEY_VERSION.
 */
export function parsePreviousKeys(raw: string | undefined, currentVersion: number, problems: string[]): Array<{ version: number; key: Buffer }> {
  if (raw === undefined) return [];
  const keys: Array<{ version: number; key: Buffer }> = [];
  raw.split(',').map((s) => s.trim()).filter(Boolean).forEach((entry, i) => {
    const m = /^(\d{1,7}):(.+)$/.exec(entry);
    const key = m ? decodeKey(m[2]!.trim()) : undefined;
    const version = m ? Number(m[1]) : NaN;
    if (!m || key === undefined || version < 1) {
      problems.push(`SECRETS_KEY_PREVIOUS entry ${i + 1} must be <version>:<32-byte key as base64 or 64 hex characters>`);
    } else if (version === currentVersion || keys.some((k) => k.version === version)) {
      problems.push(`SECRETS_KEY_PREVIOUS entry ${i + 1} reuses key version ${version} (each version names one key; SECRETS_KEY is version ${currentVersion})`);
    } else {
      keys.push({ version, key });
    }
  });
  return keys;
}

/** A 32-byte key written as base64 or 64 hex characters. */
export function decodeKey(raw: string): Buffer | undefined {
  const buf = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  return buf.length === 32 ? buf : undefined;
}
