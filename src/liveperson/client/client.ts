/**
 * The LivePerson client the bot uses: KMM metrics / agent_view / historical and Account
 * Configuration, with pre-flight validation, paging, single-flight, a short TTL cache, retries and
 * typed errors. `createLivePersonClient` wires domains (CSDS), auth and the transport together.
 */
import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import pLimit from 'p-limit';
import type { AccountConfigResult, AccountConfigSource, ConfigKind } from '../contract/account-config';
import {
  parseAgentViewResponse,
  validateAgentViewRequest,
  DEFAULT_AGENT_VIEW_SORT,
  type AgentViewRequest,
  type AgentViewResponse,
} from '../contract/agent-view';
import {
  LoginAuthenticator,
  NoAuthenticator,
  OAuthAuthenticator,
  type Authenticator,
  type LoginCredentials,
  type OAuthCredentials,
} from './auth';
import { ClientCredentialsAuthenticator, type ClientCredentials } from './client-credentials';
import { DomainResolver } from './domains';
import { LivePersonInvalidRequestError, LivePersonTimeoutError, type LivePersonError } from './errors';
import {
  parseHistoricalResponse,
  validateHistoricalRequest,
  type HistoricalRequest,
} from '../contract/historical';
import type { HistoricalResponse } from '../contract/historical';
import { redactingLogger, silentLogger, type LivePersonLogger } from './http-log';
import { DEFAULT_SORT, MAX_PAGE_SIZE } from '../contract/catalog';
import type { Validation } from '../contract/validation';
import { parseKmmResponse, type KmmResponse } from '../contract/metrics-response';
import { validateKmmRequest, type KmmRequest } from '../contract/metrics-request';
import { mergeAgentViewPages, mergeMetricsPages, remainingPages, type AllPages } from './paging';
import { DeadlineExceededError, raceDeadline, type Deadline } from '../../shared/deadline';
import {
  RETRY_POLICIES,
  budgetTimeout,
  realRuntime,
  type CallBudget,
  type RetryPolicy,
  type RetryRuntime,
} from './retry-policy';
import { SingleFlight } from '../../shared/single-flight';
import { stableKey } from '../../shared/stable-key';
import { Reachability, type ReachabilitySnapshot } from './reachability';
import { Transport } from './transport';
import type { LivePersonObserver } from './observer';
import { TtlCache } from './ttl-cache';

export const DEFAULT_CACHE_TTL_MS = 30_000;
/**
 * How long a background caller (a digest) reuses an answer. The digests due in one minute can take
 * minutes to run when there are many (retries on LivePerson's 5/10/15 s schedule, Slack's pacing),
 * and each should still find a query another digest of that minute asked already answered. Their
 * windows end at the fire time, so the key only matches within that fire minute.
 */
export const DEFAULT_BACKGROUND_CACHE_TTL_MS = 5 * 60_000;
export const DEFAULT_PAGE_CONCURRENCY = 4;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 8;

/** Per-call options. */
export interface CallOptions {
  /** 'interactive' (default): quick retries, someone waits. 'background': LivePerson's 5/10/15 s schedule. */
  budget?: CallBudget;
  /** The answer's deadline: the call (waits and retries included) ends by then. */
  deadline?: Deadline;
  /** Skip the cache (a Refresh button); still joins an identical request already in flight. */
  fresh?: boolean;
}

export interface LivePersonClientOptions {
  accountId: string;
  /** CSDS base URL, e.g. https://api.liveperson.net. */
  csdsUrl: string;
  /** OAuth 1.0a API key; preferred when several kinds of credentials are given. */
  oauth?: OAuthCredentials;
  /** OAuth 2.0 client credentials (bearer tokens from the sentinel domain); next in preference. */
  clientCredentials?: ClientCredentials;
  /** Login-Service user. */
  login?: LoginCredentials;
  /** Any other authenticator (wins over the rest). Without any credentials, requests are unsigned. */
  authenticator?: Authenticator;
  /** How old a cached KMM answer an interactive caller accepts, in ms (default 30 s; 0 disables the cache). */
  cacheTtlMs?: number;
  /** How old a cached answer a background caller accepts, in ms (default 5 min; never below cacheTtlMs). */
  backgroundCacheTtlMs?: number;
  /** Lifetime of CSDS answers in ms (default 10 min). */
  domainTtlMs?: number;
  /** Epoch-ms clock for validation ("last 14 days") and both caches. */
  now?: () => number;
  /** Bolt's logger fits; default silent. Secrets are scrubbed before anything reaches it. */
  logger?: LivePersonLogger;
  /** Pages fetched in parallel by the *AllPages calls (default 4). */
  pageConcurrency?: number;
  /** Upstream requests in flight across the client (default 8). */
  maxConcurrentRequests?: number;
  /** Login-Service session refresh period (default 5 min). */
  refreshIntervalMs?: number;
  /** Retry timing: injectable sleep/clock/random, a time scale, and policy overrides. */
  retry?: Partial<RetryRuntime> & { policies?: Partial<Record<CallBudget, Partial<RetryPolicy>>> };
  /** Told of every exchange and cache look-up (/metrics). */
  observer?: LivePersonObserver;
}

