/**
 * Slash-command text to tokens. Slack HTML-escapes what the user typed (`&` → `&amp;`, `<` → `&lt;`,
 * `>` → `&gt;`), so a literal `<…>` in the text is always one of Slack's own entities
 * (`<#C123|support-leads>`, `<@U456|lee>`, `<!here>`, `<https://…|x>`): those become entity tokens,
 * everything else is unescaped. Quotes (straight and typographic) group words into one name.
 */

/** One of Slack's escaped entities. */
export interface SlackEntity {
  type: 'channel' | 'user' | 'special' | 'link';
  /** The channel or user id, the special word (`here`, `subteam^S123`), or the URL. */
  target: string;
  /** The text after `|`, unescaped, when Slack sent one. */
  label?: string;
}

export type Token =
  /** `key` is the form keywords are compared in: NFKC, lower case, no trailing comma. */
  | { type: 'word'; text: string; key: string }
  /** A quoted name; `entity` when the quotes held a Slack entity. */
  | { type: 'quoted'; text: string; entity?: SlackEntity }
  | { type: 'entity'; entity: SlackEntity };

/** Tokens, or the quote character that was opened and never closed. */
export type Lexed = { ok: true; tokens: Token[] } | { ok: false; quote: string };

/** Opening quote → the characters that may close it (Slack and macOS substitute smart quotes). */
export const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"”“'],
  ["'", "'’"],
  ['“', '”“"'],
  ['”', '”'],
  ['„', '“”'],
  ['‘', '’‘'],
  ['’', '’'],
  ['«', '»'],
  ['»', '«'],
  ['‹', '›'],
  ['「', '」'],
]);
/** A closing quote must end its word, so "Lee's team" keeps its apostrophe. */
const AFTER_CLOSE = /[\s<,;.!?)]/u;
const WHITESPACE = /\s/u;
/** Zero-width space, word joiner, BOM. */
const INVISIBLE: ReadonlySet<number> = new Set([0x200b, 0x2060, 0xfeff]);

/** Reverses Slack's escaping of `&`, `<` and `>` in one pass (`&amp;lt;` stays `&lt;`). */
export function unescapeSlack(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/**
 * Control characters become spaces (they separate words); invisible formatting characters
 * (zero-width space, word joiner, BOM, bidi overrides) are dropped.
 */
export function sanitize(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (INVISIBLE.has(code) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
      continue;
    // Tab, newline and carriage return are whitespace already.
    const control =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
    out += control ? ' ' : ch;
  }
  return out;
}

/** The comparable form of a word: full-width letters folded, lower case, a trailing comma ignored. */
export function keyOf(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[,;]+$/u, '');
}

/** Reads the inside of `<…>`: `#C1|name`, `@U1|name`, `!here`, `https://x|label`. */
export function parseEntity(inner: string): SlackEntity {
  const bar = inner.indexOf('|');
  const head = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : unescapeSlack(inner.slice(bar + 1));
  const withLabel = (e: SlackEntity): SlackEntity => (label === undefined ? e : { ...e, label });
  if (head.startsWith('#')) return withLabel({ type: 'channel', target: head.slice(1) });
  if (head.startsWith('@')) return withLabel({ type: 'user', target: head.slice(1) });
  if (head.startsWith('!')) return withLabel({ type: 'special', target: head.slice(1) });
  return withLabel({ type: 'link', target: unescapeSlack(head) });
}

/** Splits sanitized command text into words, quoted names and Slack entities. */
export function tokenize(text: string): Lexed {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (WHITESPACE.test(c)) {
      i += 1;
      continue;
    }
    if (c === '<') {
      const end = text.indexOf('>', i + 1);
      if (end > i) {
        tokens.push({ type: 'entity', entity: parseEntity(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    const closers = QUOTES.get(c);
    if (closers !== undefined) {
      const end = closingQuote(text, i + 1, closers);
      if (end < 0) {
        return { ok: false, quote: c };
      }
      const inner = text.slice(i + 1, end);
      const found = /<([^<>]*)>/.exec(inner);
      const quoted: Token = { type: 'quoted', text: unescapeSlack(inner).trim() };
      if (found) quoted.entity = parseEntity(found[1] ?? '');
      tokens.push(quoted);
      // A comma after the closing quote separates, like whitespace.
      i = /[,;]/.test(text.charAt(end + 1)) ? end + 2 : end + 1;
      continue;
    }
    let end = i;
    // A `<` without a closing `>` cannot come from Slack (it would be `&lt;`); keep it as text.
    while (end < text.length && !WHITESPACE.test(text.charAt(end)) && !isEntityStart(text, end)) end += 1;
    const word = unescapeSlack(text.slice(i, Math.max(end, i + 1)));
    tokens.push({ type: 'word', text: word, key: keyOf(word) });
    i = Math.max(end, i + 1);
  }
  return { ok: true, tokens };
}

function isEntityStart(text: string, at: number): boolean {
  return text.charAt(at) === '<' && text.indexOf('>', at + 1) > at;
}

/** Index of the quote that closes one opened before `from`, or -1. */
export function closingQuote(text: string, from: number, closers: string): number {
  for (let j = from; j < text.length; j++) {
    if (!closers.includes(text.charAt(j))) continue;
    const next = text.charAt(j + 1);
    if (next === '' || AFTER_CLOSE.test(next)) return j;
  }
  return -1;
}
