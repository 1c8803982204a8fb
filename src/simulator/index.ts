/**
 * The embedded LivePerson simulator: a real HTTP server that answers like a LivePerson account
 * (CSDS, Account Configuration, Login Service, KMM metrics / agent_view / historical) over a
 * deterministic synthetic contact center. The bot's tests, offline demo and benchmarks run on it.
 */
import type { ContactCenter } from './contact-center';
import { createSimulator } from './server';

export type { Agent, AgentGroup, AgentState, AgentType, ContactCenter, Skill } from './contact-center';
export { NO_SKILL_ID, NO_SKILL_NAME } from './contact-center';
export { DEFAULT_ACCOUNT_ID, DEFAULT_LOGIN, DEFAULT_OAUTH, DEFAULT_PORT, DEFAULT_SEED } from './defaults';

export interface OAuthCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

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
  login?: { username: string; password: string };
  /** Adds N small "Campaign NNN" skills (ids 2001…) to exercise paging. */
  extraSkills?: number;
  /** Added to every answer. */
  latencyMs?: number;
  /** Shape of the `all` section: `all: {...metrics}` or `all: {metrics: {...}}`; default 'nested'. */
  allShape?: 'flat' | 'nested';
}

export type RouteName =
  'csds' | 'skills' | 'agentGroups' | 'metrics' | 'agentView' | 'historical' | 'login' | 'refresh';

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
}

export interface Simulator {
  /** 'http://127.0.0.1:PORT': the CSDS base and every service base. */
  readonly url: string;
  readonly accountId: string;
  readonly oauth?: OAuthCredentials;
  /** The synthetic model: skills, agent groups, agents. */
  readonly center: ContactCenter;
  now(): number;
  /** Moves the clock; a frozen clock stays frozen at the new instant, a running one runs on from it. */
  setNow(ms: number): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Requests received per route, including rejected and faulted ones. */
  stats(): Record<RouteName, number>;
  resetStats(): void;
  close(): Promise<void>;
}

/** Starts a simulator and resolves once it listens. */
export function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  return createSimulator(opts);
}