/** Everything the bot asks LivePerson. */
export interface LivePersonClient extends AccountConfigSource {
  /** One page of POST …/metrics. */
  metrics(req: KmmRequest, opts?: CallOptions): Promise<KmmResponse>;
  /** Every page (up to LivePerson's 1000 keys), ≤ 4 pages in flight, each key once, `all` from page 1. */
  metricsAllPages(
    req: Omit<KmmRequest, 'offset' | 'limit'>,
    opts?: CallOptions,
  ): Promise<AllPages<KmmResponse>>;
  /** One page of POST …/agent_view. */
  agentView(req: AgentViewRequest, opts?: CallOptions): Promise<AgentViewResponse>;
  /** Every agent_view page, each agent once. */
  agentViewAllPages(
    req: Omit<AgentViewRequest, 'offset' | 'limit'>,
    opts?: CallOptions,
  ): Promise<AllPages<AgentViewResponse>>;
  /** POST …/historical?interval=… */
  historical(req: HistoricalRequest, opts?: CallOptions): Promise<HistoricalResponse>;
  /** Skills or agent groups; with `ifMatch`, a 304 becomes `{ notModified: true }`. */
  accountConfig(kind: ConfigKind, ifMatch?: string, opts?: CallOptions): Promise<AccountConfigResult>;
  /**
   * The credential values in use right now (secrets, bearer and access tokens), so the process
   * logger can scrub them too, not only this client's own log lines.
   */
  secrets(): string[];
  /** Whether LivePerson answered the bot's own requests lately (for /healthz; asks nothing). */
  reachability(): ReachabilitySnapshot;
  /** Stops the session refresh timer and closes idle connections. */
  close(): Promise<void>;
}

const SELECT: Record<ConfigKind, string> = {
  skills: 'id,name,deleted',
  agentGroups: 'id,name,deleted,parentGroupId',
};

/**
 * The list's revision: the skills GET documents `ac-revision`, the agent-groups GET calls it
 * `eTag`; either is accepted and sent back verbatim (an ETag keeps its quotes, as If-Match wants).
 */
