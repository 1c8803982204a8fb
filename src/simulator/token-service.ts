/**
 * The sentinel token endpoint, OAuth 2.0 client credentials: POST …/sentinel/api/v2/account/{id}/
 * app/token with a form-encoded grant_type, client_id and client_secret answers an access token.
 * It exists only on an account started with client credentials; elsewhere it answers 404.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ClientCredentials } from '../liveperson/client/client-credentials';
import type { AppTokens } from './app-tokens';
import { CODE, HttpError, type Answer } from './http-util';

export interface TokenService {
  /** Answers a token request: its Content-Type and raw body. */
  token(contentType: string | undefined, body: Buffer): Answer;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token endpoint of an account with `creds` (none: not enabled). */
export function createTokenService(creds: ClientCredentials | undefined, tokens: AppTokens): TokenService {
  return {
    token(contentType, body) {
      if (!creds)
        throw new HttpError(
          404,
          'OAuth 2.0 client credentials are not enabled on this account.',
          CODE.notFound,
        );
      if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) {
        throw new HttpError(
          400,
          'The token request must be form-encoded (application/x-www-form-urlencoded).',
          CODE.validation,
        );
      }
      const form = new URLSearchParams(body.toString('utf8'));
      if (form.get('grant_type') !== 'client_credentials') {
        throw new HttpError(400, 'grant_type must be client_credentials.', CODE.validation);
      }
      const id = form.get('client_id') ?? '';
      const secret = form.get('client_secret') ?? '';
      if (!sameText(id, creds.clientId) || !sameText(secret, creds.clientSecret)) {
        throw new HttpError(401, 'Unknown client id or wrong client secret.', CODE.auth);
      }
      return {
        status: 200,
        body: { access_token: tokens.issue(), token_type: 'Bearer', expires_in: tokens.ttlSeconds },
        headers: { 'Cache-Control': 'no-store' },
      };
    },
  };
}
