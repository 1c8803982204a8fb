/**
 * A pass-through proxy in front of the simulator that sees what the client really sends: it rewrites
 * CSDS answers to point at itself, records every request (path, query, body) with the answer it got,
 * and tracks the largest number of KMM requests in flight at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** The simulator's answer, once it has come back (CSDS bodies as the simulator sent them). */
  response?: ProxiedResponse;
}

export interface ProxiedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface CountingProxy {
  url: string;
  requests: ProxiedRequest[];
  /** Most KMM (manager_workspace) requests that were open at the same moment. */
  maxInFlight(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  let inFlight = 0;
  let max = 0;
  let self = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const u = new URL(req.url ?? '/', target);
      const kmm = u.pathname.startsWith('/manager_workspace/');
      const record: ProxiedRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: u.searchParams,
        body: body.toString('utf8'),
        headers: req.headers,
      };
      requests.push(record);
      if (kmm) max = Math.max(max, ++inFlight);
      // The Host header stays the proxy's: OAuth signatures cover the URL the client called.
      const upstream = http.request(u, { method: req.method, headers: req.headers }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          if (kmm) inFlight--;
          let out = Buffer.concat(parts);
          record.response = { status: up.statusCode ?? 502, headers: up.headers, body: out.toString('utf8') };
          if (u.pathname.endsWith('/baseURI.json'))
            out = Buffer.from(out.toString('utf8').split(target).join(self));
          const h = { ...up.headers };
          delete h['content-length'];
          delete h['transfer-encoding'];
          res.writeHead(up.statusCode ?? 502, h);
          res.end(out);
        });
      });
      upstream.on('error', () => {
        if (kmm) inFlight--;
        res.destroy();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    requests,
    maxInFlight: () => max,
    reset: () => {
      requests.length = 0;
      max = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
