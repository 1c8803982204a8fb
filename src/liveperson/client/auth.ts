/**
 * Authentication for LivePerson calls. The client talks to an `Authenticator` and does not care
 * which kind it is: an OAuth 1.0a API key (signs every request, HMAC-SHA1, query parameters in the
 * base string, JSON body not) or a Login-Service session (bearer, kept alive with csrf refreshes,
 * logged in again after a 401).
 */
import { createHmac } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import OAuth from 'oauth-1.0a';
import type { DomainResolver } from './domains';
import { LivePersonAuthError, LivePersonRateLimitedError, LivePersonUnavailableError } from './errors';
import { exchange, isConnectionFailure, parseJson } from './http-attempt';
import { silentLogger, type LivePersonLogger } from './http-log';
import { observed, type LivePersonObserver } from './observer';
import { RATE_LIMITED_MESSAGE } from './retry-policy';

export interface OAuthCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

export interface LoginCredentials {
  username: string;
  password: string;
}

export interface AuthorizeRequest {
  method: 'GET' | 'POST';
  /** The full URL including the query string (OAuth signs the query parameters). */
  url: string;
  /** Time left for this attempt; a login must fit in it. */
  timeoutMs: number;
}

/** What the HTTP layer needs from any kind of credentials. */
export interface Authenticator {
  /** Headers that authorize this one request (called per attempt: signatures are single-use). */
  authorize(req: AuthorizeRequest): Promise<Record<string, string>>;
  /**
   * Called after a 401 answered a request sent with `used`; resolves true when a new attempt can
   * succeed (fresh signature, new login).
   */
  onUnauthorized(used: Record<string, string>): Promise<boolean>;
  /** Live secret values, so logs can scrub them verbatim. */
  secrets(): string[];
  /** Stops timers (session refresh). */
  close(): void;
}

/** Signs requests with an OAuth 1.0a API key (Conversational Cloud → API keys). */
export class OAuthAuthenticator implements Authenticator {
  private readonly oauth: OAuth;

  constructor(private readonly creds: OAuthCredentials) {
    this.oauth = new OAuth({
      consumer: { key: creds.appKey, secret: creds.appSecret },
      signature_method: 'HMAC-SHA1',
      hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
    });
  }

  authorize(req: AuthorizeRequest): Promise<Record<string, string>> {
    // No `data`: LivePerson's JSON bodies are not part of the base string; oauth-1.0a reads the
    // query parameters from the URL itself.
    const signed = this.oauth.authorize(
      { url: req.url, method: req.method },
      { key: this.creds.accessToken, secret: this.creds.accessTokenSecret },
    );
    return Promise.resolve({ ...this.oauth.toHeader(signed) });
  }

  /** A fresh nonce and timestamp can cure a clock-skew or replay rejection; the loop allows one. */
  onUnauthorized(): Promise<boolean> {
    return Promise.resolve(true);
  }

  secrets(): string[] {
    return [this.creds.appSecret, this.creds.accessToken, this.creds.accessTokenSecret, this.creds.appKey];
  }

  close(): void {}
}

/** Sends nothing: for a simulator started without credentials. */
export class NoAuthenticator implements Authenticator {
  authorize(): Promise<Record<string, string>> {
    return Promise.resolve({});
  }
  onUnauthorized(): Promise<boolean> {
    return Promise.resolve(false);
  }
  secrets(): string[] {
    return [];
  }
  close(): void {}
}

export const DEFAULT_REFRESH_INTERVAL_MS = 5 * 60_000;

/** The Login Service answers 429 to too many logins and asks for 5 s before the next one. */
export const LOGIN_RATE_LIMIT_WAIT_MS = 5_000;

export interface LoginAuthenticatorOptions {
  accountId: string;
  credentials: LoginCredentials;
  domains: DomainResolver;
  http: AxiosInstance;
  /** How often the session is refreshed with its csrf token (default 5 min; the session lives 8 h). */
  refreshIntervalMs?: number;
  logger?: LivePersonLogger;
  /**
   * Monotonic ms: when the next login may go out after a 429. The client passes its retry
   * runtime's clock, the one its waits move, so a retry after the wait is never held back.
   */
  clock?: () => number;
  /** Scales that pause like the retry runtime scales its waits (tests; default 1). */
  timeScale?: number;
  observer?: LivePersonObserver;
}

interface Session {
  bearer: string;
  csrf: string | undefined;
  cookie: string | undefined;
}

const LOGIN_WHAT = "LivePerson's login service";

/** Login-Service session: POST …/login?v=1.3 → bearer; refresh with csrf; log in again after a 401. */
export class LoginAuthenticator implements Authenticator {
  private session: Session | undefined;
  private loggingIn: Promise<Session> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly logger: LivePersonLogger;
  private readonly clock: () => number;
  /** No login before this (clock ms): the Login Service's 429 asked for a pause. */
  private loginNotBefore = -Infinity;

  constructor(private readonly opts: LoginAuthenticatorOptions) {
    this.logger = opts.logger ?? silentLogger;
    this.clock = opts.clock ?? (() => performance.now());
  }

  async authorize(req: AuthorizeRequest): Promise<Record<string, string>> {
    const session = this.session ?? (await this.login(req.timeoutMs));
    return { Authorization: `Bearer ${session.bearer}` };
  }

  onUnauthorized(used: Record<string, string>): Promise<boolean> {
    // Only drop the session that failed: a concurrent call may already hold a newer one.
    if (this.session && used.Authorization === `Bearer ${this.session.bearer}`) this.session = undefined;
    return Promise.resolve(true);
  }

