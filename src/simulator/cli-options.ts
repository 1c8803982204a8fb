/** The simulator CLI's arguments and its start-up banner, kept pure so they can be tested. */
import { HOUR_MS, RETENTION_MS } from '../domain/time';
import { floorToMinute } from '../liveperson/contract/validation';
import {
  DEFAULT_CLIENT_CREDENTIALS,
  DEFAULT_LOGIN,
  DEFAULT_OAUTH,
  DEFAULT_PORT,
  DEFAULT_SEED,
} from './defaults';
import type { SimulatorOptions } from './types';
import { SEED_EXAMPLE_BODY as seedBody } from './seed-example';

export interface CliOptions {
  port: number;
  host: string;
  seed: number;
  /** Frozen clock; undefined: the wall clock. */
  now?: number;
  oauth: boolean;
  latencyMs: number;
  extraSkills: number;
}

export const USAGE = `Usage: npm run simulator -- [options]
  --port <n>          port (default SIM_PORT or ${DEFAULT_PORT}; 0 = any free port)
  --host <h>          interface (default 127.0.0.1)
  --seed <n>          traffic seed (default ${DEFAULT_SEED})
  --now <ISO|ms>      freeze the clock, e.g. --now 1591955400000 to replay the documentation's example
  --oauth             require credentials printed below: the OAuth 1.0a key, an OAuth 2.0
                      client-credentials token or a Login Service bearer
  --latency <ms>      add latency to every answer
  --extra-skills <n>  add n small campaign skills (paging)`;

function int(name: string, v: string | undefined, min: number): number {
  if (v === undefined || !/^\d+$/.test(v) || Number(v) < min)
    throw new Error(`${name} needs a whole number ≥ ${min}.`);
  return Number(v);
}

/** Parses argv (without node and script) and the environment; throws with a usable message. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  const out: CliOptions = {
    port: env.SIM_PORT !== undefined && env.SIM_PORT !== '' ? int('SIM_PORT', env.SIM_PORT, 0) : DEFAULT_PORT,
    host: '127.0.0.1',
    seed: DEFAULT_SEED,
    oauth: false,
    latencyMs: 0,
    extraSkills: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port':
        out.port = int('--port', value(), 0);
        break;
      case '--host':
        out.host = value() ?? out.host;
        break;
      case '--seed':
        out.seed = int('--seed', value(), 0);
        break;
      case '--now': {
        const v = value() ?? '';
        const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
        if (!Number.isFinite(ms)) throw new Error('--now needs an ISO time or epoch milliseconds.');
        out.now = ms;
        break;
      }
      case '--oauth':
        out.oauth = true;
        break;
      case '--latency':
        out.latencyMs = int('--latency', value(), 0);
        break;
      case '--extra-skills':
        out.extraSkills = int('--extra-skills', value(), 0);
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    }
  }
  return out;
}

/** SimulatorOptions for parsed CLI options. */
export function simulatorOptions(o: CliOptions): SimulatorOptions {
  const opts: SimulatorOptions = {
    port: o.port,
    host: o.host,
    seed: o.seed,
    latencyMs: o.latencyMs,
    extraSkills: o.extraSkills,
  };
  if (o.now !== undefined) opts.now = o.now;
  if (o.oauth) {
    opts.oauth = DEFAULT_OAUTH;
    opts.login = DEFAULT_LOGIN;
    opts.clientCredentials = DEFAULT_CLIENT_CREDENTIALS;
  }
  return opts;
}

/** The documentation's example body; its window moves to the last hour when the clock is not in 2020. */
export function exampleBody(now: number): typeof seedBody {
  const { from, to } = seedBody.filters.time;
  if (to <= now && from >= now - RETENTION_MS) return seedBody;
  const end = floorToMinute(now);
  return { ...seedBody, filters: { ...seedBody.filters, time: { from: end - HOUR_MS, to: end } } };
}

/** What the CLI prints once listening. */
export function banner(o: CliOptions, url: string, accountId: string, now: number): string {
  const metricsUrl = `${url}/manager_workspace/api/account/${accountId}/metrics?offset=0&limit=50&sort=closedConversations:desc`;
  const body = JSON.stringify(exampleBody(now));
  const auth = o.oauth
    ? [
        `TOKEN=$(curl -s -X POST '${url}/api/account/${accountId}/login?v=1.3' -H 'Content-Type: application/json' \\`,
        `  -d '${JSON.stringify(DEFAULT_LOGIN)}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).bearer')`,
      ]
    : [];
  return [
    `LivePerson simulator listening on ${url}`,
    `  account id   ${accountId}`,
    `  seed         ${o.seed}`,
    `  clock        ${o.now === undefined ? 'wall clock' : `frozen at ${new Date(o.now).toISOString()}`}`,
    `  auth         ${o.oauth ? 'required: OAuth 1.0a API key, OAuth 2.0 token or Login Service bearer' : 'none (start with --oauth to require it)'}`,
    `  OAuth key    LP_APP_KEY=${DEFAULT_OAUTH.appKey} LP_APP_SECRET=${DEFAULT_OAUTH.appSecret}`,
    `               LP_ACCESS_TOKEN=${DEFAULT_OAUTH.accessToken} LP_ACCESS_TOKEN_SECRET=${DEFAULT_OAUTH.accessTokenSecret}`,
    `  OAuth 2.0    LP_CLIENT_ID=${DEFAULT_CLIENT_CREDENTIALS.clientId} LP_CLIENT_SECRET=${DEFAULT_CLIENT_CREDENTIALS.clientSecret}${o.oauth ? '' : ' (with --oauth)'}`,
    `  login        LP_USERNAME=${DEFAULT_LOGIN.username} LP_PASSWORD=${DEFAULT_LOGIN.password}${o.oauth ? '' : ' (with --oauth)'}`,
    `  bot env      LP_ACCOUNT_ID=${accountId} LP_CSDS_URL=${url}`,
    `  control      POST/DELETE /_sim/faults · GET /_sim/stats · POST /_sim/stats/reset · POST /_sim/clock {"now": …}`,
    '',
    "Try the documentation's example request:",
    ...auth,
    `curl -s -X POST '${metricsUrl}' -H 'Content-Type: application/json'${o.oauth ? ' -H "Authorization: Bearer $TOKEN"' : ''} \\`,
    `  -d '${body}'`,
    '',
    // LivePerson keeps 14 days, so the documentation's June 2020 timestamps are refused as they
    // would be by LivePerson; a clock set back to that day replays the example verbatim.
    `(That window is the last hour. To send the documentation's body verbatim, with its June 2020`,
    `timestamps, start the simulator at that time: npm run simulator -- --now 2020-06-12T09:50:00Z)`,
  ].join('\n');
}
