import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

// In DATA_DIR, which the server and `npm run call` share (the development Twilio token is there too).
const FILE = 'server.json';

/** The address a local client reaches a server listening on `address` at. */
export function localUrlOf(address: AddressInfo): string {
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

export interface ServerAddress {
  /** Where it listens, as reached from this machine. */
  url: string;
  /** Its PUBLIC_URL, which Twilio signatures are computed over. */
  publicUrl: string;
}

/**
 * Writes where this server listens into the data directory, so `npm run call` finds it
 * whatever PORT it was given (an exported variable the other terminal does not have).
 * Returns the removal, which leaves a newer server's address alone. Best effort: a directory
 * that cannot be written leaves `npm run call` to PORT or --url.
 */
export function announceServer(dataDir: string, address: ServerAddress): () => void {
  const file = join(dataDir, FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(address), { mode: 0o600 });
  } catch {
    // A convenience for `npm run call` only: a read-only data directory must not stop a server.
    return () => {};
  }
  return () => {
    if (announcedServer(dataDir)?.url === address.url) rmSync(file, { force: true });
  };
}

/** The address the last server started on this data directory announced, if any. */
export function announcedServer(dataDir: string): ServerAddress | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as Partial<ServerAddress>;
    return typeof parsed.url === 'string' && typeof parsed.publicUrl === 'string' ? { url: parsed.url, publicUrl: parsed.publicUrl } : undefined;
  } catch {
    return undefined;
  }
}