  secrets(): string[] {
    const out = [this.opts.credentials.password];
    if (this.session) out.push(this.session.bearer, ...(this.session.csrf ? [this.session.csrf] : []));
    return out;
  }

  /** Stops the refresh timer; later calls still work but log in without refreshing. */
  close(): void {
    this.closed = true;
    this.stopTimer();
  }

  /** Whether the refresh timer is running (for tests and health checks). */
  get refreshing(): boolean {
    return this.timer !== undefined;
  }

  private login(timeoutMs: number): Promise<Session> {
    // Concurrent first calls share one login.
    this.loggingIn ??= this.doLogin(timeoutMs).finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  private async doLogin(timeoutMs: number): Promise<Session> {
    const heldMs = this.loginNotBefore - this.clock();
    if (heldMs > 0) {
      // Any caller, not only the one that got the 429, waits out the pause the service asked for.
      throw new LivePersonRateLimitedError(RATE_LIMITED_MESSAGE, {
        status: 429,
        detail: `login held back ${Math.ceil(heldMs)} ms more: the Login Service answered 429`,
        retryAfterSeconds: heldMs / 1000,
      });
    }
    const url = `${await this.base(timeoutMs)}/api/account/${encodeURIComponent(this.opts.accountId)}/login?v=1.3`;
    const { username, password } = this.opts.credentials;
    let answer;
    try {
      answer = await this.call('login', url, { username, password }, {}, timeoutMs);
    } catch (error) {
      if (!(error instanceof LivePersonRateLimitedError)) throw error;
      // "retry after 5 seconds", the Login Service's docs say; a longer Retry-After wins.
      const seconds = Math.max(error.retryAfterSeconds ?? 0, LOGIN_RATE_LIMIT_WAIT_MS / 1000);
      this.loginNotBefore = this.clock() + seconds * 1000 * (this.opts.timeScale ?? 1);
      throw new LivePersonRateLimitedError(error.message, {
        status: 429,
        ...(error.detail === undefined ? {} : { detail: error.detail }),
        retryAfterSeconds: seconds,
      });
    }
    const body = parseJson(answer, LOGIN_WHAT, [password]);
    const rec = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (typeof rec.bearer !== 'string' || rec.bearer === '') {
      throw new LivePersonUnavailableError(`${LOGIN_WHAT} answered without a session.`, {
        status: answer.status,
        detail: `login answer had no bearer (fields: ${Object.keys(rec).join(', ')})`,
      });
    }
    const session: Session = {
      bearer: rec.bearer,
      csrf: typeof rec.csrf === 'string' ? rec.csrf : undefined,
      cookie: cookieOf(answer.headers['set-cookie']),
    };
    this.session = session;
    this.logger.info('LivePerson: logged in to the Login Service');
    this.startTimer();
    return session;
  }

  /** Keeps the session alive; a refused refresh drops it so the next call logs in again. */
  async refresh(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      const url = `${await this.base(10_000)}/api/account/${encodeURIComponent(this.opts.accountId)}/refresh`;
      const headers: Record<string, string> = { Authorization: `Bearer ${session.bearer}` };
      if (session.cookie) headers.Cookie = session.cookie;
      const answer = await this.call('login_refresh', url, { csrf: session.csrf ?? '' }, headers, 10_000);
      const cookie = cookieOf(answer.headers['set-cookie']);
      if (cookie && this.session === session) session.cookie = cookie;
      this.logger.debug('LivePerson: session refreshed');
    } catch (error) {
      if (error instanceof LivePersonAuthError && this.session === session) this.session = undefined;
      this.logger.warn(
        `LivePerson: session refresh failed (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  private async base(timeoutMs: number): Promise<string> {
    return this.opts.domains.resolve('agentVep', timeoutMs);
  }

  private async call(
    method: 'login' | 'login_refresh',
    url: string,
    body: unknown,
    headers: Record<string, string>,
    timeoutMs: number,
  ) {
    try {
      return await observed(this.opts.observer, method, () =>
        exchange(this.opts.http, {
          method: 'POST',
          url,
          body,
          headers,
          timeoutMs,
          what: LOGIN_WHAT,
          secrets: this.secrets(),
        }),
      );
    } catch (error) {
      if (isConnectionFailure(error)) this.opts.domains.invalidate('agentVep');
      if (error instanceof LivePersonAuthError && error.status === 401) {
        // A 401 on the login itself is a wrong user or password; retrying cannot fix it. Without a
        // status the retry loop treats it as final instead of as an expired session.
        throw new LivePersonAuthError(
          `${LOGIN_WHAT} did not accept the user name or password; check LP_USERNAME and LP_PASSWORD.`,
          { detail: error.detail, cause: error },
        );
      }
      throw error;
    }
  }

  private startTimer(): void {
    if (this.closed || this.timer) return;
    const every = this.opts.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    this.timer = setInterval(() => void this.refresh(), every);
    // A refresh timer must never keep the process alive on shutdown.
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function cookieOf(setCookie: string | undefined): string | undefined {
  if (!setCookie) return undefined;
  // headerMap joins multiple Set-Cookie values with ", "; keep each cookie's name=value only.
  const pairs = setCookie
    .split(/,(?=\s*[^;,=\s]+=)/)
    .map((c) => c.split(';')[0]?.trim())
    .filter((c): c is string => !!c && c.includes('='));
  return pairs.length ? pairs.join('; ') : undefined;
}
