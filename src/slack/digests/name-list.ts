/**
 * The digest form's list of skill or group names: separated by commas, semicolons or new lines, and
 * a name that holds one of those in quotes ("Billing, EMEA"), the quotes /queue reads. The form of
 * an edit is filled in with joinNames, so saving it unchanged reads back the very names it showed.
 */
import { closingQuote, QUOTES } from '../../grammar/tokenize';

const SEPARATOR = /[,;\n]/u;
const SPACE = /\s/u;

/** Quote pairs for writing a name, in order of preference; each closes only on its own closers. */
const WRITE_QUOTES: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ['“', '”'],
  ['«', '»'],
  ['「', '」'],
];

/** Names as typed, trimmed, repeats dropped (case-insensitively). */
export function splitNames(text: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (SPACE.test(text.charAt(i))) {
      i += 1;
      continue;
    }
    const next = nextSeparator(text, i);
    const closers = QUOTES.get(text.charAt(i));
    const end = closers === undefined ? -1 : closingQuote(text, i + 1, closers);
    // A quote counts as one only when nothing but space follows it up to the separator: `"Tier 1"
    // EMEA` is a name that happens to start with a quote, read as typed.
    if (end > 0 && nextSeparator(text, end + 1) === skipSpace(text, end + 1)) {
      names.push(text.slice(i + 1, end).trim());
      i = nextSeparator(text, end + 1) + 1;
      continue;
    }
    names.push(text.slice(i, next).trim());
    i = next + 1;
  }
  const kept = names.filter((n) => n !== '');
  return kept.filter((n, k) => kept.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === k);
}

/** The names as the form shows them: comma-separated, quoted where a name needs it. */
export function joinNames(names: readonly string[]): string {
  return names.map(written).join(', ');
}

function written(name: string): string {
  const needsQuotes = SEPARATOR.test(name) || QUOTES.has(name.charAt(0));
  if (!needsQuotes) return name;
  const pair = WRITE_QUOTES.find(([open]) => ![...(QUOTES.get(open) ?? '')].some((c) => name.includes(c)));
  // Every pair's closers appear in the name (no real skill is called that): written bare, it may
  // read back split, and the form then names what it could not find rather than saving a guess.
  return pair ? `${pair[0]}${name}${pair[1]}` : name;
}

function nextSeparator(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (SEPARATOR.test(text.charAt(j))) return j;
  return text.length;
}

/** Index of the first character at or after `from` that is not space (newlines separate). */
function skipSpace(text: string, from: number): number {
  let j = from;
  while (j < text.length && SPACE.test(text.charAt(j)) && text.charAt(j) !== '\n') j += 1;
  return j;
}
