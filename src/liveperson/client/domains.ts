/**
 * Domain discovery through CSDS: which host serves a LivePerson service for this account. Answers
 * are cached (10 min by default), concurrent look-ups of one service share one request, and a
 * connection failure against a domain drops it so the next attempt asks CSDS again.
 */
import type { AxiosInstance } from 'axios';
import { LivePersonInvalidRequestError, LivePersonUnavailableError } from './errors';
import { exchange, parseJson } from './http-attempt';
import { silentLogger, type LivePersonLogger } from './http-log';
import { SingleFlight } from '../../shared/single-flight';
import { TtlCache } from './ttl-cache';
import { observed, type LivePersonObserver } from './observer';

/** The CSDS service names this bot uses (case-sensitive, as LivePerson spells them). */
export const SERVICES = ['agentManagerWorkspace', 'accountConfigReadOnly', 'agentVep', 'sentinel'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const DEFAULT_DOMAIN_TTL_MS = 10 * 60_000;
const DEFAULT_CSDS_TIMEOUT_MS = 5_000;

export interface DomainResolverOptions {
  /** CSDS base, e.g. https://api.liveperson.net (the simulator's URL in tests). */
  csdsUrl: string;
  accountId: string;
  http: AxiosInstance;
  /** How long an answer is reused (default 10 min). */
  ttlMs?: number;
  /** Epoch-ms clock for the cache. */
  now?: () => number;
  logger?: LivePersonLogger;
  observer?: LivePersonObserver;
}

/**
 * Turns a CSDS baseURI into a base URL. A real CSDS answers a bare host ("va.example.liveperson.net")
 * which means https; one with a scheme (the simulator's "http://127.0.0.1:4010") is used as is.
 */
export function baseUrlOf(baseURI: string): string {
  const text = baseURI.trim().replace(/\/+$/, '');
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a host: '${baseURI}'`);
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) {
    throw new Error(`not an http(s) host: '${baseURI}'`);
  }
  return url;
}

/** Resolves and caches service domains for one account. */
export class DomainResolver {
  private readonly cache: TtlCache<string>;
  private readonly flights = new SingleFlight<string>();
  private readonly csdsUrl: string;
  private readonly logger: LivePersonLogger;

  constructor(private readonly opts: DomainResolverOptions) {
    this.csdsUrl = opts.csdsUrl.replace(/\/+$/, '');
    this.cache = new TtlCache<string>({
      ttlMs: opts.ttlMs ?? DEFAULT_DOMAIN_TTL_MS,
      ...(opts.now ? { now: opts.now } : {}),
      maxEntries: SERVICES.length * 2,
    });
    this.logger = opts.logger ?? silentLogger;
  }

  /** The base URL (scheme + host, no trailing slash) of `service`; asks CSDS at most once per TTL. */
  resolve(service: ServiceName, timeoutMs = DEFAULT_CSDS_TIMEOUT_MS): Promise<string> {
    const hit = this.cache.get(service);
    if (hit !== undefined) return Promise.resolve(hit);
    return this.flights.run(service, async () => {
      const base = await observed(this.opts.observer, 'csds', () => this.lookUp(service, timeoutMs));
      this.cache.set(service, base);
      return base;
    });
  }

  /** Forgets `service`'s domain (after a connection failure against it). */
  invalidate(service: ServiceName): void {
    this.cache.delete(service);
  }

  private async lookUp(service: ServiceName, timeoutMs: number): Promise<string> {
    const account = encodeURIComponent(this.opts.accountId);
    const url = `${this.csdsUrl}/api/account/${account}/service/${service}/baseURI.json?version=1.0`;
    const what = "LivePerson's domain service (CSDS)";
    let answer;
    try {
      answer = await exchange(this.opts.http, { method: 'GET', url, timeoutMs, what });
    } catch (error) {
      if (error instanceof LivePersonInvalidRequestError) {
        // A 4xx from CSDS means the account (or service) is unknown: a setup problem, not the user's.
        throw new LivePersonInvalidRequestError(
          `LivePerson does not know account ${this.opts.accountId} (service ${service}); check LP_ACCOUNT_ID.`,
          { status: error.status, detail: error.detail, cause: error },
        );
      }
      throw error;
    }
    const body = parseJson(answer, what);
    const baseURI =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>).baseURI : undefined;
    try {
      if (typeof baseURI !== 'string') throw new Error('no baseURI');
      const base = baseUrlOf(baseURI);
      this.logger.debug(`LivePerson CSDS: ${service} → ${base}`);
      return base;
    } catch (error) {
      throw new LivePersonUnavailableError(`${what} sent an answer we could not read.`, {
        status: answer.status,
        detail: `CSDS ${service}: ${answer.text.slice(0, 500)}`,
        cause: error,
      });
    }
  }
}
