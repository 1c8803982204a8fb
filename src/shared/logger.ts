/**
 * Structured logs through pino: JSON lines in production (one object per line, ready for any log
 * pipeline), readable lines on a developer's terminal. Secrets never reach a line: known secret
 * values (tokens, signing secret, LivePerson keys, a Redis password) are scrubbed from every message
 * and field, and fields named like credentials are censored whatever they hold.
 */
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import pretty from 'pino-pretty';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the bot's code logs through: a message, optional fields, and children that add fields. */
export interface AppLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
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

/**
 * Field names whose values are credentials, censored in every line, at any depth and in any letter
 * case (`headers.Authorization`, `error.config.headers.authorization`, a child's `token` …).
 */
const REDACTED_FIELDS = new Set(
  ['token', 'botToken', 'appToken', 'authorization', 'password', 'secret', 'signingSecret', 'cookie'].map(
    (f) => f.toLowerCase(),
  ),
);
const CENSORED = '[redacted]';

/** Secrets shorter than this are not scrubbed as substrings (they would eat ordinary words). */
const MIN_SECRET_LENGTH = 6;

function scrubber(secrets: () => readonly string[]): (text: string) => string {
  return (text) => {
    let out = text;
    for (const s of secrets()) {
      if (s.length < MIN_SECRET_LENGTH) continue;
      for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) {
        out = out.split(form).join('[redacted]');
      }
    }
    return out;
  };
}

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
      out[k] = REDACTED_FIELDS.has(k.toLowerCase()) ? CENSORED : scrubValue(v, scrub, seen, depth + 1);
    return out;
  } finally {
    seen.delete(value);
  }
}

class PinoLogger implements AppLogger {
  constructor(
    private readonly pino: Pino,
    private readonly scrub: (t: string) => string,
    /** Kept as given and scrubbed on every line, so a secret rotated in later is covered too. */
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  private write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const all = fields ? { ...this.bindings, ...fields } : this.bindings;
    const text = this.scrub(message);
    if (Object.keys(all).length) this.pino[level](scrubValue(all, this.scrub) as object, text);
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
    return new PinoLogger(this.pino, this.scrub, { ...this.bindings, ...bindings });
  }
}

/** The process logger. */
export function createLogger(opts: LoggerOptions): AppLogger {
  const readable =
    opts.pretty ?? (!opts.destination && process.stdout.isTTY && process.env.NODE_ENV !== 'production');
  const destination =
    opts.destination ??
    (readable
      ? pretty({ sync: true, colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' })
      : undefined);
  // Credential-named fields are censored by scrubValue, at any depth (pino's redact paths are fixed).
  const options = {
    level: opts.level,
    base: { name: 'queue-pulse' },
    // Level names and ISO times: readable by a person grepping, and by any log pipeline.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const instance = destination ? pino(options, destination) : pino(options);
  return new PinoLogger(instance, scrubber(opts.secrets ?? (() => [])));
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
 * like every other line), each line tagged with `fields`.
 */
export function consoleStyle(log: AppLogger, fields: Record<string, unknown>): ConsoleStyleLogger {
  return {
    debug: (...args: unknown[]) => log.debug(format(...args), fields),
    info: (...args: unknown[]) => log.info(format(...args), fields),
    warn: (...args: unknown[]) => log.warn(format(...args), fields),
    error: (...args: unknown[]) => log.error(format(...args), fields),
  };
}
