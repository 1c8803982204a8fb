/**
 * Scrubbing credentials out of text bound for a log line, in two passes:
 *  1. known secret values (the configured tokens, signing secret, LivePerson keys, a bearer …),
 *     verbatim and in the forms they take inside URLs and JSON;
 *  2. credential-looking fragments, whatever their value: Slack tokens, `Bearer …`, Authorization
 *     and Cookie header values, OAuth parameters, JSON fields and URL parameters named like
 *     credentials. This pass catches what nobody configured: a user's token pasted into a message,
 *     an upstream error that echoes our request.
 * Both the process logger (shared/logger.ts) and the LivePerson HTTP layer go through here.
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed as substrings (they would eat ordinary words). */
export const MIN_SECRET_LENGTH = 6;

/**
 * The substrings to scrub for `secrets`: each value as is, URL-encoded and JSON-escaped, longest
 * first (so a secret that contains another is replaced whole). Compute it once per line, not per
 * string: `scrubKnown` then only splits.
 */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(JSON.stringify(s).slice(1, -1));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each of `forms` (from `secretForms`) in `text`. */
export function scrubKnown(text: string, forms: readonly string[]): string {
  let out = text;
  for (const f of forms) if (out.includes(f)) out = out.split(f).join(REDACTED);
  return out;
}

// Credential names as they appear as JSON/inspect keys and URL parameters: `access_token`,
// `accessToken`, `access-token` … (the flag `i` covers letter case). Exact names, like the logger's
// field names: `tokens`, `token_type` or `tokenCount` are not credentials.
const TOKEN_NAME = String.raw`(?:access|refresh|id|bot|app|auth|api|csrf|session)?[_-]?token`;
const SECRET_NAME = String.raw`(?:client|app|signing|consumer|access[_-]?token|token)?[_-]?secret`;
const CREDENTIAL_NAME = String.raw`(?:${TOKEN_NAME}|${SECRET_NAME}|password|passwd|api[_-]?key|bearer|csrf)`;

/**
 * One character of a token (RFC 6750's token68, plus `%` for URL-encoded ones). Punctuation only
 * inside the token, so the full stop or slash after one ("… starting with xoxb-.") is not eaten;
 * `=` padding is matched separately, at the end.
 */
const TOKEN_CHAR = String.raw`(?:[\w-]|[.~+/%=](?=[\w-]))`;

/**
 * Compiled once, here: the logger runs them on every string of every line. Each replacement
 * keeps what names the secret (`$1`: `Authorization: `, `"token":"`) and drops the value.
 * Patterns run in order; a later one never sees what an earlier one scrubbed (`[` is in none).
 */
const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Slack tokens (bot xoxb-, user xoxp-, legacy xoxa-/xoxo-/xoxs-/xoxr-, refresh xoxe-) and
  // app-level tokens (xapp-), anywhere: their prefix says what they are. `xoxb-` alone (as in
  // "a token starting with xoxb-") is left: a token has characters after the dash.
  [new RegExp(String.raw`xox[abeposr]-${TOKEN_CHAR}+=*`, 'gi'), REDACTED],
  [new RegExp(String.raw`xapp-${TOKEN_CHAR}+=*`, 'gi'), REDACTED],
  // OAuth parameters before the header pattern: the quotes inside an OAuth header would stop it.
  // Each pattern also matches inside JSON-escaped text (\" or deeper, \\\"): error bodies may echo
  // our request.
  [/(oauth_(?:signature|token|consumer_key|nonce)=(?:\\*["'])?)[^"'&,\s\\]*/gi, `$1${REDACTED}`],
  // A header value that carries credentials, up to the end of the line or the closing quote
  // (`Proxy-Authorization` and `Set-Cookie` included: the names are matched inside longer ones).
  [
    /((?:authorization|cookie|x-slack-signature|x-api-key)(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?:[^"\\\r\n]|\\.)*/gi,
    `$1${REDACTED}`,
  ],
  // JSON fields that carry credentials: "token":"…", \"client_secret\":\"…\".
  // No `\\*` before the opening quote: a run of backslashes there made this quadratic (a
  // 100k-backslash line took seconds); the backslashes stay in the text either way.
  [new RegExp(String.raw`("${CREDENTIAL_NAME}\\*"\s*:\s*\\*")[^"\\]*`, 'gi'), `$1${REDACTED}`],
  // The same in util.inspect's output (what console-style loggers print): token: '…'.
  [new RegExp(String.raw`((?:\b|')${CREDENTIAL_NAME}'?\s*:\s*')[^'\\]*`, 'gi'), `$1${REDACTED}`],
  // URL and form parameters: ?access_token=…, &client_secret=…, token=… at the start.
  [new RegExp(String.raw`((?:^|[?&;#\s"'])${CREDENTIAL_NAME}=)[^&\s"'#]*`, 'gi'), `$1${REDACTED}`],
  // `Bearer <token>` in free text. At least 8 token characters: real bearer tokens are long, and
  // this keeps English ("the bearer of bad news") readable.
  [new RegExp(String.raw`\b(bearer\s+)${TOKEN_CHAR}{8,}=*`, 'gi'), `$1${REDACTED}`],
];

/** Scrubs every credential-looking fragment from `text` (pass 2 only; no known values needed). */
export function redactPatterns(text: string): string {
  let out = text;
  for (const [re, replacement] of SECRET_PATTERNS) out = out.replace(re, replacement);
  return out;
}

/**
 * Replaces every known secret value and every credential-looking fragment in `text`.
 * `secrets` are the live values (app secret, tokens, password, bearer, csrf) to scrub verbatim.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  return redactPatterns(scrubKnown(text, secretForms(secrets)));
}
