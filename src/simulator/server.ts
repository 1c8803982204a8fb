/**
 * The simulator's HTTP server (node:http, no framework): wires the clock, stats, faults, the
 * credentials check, the Login Service and the route handlers, and listens. The answers
 * themselves come from the pure *-answer modules.
 *
 * Order per request: count it, read the body, apply latency and any queued fault (faults hit
 * before account and auth checks, like a flaky network or gateway would), then check the
 * account, the method and the credentials, validate, answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppTokens } from './app-tokens';
import { createClock } from './clock';
import { answerControl, type ControlTarget } from './control';
import { DEFAULT_ACCOUNT_ID, DEFAULT_SEED } from './defaults';
import { FaultQueue, applyFault } from './faults';
import {
  CODE,
  HttpError,
  errorBody,
  parseJsonBody,
  readBody,
  sendAnswer,
  sendJson,
  toHttpError,
} from './http-util';
import { createLoginService } from './login-service';
import { LoginSessions } from './login-sessions';
import { createRequestAuth } from './request-auth';
import { createRouteHandlers } from './route-answers';
import { createTokenService } from './token-service';
import { matchRoute } from './routes';
import { Simulation } from './simulation';
import { RouteStats } from './stats';
import type { Simulator, SimulatorOptions } from './types';

/** Latency timers, tracked so close() does not wait for a slow answer that nobody will read. */
class Delays {
  private readonly timers = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  cancel(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** Starts a simulator and resolves once it listens. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const accountId = opts.accountId ?? DEFAULT_ACCOUNT_ID;
  const sim = new Simulation({
    accountId,
    seed: opts.seed ?? DEFAULT_SEED,
    ...(opts.extraSkills === undefined ? {} : { extraSkills: opts.extraSkills }),
    ...(opts.names ? { names: opts.names } : {}),
  });
  const clock = createClock(opts.now);
  const stats = new RouteStats(opts.keptRequests);
  const faults = new FaultQueue();
  const sessions = new LoginSessions();
  const tokens = new AppTokens(opts.tokenTtlSeconds);
  const delays = new Delays();
  // Known once listening; every answer that names the simulator's own URL reads it then.
  let url = '';

  const handlers = createRouteHandlers({
    accountId,
    center: sim.center,
    allShape: opts.allShape ?? 'nested',
    revisionHeader: opts.revisionHeader ?? 'documented',
    staleIfMatch: opts.staleIfMatch ?? 'full-list',
    authorize: createRequestAuth(opts, sessions, tokens, () => url),
    loginService: createLoginService(accountId, opts, sessions),
    tokenService: createTokenService(opts.clientCredentials, tokens),
    context: () => ({ sim, now: clock.now(), baseUrl: url, accountId }),
  });

  const controls = {
    now: clock.now,
    setNow: clock.setNow,
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    stats: () => stats.snapshot(),
    requests: (route) => stats.requests(route),
    recorded: (route) => stats.recorded(route),
    resetStats: () => stats.reset(),
  } satisfies Partial<Simulator>;
  const controlTarget: ControlTarget = { ...controls, queued: () => faults.size };

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const raw = parseJsonBody(await readBody(req));
    const out = answerControl(req.method ?? 'GET', path, raw, controlTarget);
    sendJson(res, out.status, out.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestUrl = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = requestUrl.pathname;
    if (path.startsWith('/_sim/')) return control(req, res, path);
    const match = matchRoute(path);
    if (match) stats.count(match.name);
    const body = await readBody(req);
    if (match) stats.record(match.name, body.toString('utf8'), Object.fromEntries(requestUrl.searchParams));
    const fault = match ? faults.take(match.name) : undefined;
    const delay = (opts.latencyMs ?? 0) + (fault?.latencyMs ?? 0);
    if (delay > 0) await delays.sleep(delay);
    if (!match)
      throw new HttpError(404, `No LivePerson API at ${req.method ?? 'GET'} ${path}.`, CODE.notFound);
    // A 401 fault is token expiry: whichever kind of bearer was sent stops working.
    const revoke = (bearer: string) => {
      sessions.revoke(bearer);
      tokens.revoke(bearer);
    };
    if (fault && applyFault(fault, req, res, revoke, clock.now())) return;
    if (match.account !== accountId)
      throw new HttpError(404, `Unknown account '${match.account}'.`, CODE.notFound);
    if ((req.method ?? 'GET') !== match.method) {
      throw new HttpError(405, `Use ${match.method} for this API.`, CODE.method);
    }
    const csdsBase = fault?.csdsBaseUri ?? url;
    sendAnswer(res, handlers[match.name]({ req, url: requestUrl, match, body, csdsBase }));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      const e = toHttpError(error);
      sendJson(res, e.status, errorBody(clock.now(), e.status, e.message, e.code));
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  url = `http://${shown}:${port}`;

  const simulator: Simulator = {
    url,
    accountId,
    center: sim.center,
    ...controls,
    close: () =>
      new Promise<void>((resolve) => {
        delays.cancel();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  if (opts.oauth) Object.assign(simulator, { oauth: opts.oauth });
  if (opts.clientCredentials) Object.assign(simulator, { clientCredentials: opts.clientCredentials });
  return simulator;
}