export function revisionOf(headers: Record<string, string>): string | undefined {
  const value = headers['ac-revision'] ?? headers.etag;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The `sort` query parameter: left out for the method's default, which is documented as a default,
 * not as a value LivePerson promises to accept.
 */
function sortParam(
  sort: { key: string; order: string },
  defaultSort: { key: string; order: string },
): string | undefined {
  return sort.key === defaultSort.key && sort.order === defaultSort.order
    ? undefined
    : `${sort.key}:${sort.order}`;
}

/** The validated request (window rounded to the minute, within 24 h), or a typed error. */
function validOrThrow<T>(v: Validation<T>): T {
  if (v.ok) return v.value;
  throw new LivePersonInvalidRequestError('request rejected before sending', {
    reason: v.issues.map((i) => i.message).join(' '),
    detail: `rejected before sending: ${JSON.stringify(v.issues)}`,
  });
}

class KmmClient implements LivePersonClient {
  private readonly cache: TtlCache<unknown>;
  /** The oldest answer each kind of caller is served from the cache. */
  private readonly maxAge: Record<CallBudget, number>;
  private readonly flights = new SingleFlight<unknown>();
  private readonly now: () => number;
  private readonly pageConcurrency: number;
  private readonly account: string;
  private readonly observer: LivePersonObserver | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly policies: Record<CallBudget, RetryPolicy>,
    accountId: string,
    opts: LivePersonClientOptions,
    private readonly onClose: () => void,
    private readonly liveSecrets: () => string[],
    private readonly seen: Reachability,
  ) {
    this.now = opts.now ?? Date.now;
    const interactive = opts.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    // 0 turns the cache off for everyone: a test or an operator asking for no cache means none.
    const background =
      interactive === 0
        ? 0
        : Math.max(interactive, opts.backgroundCacheTtlMs ?? DEFAULT_BACKGROUND_CACHE_TTL_MS);
    this.maxAge = { interactive, background };
    this.cache = new TtlCache({ ttlMs: background, now: this.now });
    this.pageConcurrency = Math.max(1, opts.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY);
    this.account = encodeURIComponent(accountId);
    this.observer = opts.observer;
  }

  async metrics(req: KmmRequest, opts: CallOptions = {}): Promise<KmmResponse> {
    const n = validOrThrow(validateKmmRequest(req, this.now()));
    return this.cached('metrics', n, opts, (policy) =>
      this.kmm(
        'metrics',
        { offset: n.offset, limit: n.limit, sort: sortParam(n.sort, DEFAULT_SORT) },
        n.body,
        policy,
        opts,
        parseKmmResponse,
      ),
    );
  }

  async metricsAllPages(
    req: Omit<KmmRequest, 'offset' | 'limit'>,
    opts: CallOptions = {},
  ): Promise<AllPages<KmmResponse>> {
    const first = await this.metrics({ ...req, offset: 0, limit: MAX_PAGE_SIZE }, opts);
    const rest = await this.pages(first.count, (page) => this.metrics({ ...req, ...page }, opts));
    return mergeMetricsPages([first, ...rest]);
  }

  async agentView(req: AgentViewRequest, opts: CallOptions = {}): Promise<AgentViewResponse> {
    const n = validOrThrow(validateAgentViewRequest(req, this.now()));
    return this.cached('agentView', n, opts, (policy) =>
      this.kmm(
        'agent_view',
        { offset: n.offset, limit: n.limit, sort: sortParam(n.sort, DEFAULT_AGENT_VIEW_SORT) },
        n.body,
        policy,
        opts,
        parseAgentViewResponse,
      ),
    );
  }

  async agentViewAllPages(
    req: Omit<AgentViewRequest, 'offset' | 'limit'>,
    opts: CallOptions = {},
  ): Promise<AllPages<AgentViewResponse>> {
    const first = await this.agentView({ ...req, offset: 0, limit: MAX_PAGE_SIZE }, opts);
    const rest = await this.pages(first.count, (page) => this.agentView({ ...req, ...page }, opts));
    return mergeAgentViewPages([first, ...rest]);
  }

  async historical(req: HistoricalRequest, opts: CallOptions = {}): Promise<HistoricalResponse> {
    const raw = {
      body: req.body,
      ...(req.intervalMinutes === undefined ? {} : { interval: req.intervalMinutes }),
    };
    const n = validOrThrow(validateHistoricalRequest(raw, this.now()));
    // Asked to let LivePerson pick (0), the client says so rather than sending its own guess.
    const interval = req.intervalMinutes === 0 ? 0 : n.intervalMinutes;
    return this.cached('historical', n, opts, (policy) =>
      this.kmm('historical', { interval }, n.body, policy, opts, parseHistoricalResponse),
    );
  }

  /** POST …/manager_workspace/api/account/{id}/{method}: the one shape every KMM method shares. */
  private kmm<T>(
    method: 'metrics' | 'agent_view' | 'historical',
    query: Record<string, string | number | undefined>,
    body: unknown,
    policy: RetryPolicy,
    opts: CallOptions,
    parse: (json: unknown) => T,
  ): Promise<T> {
    return this.transport.send({
      service: 'agentManagerWorkspace',
      method: 'POST',
      path: `/manager_workspace/api/account/${this.account}/${method}`,
      query,
      body,
      policy,
      ...(opts.deadline ? { deadline: opts.deadline } : {}),
      label: method,
      parse: (_a, json) => parse(json()),
    });
  }

  accountConfig(kind: ConfigKind, ifMatch?: string, opts: CallOptions = {}): Promise<AccountConfigResult> {
    const policy = this.policies[opts.budget ?? 'interactive'];
    const key = stableKey({ op: 'config', kind, ifMatch, budget: opts.budget ?? 'interactive' });
    // Not cached here: the directory keeps the lists and revalidates them with If-Match.
    return this.joined(key, opts, () =>
      this.transport.send<AccountConfigResult>({
        service: 'accountConfigReadOnly',
        method: 'GET',
        path: `/api/account/${this.account}/configuration/le-users/${kind}`,
        query: { v: '2.0', select: SELECT[kind] },
        headers: ifMatch ? { 'If-Match': ifMatch } : {},
        accept304: true,
        policy,
        ...(opts.deadline ? { deadline: opts.deadline } : {}),
        label: kind,
        parse: (answer, json) => {
          if (answer.status === 304) return { notModified: true };
          const items = json();
          if (!Array.isArray(items)) throw new Error(`${kind} answer is not a list`);
          return { notModified: false, revision: revisionOf(answer.headers), items };
        },
      }),
    ).then((r) => structuredClone(r));
  }

  secrets(): string[] {
    return this.liveSecrets();
  }

  reachability(): ReachabilitySnapshot {
    return this.seen.snapshot();
  }

  close(): Promise<void> {
    this.cache.clear();
    this.onClose();
    return Promise.resolve();
  }

  /**
   * Cache, then single-flight, then the network. The cache key is the normalized request (time
   * rounded to the minute, stable key order); only successes are stored.
   */
  private async cached<T>(
    op: string,
    normalized: unknown,
    opts: CallOptions,
    fetch: (policy: RetryPolicy) => Promise<T>,
  ): Promise<T> {
    const key = `${op}:${stableKey(normalized)}`;
    const budget = opts.budget ?? 'interactive';
    if (!opts.fresh) {
      const hit = this.cache.get(key, this.maxAge[budget]);
      this.observer?.cache('kmm', hit !== undefined);
      if (hit !== undefined) return structuredClone(hit as T);
    }
    // Budget is part of the flight key so an interactive caller never waits on a long background call.
    const value = await this.joined(`${budget}|${key}`, opts, async () => {
      const fetched = await fetch(this.policies[budget]);
      this.cache.set(key, fetched);
      return fetched;
    });
    // Callers get their own copy: one of them sorting the groups must not reorder the others'.
    return structuredClone(value);
  }

  /**
   * Single-flight under the caller's deadline. The flight runs under the deadline of the caller
   * that started it; a caller that joins waits at most its own deadline, and if the flight ran out
   * of its starter's time while the joiner still has some, the joiner asks again itself.
   */
  private async joined<T>(key: string, opts: CallOptions, work: () => Promise<T>): Promise<T> {
    for (;;) {
      const joining = this.flights.has(key);
      const flight = this.flights.run(key, work) as Promise<T>;
      if (!joining || !opts.deadline) return flight;
      try {
        return await raceDeadline(flight, opts.deadline);
      } catch (error) {
        if (error instanceof DeadlineExceededError) throw budgetTimeout(opts.deadline.budgetMs);
        if (error instanceof LivePersonTimeoutError && !opts.deadline.expired()) continue;
        throw error;
      }
    }
  }

  private async pages<T>(
    total: number,
    fetchPage: (page: { offset: number; limit: number }) => Promise<T>,
  ): Promise<T[]> {
    const limit = pLimit(this.pageConcurrency);
    try {
      return await Promise.all(remainingPages(total, MAX_PAGE_SIZE).map((p) => limit(() => fetchPage(p))));
    } catch (error) {
      // One page failed: the merged answer is lost anyway, so do not send the queued pages.
      limit.clearQueue();
      throw error as LivePersonError;
    }
  }
}

