/**
 * A LivePerson request, end to end: find the service's domain (CSDS), authorize, send with a
 * deadline, parse, and retry per the policy. Connection failures invalidate the cached domain.
 * Each attempt holds one slot of a client-wide limiter, so the bot never bursts at LivePerson.
 */
import type { AxiosInstance } from 'axios';
import pLimit from 'p-limit';
import type { Authenticator } from './auth';
import type { DomainResolver, ServiceName } from './domains';
import { exchange, isConnectionFailure, parseJson, type HttpAnswer } from './http-attempt';
import type { LivePersonLogger } from './http-log';
import { LivePersonTimeoutError, LivePersonUnavailableError, isLivePersonError } from './errors';
import { formatSeconds, withRetries, type RetryPolicy, type RetryRuntime } from './retry-policy';
import type { Deadline } from '../../shared/deadline';
import type { Reachability } from './reachability';
import { methodOfLabel, observed, type LivePersonObserver } from './observer';

export interface TransportOptions {
  http: AxiosInstance;
  domains: DomainResolver;
  auth: Authenticator;
  /** Already redacting (see redactingLogger). */
  logger: LivePersonLogger;
  runtime: RetryRuntime;
  /** Upper bound of upstream requests in flight across the whole client. */
  maxConcurrentRequests: number;
  /** Notes each answer and failure, for /healthz. */
  reachability?: Reachability;
  /** Counts each exchange by method and outcome (/metrics). */
  observer?: LivePersonObserver;
}

export interface TransportRequest<T> {
  service: ServiceName;
  method: 'GET' | 'POST';
  /** Path on the service's domain, starting with `/`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  accept304?: boolean;
  policy: RetryPolicy;
  /** The answer's deadline; without one the policy's own budget applies. */
  deadline?: Deadline;
  /** A short name for logs ("metrics", "skills"). */
  label: string;
  /** Turns the answer into a value; a throw here counts as an unreadable answer (retried). */
  parse: (answer: HttpAnswer, json: () => unknown) => T;
}

/** Sends LivePerson requests with domains, auth, deadlines and retries. */
export class Transport {
  private readonly limit: pLimit.Limit;
  // The headers each request last went out with, so a 401 drops exactly that session.
  private readonly lastHeaders = new WeakMap<object, Record<string, string>>();

  constructor(private readonly opts: TransportOptions) {
    this.limit = pLimit(Math.max(1, opts.maxConcurrentRequests));
  }

  /** Runs `req` under its retry policy; resolves with the parsed value or throws a typed error. */
  send<T>(req: TransportRequest<T>): Promise<T> {
    const { logger, auth } = this.opts;
    return withRetries(
      ({ attempt, timeoutMs }) => {
        // The attempt's clock starts now, not when a request slot frees up: time spent queued
        // behind other requests counts against the same budget.
        const deadline = performance.now() + timeoutMs;
        return this.limit(() => this.attempt(req, attempt, deadline, timeoutMs));
      },
      req.policy,
      this.opts.runtime,
      {
        onUnauthorized: () => auth.onUnauthorized(this.lastHeaders.get(req) ?? {}),
        onRetry: (e) =>
          logger.info(`LivePerson ${req.label}: retrying after ${e.reason} in ${Math.round(e.waitMs)} ms`),
      },
      req.deadline,
    );
  }

  private async attempt<T>(
    req: TransportRequest<T>,
    attempt: number,
    deadline: number,
    timeoutMs: number,
  ): Promise<T> {
    const { domains, auth, http, logger } = this.opts;
    const started = performance.now();
    const left = () => Math.max(1, deadline - performance.now());
    try {
      if (deadline - started <= 0) {
        throw new LivePersonTimeoutError(`LivePerson did not answer within ${formatSeconds(timeoutMs)}.`, {
          detail: `${req.label}: the attempt's ${Math.round(timeoutMs)} ms passed while waiting for a request slot`,
        });
      }
      const base = await domains.resolve(req.service, left());
      const url = this.urlOf(base, req);
      const headers = {
        ...req.headers,
        ...(await auth.authorize({ method: req.method, url, timeoutMs: left() })),
      };
      this.lastHeaders.set(req, headers);
      // An unreadable answer counts as this exchange's outcome, so the parse is inside.
      const { answer, value } = await observed(this.opts.observer, methodOfLabel(req.label), async () => {
        const answer = await exchange(http, {
          method: req.method,
          url,
          headers,
          body: req.body,
          timeoutMs: left(),
          accept304: req.accept304 ?? false,
          secrets: auth.secrets(),
        });
        // Any HTTP answer shows LivePerson is there, even one that is then refused.
        this.opts.reachability?.answered();
        return { answer, value: this.parse(req, answer) };
      });
      logger.debug(
        `LivePerson ${req.method} ${req.label} → ${answer.status} in ${Math.round(performance.now() - started)} ms`,
      );
      return value;
    } catch (error) {
      if (isConnectionFailure(error)) domains.invalidate(req.service);
      const detail = isLivePersonError(error) ? (error.detail ?? error.message) : String(error);
      this.opts.reachability?.failed(`${req.label}: ${detail}`);
      logger.warn(`LivePerson ${req.method} ${req.label} attempt ${attempt} failed: ${detail}`);
      throw error;
    }
  }

  private parse<T>(req: TransportRequest<T>, answer: HttpAnswer): T {
    const secrets = this.opts.auth.secrets();
    try {
      return req.parse(answer, () => parseJson(answer, 'LivePerson', secrets));
    } catch (error) {
      if (isLivePersonError(error)) throw error;
      throw new LivePersonUnavailableError('LivePerson sent an answer we could not read.', {
        status: answer.status,
        detail: `unexpected answer to ${req.label}: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
  }

  private urlOf(base: string, req: TransportRequest<unknown>): string {
    const url = new URL(`${base}${req.path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    return url.toString();
  }
}
