import { CommandError } from '../../known-errors.ts';
import { announcedServer, type ServerAddress } from '../../server-address.ts';

const PROBE_TIMEOUT_MS = 3000;

export interface FindOptions {
  /** `--url`, when given. */
  url: string | undefined;
  /** From the same settings (.env, environment) as `npm start`. */
  dataDir: string;
  port: number;
  publicUrl: string;
}

/**
 * The server to call: `--url` when given; otherwise the address the server announced in
 * DATA_DIR, then `http://localhost:PORT`. The first that answers /health is used; when none
 * does, one line says what was tried. Webhooks are signed over the server's PUBLIC_URL: the
 * announced one, else PUBLIC_URL from the settings, unless that is only the default for PORT
 * (then the server's own address is its default too).
 */
export async function findServer(options: FindOptions): Promise<ServerAddress> {
  const announced = announcedServer(options.dataDir);
  const defaultPublicUrl = options.publicUrl === `http://localhost:${options.port}`;
  const candidates = options.url ? [trim(options.url)] : [announced?.url, `http://localhost:${options.port}`].filter((u): u is string => u !== undefined);
  const tried = [...new Set(candidates)];
  for (const url of tried) {
    if (!(await answers(url))) continue;
    if (announced?.url === url) return announced;
    return { url, publicUrl: defaultPublicUrl ? url : options.publicUrl };
  }
  throw new CommandError(`No ClientsVia server answers at ${tried.join(' or ')}: start one with \`npm start\`, or pass --url <its address>.`);
}

const trim = (url: string) => url.replace(/\/+$/, '');

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })).ok;
  } catch {
    return false;
  }
}

/** A webhook post failing mid-call (the server stopped) ends the call with one line. */
export function unreachable(server: string, err: unknown): CommandError {
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  return new CommandError(`The server at ${server} stopped answering${cause ? ` (${cause})` : ''}; the call is over.`);
}
