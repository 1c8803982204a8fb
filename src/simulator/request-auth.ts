/**
 * The credentials check on KMM, agent_view, historical and Account Config: a live bearer (a
 * Login-Service session or an OAuth 2.0 access token), or else an OAuth 1.0a signature. A bearer
 * that is sent is judged on its own, so an expired one answers 401 even when the account also has
 * an API key.
 */
import type { IncomingMessage } from 'node:http';
import { CODE, HttpError, bearerOf } from './http-util';
import type { AppTokens } from './app-tokens';
import type { LoginSessions } from './login-sessions';
import { verifyOAuth } from './oauth-verify';
import type { SimulatorOptions } from './types';

/** The credentials an account was started with (either, both or none). */
export type AccountCredentials = Pick<SimulatorOptions, 'oauth' | 'login' | 'clientCredentials'>;

/** Any credentials switch on the checks. */
export function isSecured(creds: AccountCredentials): boolean {
  return creds.login !== undefined || creds.oauth !== undefined || creds.clientCredentials !== undefined;
}

/** A password or an API key switches on the Login Service (password or API-key login). */
export function hasLoginService(creds: AccountCredentials): boolean {
  return creds.login !== undefined || creds.oauth !== undefined;
}

/** Throws a 401 HttpError unless the request may call a secured API. */
export type RequestAuth = (req: IncomingMessage, requestUrl: URL) => void;

/**
 * The check for an account with `creds`; `ownUrl` is the simulator's URL, whose host stands in
 * when a request has no Host header (the signature covers the URL the client called).
 */
export function createRequestAuth(
  creds: AccountCredentials,
  sessions: LoginSessions,
  tokens: AppTokens,
  ownUrl: () => string,
): RequestAuth {
  const secured = isSecured(creds);
  return (req, requestUrl) => {
    if (!secured) return;
    const bearer = bearerOf(req);
    if (bearer !== undefined) {
      if (sessions.get(bearer) || tokens.valid(bearer)) return;
      throw new HttpError(
        401,
        'The bearer token is invalid or has expired; log in again or fetch a new token.',
        CODE.auth,
      );
    }
    if (!creds.oauth) {
      throw new HttpError(
        401,
        'A bearer is required (Authorization: Bearer …): a Login Service session or an OAuth 2.0 access token.',
        CODE.auth,
      );
    }
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const host = (req.headers.host ?? new URL(ownUrl()).host).toLowerCase();
    const check = verifyOAuth(
      creds.oauth,
      req.method ?? 'GET',
      `http://${host}${rawPath}`,
      requestUrl.searchParams,
      req.headers.authorization,
    );
    if (!check.ok) throw new HttpError(401, check.reason, CODE.auth);
  };
}
