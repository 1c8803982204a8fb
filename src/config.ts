/**
 * Configuration: read once from the environment (injectable in tests), failing fast with a message
 * that names the variable and says what to set. The variable names are a contract.
 */

import type { LoginCredentials, OAuthCredentials } from './liveperson/client/auth';
import type { ClientCredentials } from './liveperson/client/client-credentials';
import type { LoadScale } from './liveperson/contract/load-scale';
import { isTimeZone } from './domain/window';

export type ChartsMode = 'quickchart' | 'upload' | 'off';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** How the bot proves who it is to a real account: exactly one of LivePerson's three routes. */
export type LivePersonAuth =
  | { mode: 'api-key'; oauth: OAuthCredentials }
  | { mode: 'client-credentials'; clientCredentials: ClientCredentials }
  | { mode: 'login'; login: LoginCredentials };

/** Each auth mode's variables, in the order the messages name them. */
const AUTH_VARIABLES: Record<LivePersonAuth['mode'], readonly string[]> = {
  'api-key': ['LP_APP_KEY', 'LP_APP_SECRET', 'LP_ACCESS_TOKEN', 'LP_ACCESS_TOKEN_SECRET'],
  'client-credentials': ['LP_CLIENT_ID', 'LP_CLIENT_SECRET'],
  login: ['LP_USERNAME', 'LP_PASSWORD'],
};

const AUTH_TITLES: Record<LivePersonAuth['mode'], string> = {
  'api-key': 'OAuth 1.0a API key',
  'client-credentials': 'OAuth 2.0 client credentials',
  login: 'Login Service user',
};

/** "OAuth 2.0 client credentials (LP_CLIENT_ID, LP_CLIENT_SECRET)": what start-up logs. */
export function describeAuth(mode: LivePersonAuth['mode']): string {
  return `${AUTH_TITLES[mode]} (${AUTH_VARIABLES[mode].join(', ')})`;
}

export type LivePersonConfig =
  | {
      /** A real account, found through CSDS. */
      mode: 'account';
      accountId: string;
      csdsUrl: string;
      auth: LivePersonAuth;
    }
  | {
      /** No LP_ACCOUNT_ID: the embedded simulator runs in-process and the client points at it. */
      mode: 'simulator';
    };

