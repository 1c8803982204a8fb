/**
 * The simulator's contract, on its own so that the implementation files and the index.ts barrel
 * both depend on it instead of on each other.
 */
import type { LoginCredentials, OAuthCredentials } from '../liveperson/client/auth';
import type { ClientCredentials } from '../liveperson/client/client-credentials';
import type { ContactCenter, RosterNames } from './contact-center';
import type { RevisionHeader } from './account-config-answer';
import type { AllShape } from './metrics-answer';

/** Every route the simulator answers; stats, faults and /_sim/faults validation all read this one list. */
export const ROUTE_NAMES = [
  'csds',
  'skills',
  'agentGroups',
  'metrics',
  'agentView',
  'historical',
  'login',
  'refresh',
  'token',
] as const;

export type RouteName = (typeof ROUTE_NAMES)[number];

export interface SimulatorOptions {
  /** Default 0: a random free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default '13350576'. */
  accountId?: string;
  /** Default 42. */
  seed?: number;
  /** The simulated clock; default Date.now; a number freezes the clock at that instant. */
  now?: number | (() => number);
  /**
   * When set, KMM, agent_view, historical and Account Config require a valid OAuth 1.0a HMAC-SHA1
   * signature (query parameters in the base string, JSON body not) or a Login-Service bearer.
   */
  oauth?: OAuthCredentials;
  /** Enables password login on the Login Service; without `oauth` a bearer is then required. */
  login?: LoginCredentials;
  /**
   * Enables OAuth 2.0 client credentials: the sentinel token endpoint issues access tokens for
   * these, and the APIs accept them as bearers.
   */
  clientCredentials?: ClientCredentials;
  /** Lifetime of those access tokens in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Adds N small "Campaign NNN" skills (ids 2001…) to exercise paging. */
  extraSkills?: number;
  /** Renames skills, agent groups or agents by id (an unknown id is refused at start). */
  names?: RosterNames;
  /** Added to every answer. */
  latencyMs?: number;
  /**
   * Which header carries an Account Config list's revision: 'documented' (default) as LivePerson's
   * docs name it (`ac-revision` on skills, `ETag` on agent groups), one of the two on both, or
   * 'none' (200 without a revision header).
   */
  revisionHeader?: RevisionHeader;
  /**
   * What a read whose If-Match no longer matches answers: the full list (default) or 412
   * Precondition Failed, as HTTP would (what LivePerson answers is not documented).
   */
  staleIfMatch?: 'full-list' | 412;
  /**
   * Requests kept per route for `requests()`/`recorded()` (default 200, the latest); a benchmark
   * that counts distinct questions over thousands of requests keeps them all.
   */
  keptRequests?: number;
  /** Shape of the `all` section: `all: {...metrics}` or `all: {metrics: {...}}`; default 'nested'. */
  allShape?: AllShape;
}

/** An injected failure; queued faults are consumed in order by matching requests. */
export interface Fault {
  /** Only requests to this route; absent: any route. */
  route?: RouteName;
  /** Answer this status with a JSON error body (a 401 also revokes the bearer that was sent). */
  status?: number;
  /** With a status: the Retry-After header. */
  retryAfterSeconds?: number;
  /** Answer 200 with broken JSON. */
  malformed?: boolean;
  /** Delay before answering (or before the fault itself). */
  latencyMs?: number;
  /** How many matching requests it hits; default 1. */
  times?: number;
  /** Reset the connection without answering (ECONNRESET at the client). */
  dropConnection?: boolean;
  /**
   * With route 'csds': answer the lookup normally but with this baseURI instead of the simulator's
   * own URL, as a CSDS still pointing at a moved or dead host would.
   */
  csdsBaseUri?: string;
}

/** One request as received: its query parameters and its body (parsed JSON, else the text). */
export interface RecordedRequest {
  query: Record<string, string>;
  body: unknown;
}

export interface Simulator {
  /** 'http://127.0.0.1:PORT': the CSDS base and every service base. */
  readonly url: string;
  readonly accountId: string;
  readonly oauth?: OAuthCredentials;
  readonly clientCredentials?: ClientCredentials;
  /** The synthetic model: skills, agent groups, agents. */
  readonly center: ContactCenter;
  now(): number;
  /** Moves the clock; a frozen clock stays frozen at the new instant, a running one runs on from it. */
  setNow(ms: number): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Requests received per route, including rejected and faulted ones. */
  stats(): Record<RouteName, number>;
  /** The latest request bodies on `route` (parsed JSON), oldest first; reset with the stats. */
  requests(route: RouteName): unknown[];
  /** The same requests with their query parameters (offset, limit, sort …), oldest first. */
  recorded(route: RouteName): RecordedRequest[];
  resetStats(): void;
  close(): Promise<void>;
}
