import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A round-robin HTTP proxy on loopback, in front of several app processes as a load balancer
 * would be: each request goes to the next upstream in turn, headers and body passed through.
 * `served` counts the requests each upstream answered.
 */
export interface RoundRobinProxy {
  url: string;
  port: number;
  served: number[];
  setUpstreams(urls: string[]): void;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let upstreams: URL[] = [];
  let next = 0;
  const served: number[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    if (upstreams.length === 0) {
      res.writeHead(502).end('no upstream');
      return;
    }
    const index = next++ % upstreams.length;
    const target = upstreams[index]!;
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstream) => {
        served[index] = (served[index] ?? 0) + 1;
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  };

  const server = createServer(forward);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    served,
    setUpstreams(urls) {
      upstreams = urls.map((u) => new URL(u));
      served.length = 0;
      for (let i = 0; i < urls.length; i++) served.push(0);
    },
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
