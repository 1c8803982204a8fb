/**
 * OAuth 2.0 client credentials, LivePerson's preferred machine-to-machine route: POST the client id
 * and secret (form-encoded) to the account's `sentinel` domain for an access token, send it as a
 * bearer, reuse it until shortly before it expires, and fetch a new one after a 401.
 */
import type { AxiosInstance } from 'axios';
import type { AuthorizeRequest, Authenticator } from './auth';
import type { DomainResolver } from './domains';
import { LivePersonAuthError, LivePersonInvalidRequestError, LivePersonUnavailableError } from './errors';
import { exchange, isConnectionFailure, parseJson } from './http-attempt';
import { silentLogger, type LivePersonLogger } from './http-log';
import { observed, type LivePersonObserver } from './observer';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface ClientCredentialsOptions {
  accountId: string;
  credentials: ClientCredentials;
  domains: DomainResolver;
  http: AxiosInstance;
  logger?: LivePersonLogger;
  observer?: LivePersonObserver;
  /**
   * Wall-clock epoch ms for token lifetimes. Not the bot's clock: tests and the sandbox move that
   * one, while a token expires in real time.
   */
  clock?: () => number;
}

/** A token is renewed this long before it expires (at most a tenth of its lifetime), so none expires in flight. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;

const TOKEN_WHAT = "LivePerson's token service (sentinel)";

interface Token {
  value: string;
  /** Epoch ms after which a new token is fetched instead; Infinity when the answer gave no lifetime. */
  renewAt: number;
}

/** The token path on the sentinel domain. */
export function tokenPath(accountId: string): string {
  return `/sentinel/api/v2/account/${encodeURIComponent(accountId)}/app/token`;
}

/** When a token obtained at `obtainedAt` with `expiresInSeconds` should be replaced. */
export function renewAtOf(obtainedAt: number, expiresInSeconds: number | undefined): number {
  if (expiresInSeconds === undefined) return Infinity;
  const lifetimeMs = expiresInSeconds * 1000;
  return obtainedAt + lifetimeMs - Math.min(TOKEN_RENEW_MARGIN_MS, lifetimeMs / 10);
}

function expiresInOf(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Bearer tokens from the client-credentials grant. */
export class ClientCredentialsAuthenticator implements Authenticator {
  private token: Token | undefined;
  private fetching: Promise<Token> | undefined;
  private readonly logger: LivePersonLogger;
  private readonly clock: () => number;

  constructor(private readonly opts: ClientCredentialsOptions) {
    this.logger = opts.logger ?? silentLogger;
    this.clock = opts.clock ?? Date.now;
  }

  async authorize(req: AuthorizeRequest): Promise<Record<string, string>> {
    const held = this.token;
    const token = held && this.clock() < held.renewAt ? held : await this.fetchToken(req.timeoutMs);
    return { Authorization: `Bearer ${token.value}` };
  }

  onUnauthorized(used: Record<string, string>): Promise<boolean> {
    // Only drop the token that was refused: a concurrent call may already hold a newer one.
    if (this.token && used.Authorization === `Bearer ${this.token.value}`) this.token = undefined;
    return Promise.resolve(true);
  }

  secrets(): string[] {
    return [this.opts.credentials.clientSecret, ...(this.token ? [this.token.value] : [])];
  }

  close(): void {}

  private fetchToken(timeoutMs: number): Promise<Token> {
    // Concurrent callers share one token request.
    this.fetching ??= this.request(timeoutMs).finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async request(timeoutMs: number): Promise<Token> {
    const { clientId, clientSecret } = this.opts.credentials;
    const obtainedAt = this.clock();
    let answer;
    try {
      const base = await this.opts.domains.resolve('sentinel', timeoutMs);
      answer = await observed(this.opts.observer, 'token', () =>
        exchange(this.opts.http, {
          method: 'POST',
          url: `${base}${tokenPath(this.opts.accountId)}`,
          form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
          timeoutMs,
          what: TOKEN_WHAT,
          secrets: this.secrets(),
        }),
      );
    } catch (error) {
      if (isConnectionFailure(error)) this.opts.domains.invalidate('sentinel');
      const refused =
        (error instanceof LivePersonAuthError && error.status === 401) ||
        (error instanceof LivePersonInvalidRequestError && error.status === 400);
      if (refused) {
        // invalid_client / unauthorized_client: the configuration is wrong, and asking again cannot
        // fix it. Without a status the retry loop treats it as final, not as an expired token.
        throw new LivePersonAuthError(
          `${TOKEN_WHAT} did not accept the client credentials; check LP_CLIENT_ID and LP_CLIENT_SECRET.`,
          { detail: error.detail, cause: error },
        );
      }
      throw error;
    }
    const body = parseJson(answer, TOKEN_WHAT, this.secrets());
    const rec = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const tokenType = typeof rec.token_type === 'string' ? rec.token_type : 'Bearer';
    if (typeof rec.access_token !== 'string' || rec.access_token === '' || !/^bearer$/i.test(tokenType)) {
      throw new LivePersonUnavailableError(`${TOKEN_WHAT} answered without a bearer token.`, {
        status: answer.status,
        detail: `token answer had no bearer access_token (fields: ${Object.keys(rec).join(', ')})`,
      });
    }
    const token: Token = {
      value: rec.access_token,
      renewAt: renewAtOf(obtainedAt, expiresInOf(rec.expires_in)),
    };
    this.token = token;
    this.logger.info('LivePerson: obtained an OAuth 2.0 access token (client credentials)');
    return token;
  }
}
