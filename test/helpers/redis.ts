import { connect } from 'node:net';

/** The Redis tests use: TEST_REDIS_URL, or the one this machine and CI run on loopback. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Why Redis cannot be used at `url` (it does not answer PING within a second), or null when it
 * can. Suites that need it skip with this reason printed, so a skip is never silent.
 */
export async function redisUnreachable(url = TEST_REDIS_URL): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(1000, () => done(`Redis at ${hostname}:${port} did not answer PING within 1 s`));
    socket.on('error', (err) => done(`Redis at ${hostname}:${port} is not reachable (${err.message})`));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG') ? null : `Redis at ${hostname}:${port} answered ${JSON.stringify(data.toString().trim())} to PING`));
  });
}

/** Skips with the reason on stderr; call where a suite decides to skip. */
export function reportSkip(suite: string, reason: string | null): void {
  if (reason) process.stderr.write(`${suite}: skipped, ${reason}\n`);
}
