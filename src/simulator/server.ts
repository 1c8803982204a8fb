/**
 * The simulator's HTTP server (node:http, no framework): routing, auth, injected faults, latency
 * and the /_sim control endpoints. The answers themselves come from the pure *-answer modules.
 *
 * Order per request: count it, read the body, apply latency and any queued fault (faults hit
 * before account and auth checks, like a flaky network or gateway would), then check the
 * account, the method and the credentials, validate, answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateAgentViewRequest } from '../liveperson/contract/agent-view';
import { validateHistoricalRequest } from '../liveperson/contract/historical';
import { validateKmmRequest } from '../liveperson/contract/metrics-request';
import { type ValidationIssue } from '../liveperson/contract/validation';
import { configItems, configRevision, selectFields } from './account-config-answer';
import { answerAgentView } from './agent-view-answer';
import { csdsAll, csdsEntry } from './csds';
import { DEFAULT_ACCOUNT_ID, DEFAULT_SEED } from './defaults';
import { answerControl } from './control';
import { FaultQueue, ROUTE_NAMES } from './faults';
import {
  CODE,
  HttpError,
  JSON_TYPE,
  bearerOf,
  cookieOf,
  parseJsonBody,
  readBody,
  sendJson,
} from './http-util';
import { answerHistorical } from './historical-answer';
import type { Fault, RouteName, Simulator, SimulatorOptions } from './index';
import { LoginSessions, SESSION_TTL_SECONDS } from './login-sessions';
import { answerMetrics, type AnswerContext } from './metrics-answer';
import { verifyOAuth } from './oauth-verify';
import { Simulation } from './simulation';

interface Match {
  name: RouteName;
  account: string;
  /** CSDS service name, or the Account Config kind. */
  detail?: string;
}

const ROUTES: { re: RegExp; name: (m: RegExpMatchArray) => RouteName; method: 'GET' | 'POST' }[] = [
  {
    re: /^\/api\/account\/([^/]+)\/service\/(?:([^/]+)\/)?baseURI\.json$/,
    name: () => 'csds',
    method: 'GET',
  },
  {
    re: /^\/api\/account\/([^/]+)\/configuration\/le-users\/(skills|agentGroups)\/?$/,
    name: (m) => m[2] as 'skills' | 'agentGroups',
    method: 'GET',
  },
  {
    re: /^\/manager_workspace\/api\/account\/([^/]+)\/(metrics|agent_view|historical)\/?$/,
    name: (m) => (m[2] === 'agent_view' ? 'agentView' : (m[2] as 'metrics' | 'historical')),
    method: 'POST',
  },
  {
    re: /^\/api\/account\/([^/]+)\/(login|refresh)\/?$/,
    name: (m) => m[2] as 'login' | 'refresh',
    method: 'POST',
  },
];

function matchRoute(path: string): (Match & { method: 'GET' | 'POST' }) | undefined {
  for (const r of ROUTES) {
    const m = path.match(r.re);
    if (!m) continue;
    let account: string;
    try {
      account = decodeURIComponent(m[1]!);
    } catch {
      account = m[1]!;
    }
    const out: Match & { method: 'GET' | 'POST' } = { name: r.name(m), account, method: r.method };
    if (m[2] !== undefined) out.detail = m[2];
    return out;
  }
  return undefined;
}

