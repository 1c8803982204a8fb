/**
 * Configuration: read once from the environment (injectable in tests), failing fast with a message
 * that names the variable and says what to set. The variable names are a contract.
 */

import type { OAuthCredentials } from './liveperson/client/auth';
import type { LoadScale } from './liveperson/contract/load-scale';
import { isTimeZone } from './domain/window';

export type ChartsMode = 'quickchart' | 'upload' | 'off';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LivePersonConfig =
  | {
      /** A real account, found through CSDS. */
      mode: 'account';
      accountId: string;
      csdsUrl: string;
      oauth?: OAuthCredentials;
      login?: { username: string; password: string };
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
    const keyNames = ['LP_APP_KEY', 'LP_APP_SECRET', 'LP_ACCESS_TOKEN', 'LP_ACCESS_TOKEN_SECRET'] as const;
    const keys = keyNames.map((n) => value(env, n));
    const setKeys = keys.filter(Boolean).length;
    let oauth: OAuthCredentials | undefined;
    if (setKeys === 4) {
      const [appKey, appSecret, accessToken, accessTokenSecret] = keys as [string, string, string, string];
      oauth = { appKey, appSecret, accessToken, accessTokenSecret };
    } else if (setKeys > 0) {
      const missing = keyNames.filter((_n, i) => !keys[i]);
      problems.push(`The LivePerson API key needs all four values; missing ${missing.join(', ')}.`);
    }
    const username = value(env, 'LP_USERNAME');
    const password = value(env, 'LP_PASSWORD');
    let login: { username: string; password: string } | undefined;
    if (username && password) login = { username, password };
    else if (username || password)
      problems.push(
        `LP_USERNAME and LP_PASSWORD go together; ${username ? 'LP_PASSWORD' : 'LP_USERNAME'} is missing.`,
      );
    if (!oauth && !login && setKeys === 0 && !username && !password) {
      problems.push(
        'LP_ACCOUNT_ID is set but no LivePerson credentials are: set LP_APP_KEY, LP_APP_SECRET, LP_ACCESS_TOKEN and LP_ACCESS_TOKEN_SECRET (API key with Data → Key Messaging Metrics), or LP_USERNAME and LP_PASSWORD. Unset LP_ACCOUNT_ID to use the built-in simulator.',
      );
    }
    if (!/^[A-Za-z0-9_-]+$/.test(accountId))
      problems.push(`LP_ACCOUNT_ID must be the account number, e.g. 12345678 (got '${accountId}').`);
    livePerson = { mode: 'account', accountId, csdsUrl: csdsUrl.replace(/\/+$/, '') };
    if (oauth) livePerson.oauth = oauth;
    if (login) livePerson.login = login;
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
  };
}