/** Builds the client: CSDS domains, the authenticator, the transport and the caches. */
export function createLivePersonClient(opts: LivePersonClientOptions): LivePersonClient {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });
  const httpClient = axios.create({ httpAgent, httpsAgent });
  let auth: Authenticator = new NoAuthenticator();
  const logger = redactingLogger(opts.logger ?? silentLogger, () => auth.secrets());
  const domains = new DomainResolver({
    csdsUrl: opts.csdsUrl,
    accountId: opts.accountId,
    http: httpClient,
    ...(opts.domainTtlMs === undefined ? {} : { ttlMs: opts.domainTtlMs }),
    ...(opts.now ? { now: opts.now } : {}),
    logger,
    ...(opts.observer ? { observer: opts.observer } : {}),
  });
  const { policies: overrides, ...runtimeOverrides } = opts.retry ?? {};
  const runtime: RetryRuntime = { ...realRuntime, ...runtimeOverrides };
  if (opts.authenticator) auth = opts.authenticator;
  else if (opts.oauth) auth = new OAuthAuthenticator(opts.oauth);
  else if (opts.clientCredentials) {
    auth = new ClientCredentialsAuthenticator({
      accountId: opts.accountId,
      credentials: opts.clientCredentials,
      domains,
      http: httpClient,
      logger,
      ...(opts.observer ? { observer: opts.observer } : {}),
    });
  } else if (opts.login) {
    auth = new LoginAuthenticator({
      accountId: opts.accountId,
      credentials: opts.login,
      domains,
      http: httpClient,
      logger,
      clock: () => runtime.monotonic(),
      timeScale: runtime.timeScale,
      ...(opts.observer ? { observer: opts.observer } : {}),
      ...(opts.refreshIntervalMs === undefined ? {} : { refreshIntervalMs: opts.refreshIntervalMs }),
    });
  }
  const policies: Record<CallBudget, RetryPolicy> = {
    interactive: { ...RETRY_POLICIES.interactive, ...overrides?.interactive },
    background: { ...RETRY_POLICIES.background, ...overrides?.background },
  };
  const reachability = new Reachability(opts.now ?? Date.now);
  const transport = new Transport({
    http: httpClient,
    domains,
    auth,
    logger,
    runtime,
    maxConcurrentRequests: opts.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS,
    reachability,
    ...(opts.observer ? { observer: opts.observer } : {}),
  });
  return new KmmClient(
    transport,
    policies,
    opts.accountId,
    opts,
    () => {
      auth.close();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
    () => auth.secrets(),
    reachability,
  );
}
