/**
 * Logging for the LivePerson HTTP layer. The logger shape is the subset of Bolt's `Logger` we use,
 * so the app can pass its Bolt logger straight in. Everything written here passes through `redact`
 * first: credentials, bearer tokens and Authorization headers must never reach a log line.
 */

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

// Each also matches inside JSON-escaped text (\" or deeper, \\\"): error bodies may echo our request.
const SECRET_PATTERNS: RegExp[] = [
  // OAuth parameters first: the quotes inside an OAuth header would stop the Authorization pattern.
  /(oauth_(?:signature|token|consumer_key|nonce)=(?:\\*["'])?)[^"'&,\s\\]*/gi,
  // A header value that carries credentials, up to the end of the line or the closing quote.
  /(authorization(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?:[^"\\\r\n]|\\.)*/gi,
  // JSON fields that carry credentials.
  /(\\*"(?:bearer|csrf|password|token|accessToken|access_token|secret|appSecret|accessTokenSecret)\\*"\s*:\s*\\*")[^"\\]*/gi,
];

/**
 * Replaces every known secret value and every credential-looking fragment in `text`.
 * `secrets` are the live values (app secret, tokens, password, bearer, csrf) to scrub verbatim.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    // Short values would scrub ordinary words; real credentials are long.
    if (s && s.length >= 6) out = out.split(s).join('[redacted]');
  }
  for (const re of SECRET_PATTERNS) out = out.replace(re, '$1[redacted]');
  return out;
}

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
