/**
 * An independent OAuth 1.0a (RFC 5849) HMAC-SHA1 verifier, written from the RFC rather than with the
 * signing library, so tests catch a wrong base string (query parameters in, JSON body out).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface OAuthSecrets {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone). */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The `oauth_*` parameters of an Authorization header. */
export function oauthParams(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header?.startsWith('OAuth ')) return out;
  for (const m of header.slice(6).matchAll(/([\w]+)="([^"]*)"/g)) out[m[1]!] = decodeURIComponent(m[2]!);
  return out;
}

/** The signature base string for a request (body deliberately not part of it). */
export function baseString(method: string, fullUrl: string, oauth: Record<string, string>): string {
  const u = new URL(fullUrl);
  const pairs: [string, string][] = [];
  for (const [k, v] of u.searchParams) pairs.push([rfc3986(k), rfc3986(v)]);
  for (const [k, v] of Object.entries(oauth))
    if (k !== 'oauth_signature') pairs.push([rfc3986(k), rfc3986(v)]);
  pairs.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  const params = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const base = `${u.protocol}//${u.host.toLowerCase()}${u.pathname}`;
  return `${method.toUpperCase()}&${rfc3986(base)}&${rfc3986(params)}`;
}

/** True when `header` is a valid HMAC-SHA1 signature of the request with these credentials. */
export function verifyOAuth(
  method: string,
  fullUrl: string,
  header: string | undefined,
  s: OAuthSecrets,
): boolean {
  const p = oauthParams(header);
  if (p.oauth_consumer_key !== s.appKey || p.oauth_token !== s.accessToken) return false;
  if (p.oauth_signature_method !== 'HMAC-SHA1' || !p.oauth_signature) return false;
  const key = `${rfc3986(s.appSecret)}&${rfc3986(s.accessTokenSecret)}`;
  const expected = createHmac('sha1', key)
    .update(baseString(method, fullUrl, p))
    .digest();
  const got = Buffer.from(p.oauth_signature, 'base64');
  return got.length === expected.length && timingSafeEqual(got, expected);
}
