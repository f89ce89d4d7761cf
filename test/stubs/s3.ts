import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An S3-compatible bucket on loopback, path-style (`/bucket/key`): PUT, GET, DELETE of objects
 * and ListObjectsV2 (`GET /bucket?list-type=2&prefix=...`, paged by `pageSize` with continuation
 * tokens). Every request must carry a SigV4 Authorization header of the right shape, for the
 * configured key and region, whose signature this stub recomputes on its own from the request
 * as received (host, x-amz-date, x-amz-content-sha256, which must be the body's hash);
 * otherwise 403 SignatureDoesNotMatch as S3 answers.
 */
export interface S3Stub {
  url: string;
  objects: Map<string, Buffer>;
  /** Authorization headers seen, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

export interface S3StubOptions {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  pageSize?: number;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function expectedSignature(req: IncomingMessage, body: Buffer, signed: string[], day: string, o: S3StubOptions): string {
  const url = new URL(req.url!, 'http://stub');
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const query = [...url.searchParams].map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join('&');
  const headerLines = signed.map((h) => `${h}:${String(req.headers[h]).trim()}\n`).join('');
  const canonical = `${req.method}\n${url.pathname}\n${query}\n${headerLines}\n${signed.join(';')}\n${sha(body)}`;
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${req.headers['x-amz-date']}\n${scope}\n${sha(canonical)}`;
  let k: Buffer = createHmac('sha256', `AWS4${o.secretAccessKey}`).update(day).digest();
  for (const part of [o.region, 's3', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  return createHmac('sha256', k).update(toSign).digest('hex');
}

export async function startS3Stub(o: S3StubOptions): Promise<S3Stub> {
  const objects = new Map<string, Buffer>();
  const authorizations: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const error = (status: number, code: string) => {
        res.writeHead(status, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
      };
      const auth = String(req.headers.authorization ?? '');
      authorizations.push(auth);
      const m = AUTH.exec(auth);
      const date = String(req.headers['x-amz-date'] ?? '');
      if (!m || m[1] !== o.accessKeyId || m[3] !== o.region || !date.startsWith(m[2]!) || req.headers['x-amz-content-sha256'] !== sha(body)) return error(403, 'SignatureDoesNotMatch');
      const signed = m[4]!.split(';');
      if (!['host', 'x-amz-content-sha256', 'x-amz-date'].every((h) => signed.includes(h))) return error(403, 'SignatureDoesNotMatch');
      if (expectedSignature(req, body, signed, m[2]!, o) !== m[5]) return error(403, 'SignatureDoesNotMatch');
      const url = new URL(req.url!, 'http://stub');
      const [, bucket, ...rest] = url.pathname.split('/');
      if (bucket !== o.bucket) return error(404, 'NoSuchBucket');
      const key = rest.map(decodeURIComponent).join('/');
      if (!key && req.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        const start = Number(url.searchParams.get('continuation-token') ?? 0);
        const size = o.pageSize ?? 1000;
        const page = keys.slice(start, start + size);
        const more = start + size < keys.length;
        res.writeHead(200, { 'content-type': 'application/xml' });
        return res.end(`<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><IsTruncated>${more}</IsTruncated>${page.map((k) => `<Contents><Key>${k}</Key></Contents>`).join('')}${more ? `<NextContinuationToken>${start + size}</NextContinuationToken>` : ''}</ListBucketResult>`);
      }
      if (req.method === 'PUT') {
        objects.set(key, body);
        res.writeHead(200, { etag: `"${sha(body).slice(0, 32)}"` });
        return res.end();
      }
      if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) return error(404, 'NoSuchKey');
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(object);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      error(405, 'MethodNotAllowed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
