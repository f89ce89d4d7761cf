import { createServer } from 'node:net';

/** A loopback port nothing listens on right now (the OS picks it), for a server a test starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const address = probe.address();
  await new Promise<void>((ok) => probe.close(() => ok()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
