/**
 * Slack mrkdwn safety: every string that comes from LivePerson or from a user passes through
 * `escapeMrkdwn` before it lands in a message, so a skill called `<!channel>` cannot ping anyone.
 */

/** Escapes exactly the three characters Slack treats as control characters: & < >. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The longest entity `escapeMrkdwn` produces (`&amp;`). */
const MAX_ENTITY_LENGTH = 5;
const ELLIPSIS = '…';

/**
 * Shortens `s` to at most `max` characters, ending in "…" when anything was cut. Safe on escaped
 * text: it never leaves half an entity (`&am…`) or half a surrogate pair behind.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max < 1) return '';
  let cut = max - ELLIPSIS.length;
  const amp = s.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - MAX_ENTITY_LENGTH) {
    const semi = s.indexOf(';', amp);
    if (semi >= cut && semi - amp < MAX_ENTITY_LENGTH) cut = amp;
  }
  const last = s.charCodeAt(cut - 1);
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return s.slice(0, cut) + ELLIPSIS;
}

/** Escapes, then truncates: the usual treatment of a name shown in a message. */
export function safeText(s: string, max: number): string {
  return truncate(escapeMrkdwn(s), max);
}

/** Renders text inside a code span; backticks cannot be escaped in Slack, so they become quotes. */
export function codeSpan(escaped: string): string {
  return '`' + escaped.replace(/`/g, "'") + '`';
}
