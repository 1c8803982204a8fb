/**
 * The embedded LivePerson simulator: a real HTTP server that answers like a LivePerson account
 * (CSDS, Account Configuration, Login Service, KMM metrics / agent_view / historical) over a
 * deterministic synthetic contact center. The bot's tests, offline demo and benchmarks run on it.
 *
 * Re-exports only: the contract lives in types.ts so no implementation file depends on this one.
 */
export type { OAuthCredentials } from '../liveperson/client/auth';
export type {
  Agent,
  AgentGroup,
  AgentState,
  AgentType,
  ContactCenter,
  RosterNames,
  Skill,
} from './contact-center';
export { NO_SKILL_ID, NO_SKILL_NAME } from './contact-center';
export {
  apiKeyAccountEnv,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CLIENT_CREDENTIALS,
  DEFAULT_LOGIN,
  DEFAULT_OAUTH,
  DEFAULT_PORT,
  DEFAULT_SEED,
} from './defaults';
export type { ClientCredentials } from '../liveperson/client/client-credentials';
export { startSimulator } from './server';
export {
  ROUTE_NAMES,
  type Fault,
  type RecordedRequest,
  type RouteName,
  type Simulator,
  type SimulatorOptions,
} from './types';
