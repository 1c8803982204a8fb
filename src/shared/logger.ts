/**
 * Structured logs through pino: JSON lines in production (one object per line, ready for any log
 * pipeline), readable lines on a developer's terminal. Secrets never reach a line: known secret
 * values (tokens, signing secret, LivePerson keys, a Redis password) and credential-looking text
 * (Slack tokens, `Bearer …`, Authorization headers: see shared/redact.ts) are scrubbed from every
 * message and string field, and fields named like credentials are censored whatever they hold.
 */
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import { REDACTED, redactPatterns, scrubKnown, secretForms } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the bot's code logs through: a message, optional fields, and children that add fields. */
export interface AppLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Whether a line at `level` would be written (so a caller can skip building it). */
  enabled(level: LogLevel): boolean;
  /** A logger whose every line also carries `bindings` (team, user, surface, request id …). */
  child(bindings: Record<string, unknown>): AppLogger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go (default: stdout, or a readable stream on a terminal). */
  destination?: DestinationStream;
  /** Readable output instead of JSON lines; default: stdout is a terminal and NODE_ENV is not production. */
  pretty?: boolean;
  /** Secret values to scrub wherever they appear (read on every line: a rotated token is covered). */
  secrets?: () => readonly string[];
}

/** Compiled once: `normalizeField` runs for every key of every line. */
const NON_ALPHANUMERIC = /[^a-z0-9]/g;

/** `X-Slack-Signature` → `xslacksignature`: lower case, letters and digits only. */
function normalizeField(name: string): string {
  return name.toLowerCase().replace(NON_ALPHANUMERIC, '');
}

/**
 * Field names whose values are credentials, censored in every line whatever they hold, at any depth
 * (`headers.Authorization`, `error.config.headers.authorization`, a child's `token` …). Names are
 * compared normalized (`normalizeField`): `access_token`, `Access-Token` and `accessToken` are one.
 *
 * Exact names, not substrings: `tokens`, `tokenCount`, `tokenType`, `passwordPolicy` or
 * `secretName` pass. Those are counts and metadata a person needs when reading a line, and a
 * substring rule would censor them all. What a harmlessly named field holds is not trusted either:
 * every string value still goes through the known-secret and pattern scrubbing, so a Slack token or
 * a bearer under `tokens` is scrubbed by its value.
 */
const REDACTED_FIELDS: ReadonlySet<string> = new Set(
  [
    'token',
    'botToken',
    'appToken',
    'accessToken',
    'refreshToken',
    'idToken',
    'apiToken',
    'authToken',
    'sessionToken',
    'csrfToken',
    'xCsrfToken',
    'authorization',
    'proxyAuthorization',
    'password',
    'passwd',
    'secret',
    'signingSecret',
    'clientSecret',
    'appSecret',
    'consumerSecret',
    'accessTokenSecret',
    'tokenSecret',
    'cookie',
    'setCookie',
    'bearer',
    'csrf',
    'apiKey',
    'xApiKey',
    'privateKey',
    'xSlackSignature',
  ].map(normalizeField),
);

/**
 * Longer strings are cut (after known secrets are scrubbed, so no half of one survives, and before
 * the patterns run): a log line is for reading, and the patterns' cost grows with the text.
 */
const MAX_STRING = 16_384;
const cut = (t: string): string => (t.length > MAX_STRING ? `${t.slice(0, MAX_STRING)}…[cut]` : t);

/** Past this depth a value is dropped: scrubbing must see all of what reaches a line. */
const MAX_DEPTH = 12;

function scrubValue(
  value: unknown,
  scrub: (t: string) => string,
  seen = new WeakSet<object>(),
  depth = 0,
): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, scrub, seen, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = REDACTED_FIELDS.has(normalizeField(k)) ? REDACTED : scrubValue(v, scrub, seen, depth + 1);
    return out;
  } finally {
    seen.delete(value);
  }
}

class PinoLogger implements AppLogger {
  constructor(
    private readonly pino: Pino,
    /** Read on every line: a secret rotated in later is covered too. */
    private readonly secrets: () => readonly string[],
    /** Kept as given and scrubbed on every line, so a secret rotated in later is covered too. */
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  enabled(level: LogLevel): boolean {
    return this.pino.isLevelEnabled(level);
  }
  private write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const all = fields ? { ...this.bindings, ...fields } : this.bindings;
    // The secrets' forms once per line; then every string: known values first, patterns after.
    const forms = secretForms(this.secrets());
    const scrub = (t: string): string => redactPatterns(cut(scrubKnown(t, forms)));
    const text = scrub(message);
    if (Object.keys(all).length) this.pino[level](scrubValue(all, scrub) as object, text);
    else this.pino[level](text);
  }
  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields);
  }
  child(bindings: Record<string, unknown>): AppLogger {
    return new PinoLogger(this.pino, this.secrets, { ...this.bindings, ...bindings });
  }
}

/**
 * Readable lines for a terminal. Loaded only then: in production (JSON lines) pino-pretty and what
 * it brings are never in memory.
 */
function prettyStream(): DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- createLogger is synchronous, import() is not
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({ sync: true, colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' });
}

/** The process logger. */
export function createLogger(opts: LoggerOptions): AppLogger {
  const readable =
    opts.pretty ?? (!opts.destination && process.stdout.isTTY && process.env.NODE_ENV !== 'production');
  const destination = opts.destination ?? (readable ? prettyStream() : undefined);
  // Credential-named fields are censored by scrubValue, at any depth (pino's redact paths are fixed).
  const options = {
    level: opts.level,
    base: { name: 'queue-pulse' },
    // Level names and ISO times: readable by a person grepping, and by any log pipeline.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const instance = destination ? pino(options, destination) : pino(options);
  return new PinoLogger(instance, opts.secrets ?? (() => []));
}

/** Loggers that take console-style arguments (Bolt's, the LivePerson layer's). */
export interface ConsoleStyleLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/**
 * An AppLogger behind console-style arguments, formatted as Node's console would (and scrubbed
 * like every other line), each line tagged with `fields`. Arguments are formatted only for a line
 * that is written: Bolt logs every ack at debug, with the response body among the arguments.
 */
export function consoleStyle(log: AppLogger, fields: Record<string, unknown>): ConsoleStyleLogger {
  const line =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      if (log.enabled(level)) log[level](format(...args), fields);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