/** The body plus the paging/sort query parameters, as metrics and agent_view take them. */
function pagedRequest(
  body: unknown,
  url: URL,
): { body: unknown; offset?: string; limit?: string; sort?: string } {
  const out: { body: unknown; offset?: string; limit?: string; sort?: string } = { body };
  for (const k of ['offset', 'limit', 'sort'] as const) {
    const v = q(url, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function q(url: URL, name: string): string | undefined {
  return url.searchParams.get(name) ?? undefined;
}

/** Starts the server; see index.ts for the contract. */
export async function createSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const accountId = opts.accountId ?? DEFAULT_ACCOUNT_ID;
  const sim = new Simulation({
    accountId,
    seed: opts.seed ?? DEFAULT_SEED,
    ...(opts.extraSkills === undefined ? {} : { extraSkills: opts.extraSkills }),
  });
  const allShape = opts.allShape ?? 'nested';
  const faults = new FaultQueue();
  const sessions = new LoginSessions();
  // Any credentials switch on both the checks and the Login Service (password or API-key login).
  const secured = opts.login !== undefined || opts.oauth !== undefined;

  let frozen = typeof opts.now === 'number' ? opts.now : undefined;
  const running = typeof opts.now === 'function' ? opts.now : Date.now;
  let offset = 0;
  const now = (): number => frozen ?? running() + offset;
  const setNow = (ms: number): void => {
    if (frozen !== undefined) frozen = ms;
    else offset = ms - running();
  };

  const emptyStats = (): Record<RouteName, number> =>
    Object.fromEntries(ROUTE_NAMES.map((r) => [r, 0])) as Record<RouteName, number>;
  let counts = emptyStats();
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  let url = '';

  const send = sendJson;
  const sendError = (
    res: ServerResponse,
    status: number,
    message: string,
    code: number,
    headers: Record<string, string> = {},
  ) =>
    send(
      res,
      status,
      { error: { time: now(), message, internalCode: code, responseStatus: status } },
      headers,
    );
  const invalid = (issues: ValidationIssue[]): never => {
    throw new HttpError(400, issues.map((i) => i.message).join(' '), CODE.validation);
  };

  /** Checks OAuth or bearer when the simulator was started with credentials. */
  const authorize = (req: IncomingMessage, requestUrl: URL): void => {
    if (!secured) return;
    const bearer = bearerOf(req);
    if (bearer !== undefined) {
      if (sessions.get(bearer)) return;
      throw new HttpError(401, 'The bearer token is invalid or has expired; log in again.', CODE.auth);
    }
    if (!opts.oauth) {
      throw new HttpError(401, 'A Login Service bearer is required (Authorization: Bearer …).', CODE.auth);
    }
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const host = (req.headers.host ?? new URL(url).host).toLowerCase();
    const check = verifyOAuth(
      opts.oauth,
      req.method ?? 'GET',
      `http://${host}${rawPath}`,
      requestUrl.searchParams,
      req.headers.authorization,
    );
    if (!check.ok) throw new HttpError(401, check.reason, CODE.auth);
  };

  const context = (): AnswerContext => ({ sim, now: now(), baseUrl: url, accountId });

  const answer = (req: IncomingMessage, res: ServerResponse, requestUrl: URL, match: Match, body: Buffer) => {
    switch (match.name) {
      case 'csds': {
        if (match.detail === undefined) return send(res, 200, csdsAll(accountId, url));
        const entry = csdsEntry(accountId, match.detail, url);
        if (!entry) throw new HttpError(404, `Unknown service '${match.detail}'.`, CODE.notFound);
        return send(res, 200, entry);
      }
      case 'skills':
      case 'agentGroups': {
        authorize(req, requestUrl);
        if (!q(requestUrl, 'v'))
          throw new HttpError(400, 'The API version (v) is required, e.g. v=2.0.', CODE.validation);
        const items = configItems(sim.center, match.name);
        const revision = configRevision(items);
        const ifMatch = req.headers['if-match']?.replace(/^W\//, '').replace(/"/g, '').trim();
        if (ifMatch === revision) {
          res.writeHead(304, { 'ac-revision': revision });
          res.end();
          return;
        }
        return send(res, 200, selectFields(items, requestUrl.searchParams.get('select')), {
          'ac-revision': revision,
        });
      }
      case 'metrics': {
        authorize(req, requestUrl);
        const raw = parseJsonBody(body);
        const ctx = context();
        const v = validateKmmRequest(pagedRequest(raw, requestUrl), ctx.now);
        if (!v.ok) return invalid(v.issues);
        return send(res, 200, answerMetrics(ctx, v.value, allShape));
      }
      case 'agentView': {
        authorize(req, requestUrl);
        const raw = parseJsonBody(body);
        const ctx = context();
        const v = validateAgentViewRequest(pagedRequest(raw, requestUrl), ctx.now);
        if (!v.ok) return invalid(v.issues);
        return send(res, 200, answerAgentView(ctx, v.value));
      }
      case 'historical': {
        authorize(req, requestUrl);
        const raw = parseJsonBody(body);
        const ctx = context();
        const v = validateHistoricalRequest({ body: raw, interval: q(requestUrl, 'interval') }, ctx.now);
        if (!v.ok) return invalid(v.issues);
        return send(res, 200, answerHistorical(ctx, v.value));
      }
      case 'login':
        return login(res, parseJsonBody(body));
      case 'refresh':
        return refresh(req, res, parseJsonBody(body));
    }
  };

  const login = (res: ServerResponse, raw: unknown) => {
    if (!secured)
      throw new HttpError(404, 'The Login Service is not enabled on this account.', CODE.notFound);
    const b = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    if (typeof b.username !== 'string' || b.username === '') {
      throw new HttpError(400, 'username is required.', CODE.validation);
    }
    const byPassword =
      opts.login !== undefined && b.username === opts.login.username && b.password === opts.login.password;
    // The Login Service also accepts a user name with the four API-key values.
    const byKey =
      opts.oauth !== undefined &&
      (opts.login === undefined || b.username === opts.login.username) &&
      b.appKey === opts.oauth.appKey &&
      b.secret === opts.oauth.appSecret &&
      b.accessToken === opts.oauth.accessToken &&
      b.accessTokenSecret === opts.oauth.accessTokenSecret;
    if (!byPassword && !byKey) throw new HttpError(401, 'Wrong user name or password.', CODE.auth);
    const s = sessions.open();
    return send(
      res,
      200,
      {
        csrf: s.csrf,
        wsuk: s.cookie.slice(0, 8),
        config: { userId: '7001', loginName: b.username, accountId, isLPA: false },
        sessionTTl: String(SESSION_TTL_SECONDS),
        bearer: s.bearer,
      },
      { 'Set-Cookie': `session_id=${s.cookie}; Path=/; HttpOnly` },
    );
  };

  const refresh = (req: IncomingMessage, res: ServerResponse, raw: unknown) => {
    if (!secured)
      throw new HttpError(404, 'The Login Service is not enabled on this account.', CODE.notFound);
    const csrf = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).csrf : undefined;
    if (typeof csrf !== 'string' || csrf === '')
      throw new HttpError(400, 'csrf is required.', CODE.validation);
    const s = sessions.refresh(csrf, bearerOf(req), cookieOf(req, 'session_id'));
    if (!s) throw new HttpError(401, 'The session has expired; log in again.', CODE.auth);
    return send(res, 200, {}, { 'Set-Cookie': `session_id=${s.cookie}; Path=/; HttpOnly` });
  };

  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const raw = parseJsonBody(await readBody(req));
    const out = answerControl(req.method ?? 'GET', path, raw, {
      inject: (f) => faults.inject(f),
      clearFaults: () => faults.clear(),
      queued: () => faults.size,
      stats: () => ({ ...counts }),
      resetStats: () => {
        counts = emptyStats();
      },
      now,
      setNow,
    });
    send(res, out.status, out.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestUrl = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = requestUrl.pathname;
    if (path.startsWith('/_sim/')) return control(req, res, path);
    const match = matchRoute(path);
    if (match) counts[match.name]++;
    const body = await readBody(req);
    const fault: Fault | undefined = match ? faults.take(match.name) : undefined;
    const delay = (opts.latencyMs ?? 0) + (fault?.latencyMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (!match)
      throw new HttpError(404, `No LivePerson API at ${req.method ?? 'GET'} ${path}.`, CODE.notFound);
    if (fault?.dropConnection) {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault?.status !== undefined) {
      if (fault.status === 401) {
        // Token expiry: the bearer that was sent stops working, so the client must log in again.
        const bearer = bearerOf(req);
        if (bearer) sessions.revoke(bearer);
      }
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      return sendError(res, fault.status, `Injected fault: HTTP ${fault.status}.`, CODE.injected, headers);
    }
    if (fault?.malformed) {
      const text = '{"metadata":{"count":3,"first":{"rel":"first","href":"';
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    if (match.account !== accountId)
      throw new HttpError(404, `Unknown account '${match.account}'.`, CODE.notFound);
    if ((req.method ?? 'GET') !== match.method) {
      throw new HttpError(405, `Use ${match.method} for this API.`, CODE.method);
    }
    answer(req, res, requestUrl, match, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (error instanceof HttpError) return sendError(res, error.status, error.message, error.code);
      sendError(
        res,
        500,
        `Simulator error: ${error instanceof Error ? error.message : String(error)}`,
        CODE.internal,
      );
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
    now,
    setNow,
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    stats: () => ({ ...counts }),
    resetStats: () => {
      counts = emptyStats();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  if (opts.oauth) Object.assign(simulator, { oauth: opts.oauth });
  return simulator;
}
