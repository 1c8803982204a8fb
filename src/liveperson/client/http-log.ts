/**
 * Logging for the LivePerson HTTP layer. The logger shape is the subset of Bolt's `Logger` we use,
 * so the app can pass its Bolt logger straight in. Everything written here passes through `redact`
 * first: credentials, bearer tokens and Authorization headers must never reach a log line.
 * `redact` itself lives in shared/redact.ts (the process logger uses it too); it is re-exported here
 * for this layer's callers.
 */
import { redact } from '../../shared/redact';

export { redact };

/** Structurally compatible with Bolt's Logger (debug/info/warn/error). */
export interface LivePersonLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

/** The default: says nothing. */
export const silentLogger: LivePersonLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Upstream bodies are logged for diagnosis, but a 5 MB HTML error page is not useful in a log line. */
export const MAX_LOGGED_BODY_CHARS = 2000;

/** Shortens and redacts an upstream body for the log. */
export function bodyForLog(body: string, secrets: readonly string[] = []): string {
  const trimmed = body.length > MAX_LOGGED_BODY_CHARS ? `${body.slice(0, MAX_LOGGED_BODY_CHARS)}…` : body;
  return redact(trimmed, secrets);
}

function asText(m: unknown): string {
  if (typeof m === 'string') return m;
  if (m instanceof Error) return `${m.name}: ${m.message}`;
  try {
    return JSON.stringify(m) ?? String(m);
  } catch {
    return String(m);
  }
}

/**
 * Wraps a logger so that every string argument is redacted against the secrets known at call time
 * (a bearer obtained later is scrubbed too, because `secrets` is read on every call).
 */
export function redactingLogger(inner: LivePersonLogger, secrets: () => readonly string[]): LivePersonLogger {
  const wrap =
    (level: keyof LivePersonLogger) =>
    (...msg: unknown[]): void => {
      const known = secrets();
      inner[level](...msg.map((m) => redact(asText(m), known)));
    };
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