export interface Config {
  slack: {
    botToken: string;
    /** Absent in Socket Mode, where requests are not signed HTTP. */
    signingSecret: string | undefined;
    /** Set: Socket Mode. */
    appToken: string | undefined;
    /** Base URL of the Web API (ends with `/`), or undefined for Slack's own. */
    apiUrl: string | undefined;
  };
  port: number;
  livePerson: LivePersonConfig;
  /** Seconds a KMM answer is reused for identical questions. */
  kmmCacheTtlSeconds: number;
  /** How LivePerson expresses load metrics (undocumented): 0.85 (`ratio`) or 85 (`percent`) for 85 %. */
  loadScale: LoadScale;
  redisUrl: string | undefined;
  dataDir: string;
  defaultTimezone: string;
  quickchartUrl: string;
  charts: ChartsMode;
  logLevel: LogLevel;
  /** TARGETS_FILE: the account's and skills' service targets (JSON); unset: the defaults. */
  targetsFile: string | undefined;
  /** DIGEST_ADMINS: Slack user ids who may change every digest (besides its creator and workspace admins). */
  digestAdmins: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(
      `Queue Pulse cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
  }
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function isUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The one auth mode whose variables are set, complete. Values from two modes are refused rather
 * than ranked: which credentials a deployment runs on must be what its operator chose, not a
 * precedence rule nobody remembers.
 */
function readAuth(env: Env, problems: string[]): LivePersonAuth | undefined {
  const modes = Object.keys(AUTH_VARIABLES) as LivePersonAuth['mode'][];
  const setIn = (mode: LivePersonAuth['mode']) => AUTH_VARIABLES[mode].filter((n) => value(env, n));
  const used = modes.filter((m) => setIn(m).length > 0);
  if (used.length === 0) {
    problems.push(
      'LP_ACCOUNT_ID is set but no LivePerson credentials are: set LP_APP_KEY, LP_APP_SECRET, LP_ACCESS_TOKEN and LP_ACCESS_TOKEN_SECRET (API key with Data → Key Messaging Metrics), or LP_CLIENT_ID and LP_CLIENT_SECRET (OAuth 2.0 client credentials), or LP_USERNAME and LP_PASSWORD. Unset LP_ACCOUNT_ID to use the built-in simulator.',
    );
    return undefined;
  }
  if (used.length > 1) {
    problems.push(
      `Set the credentials of one LivePerson auth mode only; found ${used
        .map((m) => `${AUTH_TITLES[m]} (${setIn(m).join(', ')})`)
        .join(' and ')}.`,
    );
    return undefined;
  }
  const mode = used[0]!;
  const names = AUTH_VARIABLES[mode];
  const missing = names.filter((n) => !value(env, n));
  if (missing.length) {
    problems.push(
      mode === 'api-key'
        ? `The LivePerson API key needs all four values; missing ${missing.join(', ')}.`
        : `${names.join(' and ')} go together; ${missing.join(', ')} is missing.`,
    );
    return undefined;
  }
  const [a, b, c, d] = names.map((n) => value(env, n)!) as [string, string, string, string];
  if (mode === 'api-key')
    return { mode, oauth: { appKey: a, appSecret: b, accessToken: c, accessTokenSecret: d } };
  if (mode === 'client-credentials') return { mode, clientCredentials: { clientId: a, clientSecret: b } };
  return { mode, login: { username: a, password: b } };
}

/** Reads and checks the whole configuration; throws ConfigError listing every problem at once. */
export function readConfig(env: Env): Config {
  const problems: string[] = [];

  const botToken = value(env, 'SLACK_BOT_TOKEN');
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  if (!botToken)
    problems.push(
      'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page.',
    );
  else if (!botToken.startsWith('xoxb-'))
    problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-.');
  if (appToken && !appToken.startsWith('xapp-'))
    problems.push(
      'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write).',
    );
  if (!appToken && !signingSecret)
    problems.push(
      'SLACK_SIGNING_SECRET is not set: copy it from the app\'s "Basic Information" page (or set SLACK_APP_TOKEN for Socket Mode).',
    );

  let apiUrl = value(env, 'SLACK_API_URL');
  if (apiUrl && !isUrl(apiUrl))
    problems.push(`SLACK_API_URL must be an http(s) URL, e.g. http://127.0.0.1:4020/api/ (got '${apiUrl}').`);
  else if (apiUrl && !apiUrl.endsWith('/')) apiUrl += '/';

  const portText = value(env, 'PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    problems.push(`PORT must be a number between 1 and 65535 (got '${portText}').`);

  let livePerson: LivePersonConfig = { mode: 'simulator' };
  const accountId = value(env, 'LP_ACCOUNT_ID');
  if (accountId) {
    const csdsUrl = value(env, 'LP_CSDS_URL') ?? 'https://api.liveperson.net';
    if (!isUrl(csdsUrl))
      problems.push(
        `LP_CSDS_URL must be an http(s) URL such as https://api.liveperson.net (got '${csdsUrl}').`,
      );
    const auth = readAuth(env, problems);
    if (!/^[A-Za-z0-9_-]+$/.test(accountId))
      problems.push(`LP_ACCOUNT_ID must be the account number, e.g. 12345678 (got '${accountId}').`);
    if (auth) livePerson = { mode: 'account', accountId, csdsUrl: csdsUrl.replace(/\/+$/, ''), auth };
  }

  const ttlText = value(env, 'KMM_CACHE_TTL_SECONDS') ?? '30';
  const kmmCacheTtlSeconds = Number(ttlText);
  if (!/^\d+$/.test(ttlText) || kmmCacheTtlSeconds > 3600)
    problems.push(`KMM_CACHE_TTL_SECONDS must be whole seconds from 0 to 3600 (got '${ttlText}').`);

  const loadScale = (value(env, 'LP_LOAD_SCALE') ?? 'ratio').toLowerCase();
  if (loadScale !== 'ratio' && loadScale !== 'percent') {
    problems.push(
      `LP_LOAD_SCALE must be ratio (0.85 means 85 %) or percent (85 means 85 %) (got '${loadScale}').`,
    );
  }

  const defaultTimezone = value(env, 'DEFAULT_TIMEZONE') ?? 'UTC';
  if (!isTimeZone(defaultTimezone))
    problems.push(
      `DEFAULT_TIMEZONE must be an IANA time zone such as Europe/Berlin or America/New_York (got '${defaultTimezone}').`,
    );

  const quickchartUrl = (value(env, 'QUICKCHART_URL') ?? 'https://quickchart.io').replace(/\/+$/, '');
  if (!isUrl(quickchartUrl))
    problems.push(
      `QUICKCHART_URL must be an http(s) URL such as https://quickchart.io (got '${quickchartUrl}').`,
    );

  const charts = (value(env, 'CHARTS') ?? 'quickchart').toLowerCase();
  if (!['quickchart', 'upload', 'off'].includes(charts))
    problems.push(`CHARTS must be quickchart, upload or off (got '${charts}').`);

  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    problems.push(`LOG_LEVEL must be debug, info, warn or error (got '${logLevel}').`);

  const redisUrl = value(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    // The URL may carry a password: never echo it.
    problems.push('REDIS_URL must look like redis://127.0.0.1:6379 (or rediss:// for TLS).');

  const digestAdmins = (value(env, 'DIGEST_ADMINS') ?? '').split(/[\s,;]+/).filter((id) => id !== '');
  const notIds = digestAdmins.filter((id) => !/^[UW][A-Z0-9]{2,20}$/.test(id));
  if (notIds.length)
    problems.push(
      `DIGEST_ADMINS must be Slack user ids separated by commas, e.g. U0123ABCD,U0456EFGH (not ${notIds
        .slice(0, 3)
        .map((id) => `'${id.slice(0, 30)}'`)
        .join(', ')}); a user's id is under "⋮ → Copy member ID" in their Slack profile.`,
    );

  if (problems.length) throw new ConfigError(problems);
  return {
    slack: { botToken: botToken!, signingSecret, appToken, apiUrl },
    port,
    livePerson,
    kmmCacheTtlSeconds,
    loadScale: loadScale as LoadScale,
    redisUrl,
    dataDir: value(env, 'DATA_DIR') ?? './data',
    defaultTimezone,
    quickchartUrl,
    charts: charts as ChartsMode,
    logLevel: logLevel as LogLevel,
    targetsFile: value(env, 'TARGETS_FILE'),
    digestAdmins: [...new Set(digestAdmins)],
  };
}
