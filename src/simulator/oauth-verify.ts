/**
 * Server side of OAuth 1.0a (HMAC-SHA1) as LivePerson checks API keys: the base string holds the
 * method, the URL without its query, and every query and oauth_* parameter (a JSON body is not
 * part of it). Timestamps and nonces are not policed: the simulator's clock may be frozen years
 * away from the client's, and a client's retry re-signs anyway.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OAuthCredentials } from '../liveperson/client/auth';

export type OAuthCheck = { ok: true } | { ok: false; reason: string };

/** RFC 3986 percent-encoding, as OAuth requires. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `OAuth k="v", …`; undefined when the header is not an OAuth one. */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined;
  const out = new Map<string, string>();
  for (const m of header.slice(6).matchAll(/([A-Za-z0-9_\-.]+)\s*=\s*"([^"]*)"/g)) {
    try {
      out.set(m[1]!, decodeURIComponent(m[2]!));
    } catch {
      out.set(m[1]!, m[2]!);
    }
  }
  return out;
}

/** The signature base string for a request. */
export function signatureBaseString(
  method: string,
  baseUrl: string,
  query: URLSearchParams,
  oauthParams: Map<string, string>,
): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of query) pairs.push([percentEncode(k), percentEncode(v)]);
  for (const [k, v] of oauthParams) {
    if (k === 'oauth_signature' || k === 'realm') continue;
    pairs.push([percentEncode(k), percentEncode(v)]);
  }
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const params = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return `${method.toUpperCase()}&${percentEncode(baseUrl)}&${percentEncode(params)}`;
}

/** Checks a request's Authorization header against the account's API key. */
export function verifyOAuth(
  keys: OAuthCredentials,
  method: string,
  baseUrl: string,
  query: URLSearchParams,
  header: string | undefined,
): OAuthCheck {
  const p = parseOAuthHeader(header);
  if (!p) return { ok: false, reason: 'An OAuth 1.0a Authorization header is required.' };
  if (p.get('oauth_signature_method') !== 'HMAC-SHA1') {
    return { ok: false, reason: 'The signature method must be HMAC-SHA1.' };
  }
  if (p.get('oauth_consumer_key') !== keys.appKey) return { ok: false, reason: 'Unknown app key.' };
  if (p.get('oauth_token') !== keys.accessToken) return { ok: false, reason: 'Unknown access token.' };
  if (!p.get('oauth_timestamp') || !p.get('oauth_nonce')) {
    return { ok: false, reason: 'The OAuth timestamp and nonce are required.' };
  }
  const given = p.get('oauth_signature') ?? '';
  const key = `${percentEncode(keys.appSecret)}&${percentEncode(keys.accessTokenSecret)}`;
  const expected = createHmac('sha1', key)
    .update(signatureBaseString(method, baseUrl, query, p))
    .digest();
  const actual = Buffer.from(given, 'base64');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'The OAuth signature does not match the request.' };
  }
  return { ok: true };
}
