/** Which LivePerson API a path is: the route table, and the query parameters routes read. */
import type { RouteName } from './types';

export interface RouteMatch {
  name: RouteName;
  /** The account id in the path, percent-decoded when it decodes. */
  account: string;
  /** The only method the API answers; anything else is a 405 (after the account check). */
  method: 'GET' | 'POST';
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
    re: /^\/sentinel\/api\/v2\/account\/([^/]+)\/app\/token\/?$/,
    name: () => 'token',
    method: 'POST',
  },
  {
    re: /^\/api\/account\/([^/]+)\/(login|refresh)\/?$/,
    name: (m) => m[2] as 'login' | 'refresh',
    method: 'POST',
  },
];

/** The route a path belongs to, whatever the method; undefined when no LivePerson API lives there. */
export function matchRoute(path: string): RouteMatch | undefined {
  for (const r of ROUTES) {
    const m = path.match(r.re);
    if (!m) continue;
    let account: string;
    try {
      account = decodeURIComponent(m[1]!);
    } catch {
      account = m[1]!;
    }
    const out: RouteMatch = { name: r.name(m), account, method: r.method };
    if (m[2] !== undefined) out.detail = m[2];
    return out;
  }
  return undefined;
}

/** A query parameter, absent rather than null. */
export function queryParam(url: URL, name: string): string | undefined {
  return url.searchParams.get(name) ?? undefined;
}

/** The body plus the paging/sort query parameters, as metrics and agent_view take them. */
export function pagedRequest(
  body: unknown,
  url: URL,
): { body: unknown; offset?: string; limit?: string; sort?: string } {
  const out: { body: unknown; offset?: string; limit?: string; sort?: string } = { body };
  for (const k of ['offset', 'limit', 'sort'] as const) {
    const v = queryParam(url, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
