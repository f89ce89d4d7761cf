import type { S3Settings } from '../config-backup.ts';
import type { BackupStore } from './backup-store.ts';
import { signRequest, uriEncode } from './s3-signing.ts';

const TIMEOUT_MS = 120_000;

/** An error from the bucket, naming the operation and status, never the keys. */
export class BucketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BucketError';
  }
}

/**
 * An S3-compatible bucket (AWS S3, MinIO, R2, B2, ...) through its REST API, path-style
 * (`endpoint/bucket/key`), signed with SigV4: PUT, GET, DELETE and ListObjectsV2 are all a
 * backup needs, so no SDK.
 */
export function s3Store(settings: S3Settings, now: () => Date = () => new Date()): BackupStore {
  const objectUrl = (name: string) => new URL(`${settings.endpoint}/${uriEncode(settings.bucket)}/${(settings.prefix + name).split('/').map(uriEncode).join('/')}`);

  async function send(method: string, url: URL, body: Buffer = Buffer.alloc(0)): Promise<Response> {
    const signed = signRequest(settings, method, url, body, now());
    const { host: _host, ...headers } = signed.headers;
    let res: Response;
    try {
      res = await fetch(url, { method, headers, ...(body.length > 0 ? { body } : {}), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new BucketError(`the bucket ${settings.bucket} at ${settings.endpoint} does not answer (${(err as Error).message})`);
    }
    return res;
  }

  async function failed(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    throw new BucketError(`${what} in bucket ${settings.bucket} failed: HTTP ${res.status}${code ? ` ${code}` : ''}`);
  }

  return {
    where: `s3://${settings.bucket}/${settings.prefix}`,
    async put(name, data) {
      const res = await send('PUT', objectUrl(name), data);
      if (!res.ok) await failed(res, `writing ${name}`);
      await res.arrayBuffer();
    },
    async get(name) {
      const res = await send('GET', objectUrl(name));
      if (res.status === 404) return (await res.arrayBuffer(), undefined);
      if (!res.ok) await failed(res, `reading ${name}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async list() {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const url = new URL(`${settings.endpoint}/${uriEncode(settings.bucket)}`);
        url.searchParams.set('list-type', '2');
        url.searchParams.set('prefix', settings.prefix);
        if (token) url.searchParams.set('continuation-token', token);
        const res = await send('GET', url);
        if (!res.ok) await failed(res, 'listing backups');
        const xml = await res.text();
        for (const m of xml.matchAll(/<Key>([^<]+)<\/Key>/g)) names.push(unescapeXml(m[1]!).slice(settings.prefix.length));
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? /<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(xml)?.[1] : undefined;
      } while (token);
      return names.filter((n) => n && !n.includes('/')).sort();
    },
    async delete(name) {
      const res = await send('DELETE', objectUrl(name));
      if (!res.ok && res.status !== 404) await failed(res, `deleting ${name}`);
      await res.arrayBuffer();
    },
  };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
