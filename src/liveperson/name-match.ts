/**
 * Matching what a Slack user typed ("biling", "tech support", "1001") against skill or agent-group
 * names. Pure: the directory supplies the candidates.
 *
 * Levels, best first: id → exact → prefix → substring → fuzzy. At each level one hit is an answer
 * and several equally good hits are `ambiguous` (never guess). A fuzzy hit is only a suggestion
 * ("Did you mean *Billing*?") unless the caller opts in with `acceptFuzzy`.
 */
import { distance } from 'fastest-levenshtein';

export type NameMatch<T> =
  | { kind: 'found'; item: T; how: 'id' | 'exact' | 'prefix' | 'substring' | 'fuzzy' }
  | { kind: 'ambiguous'; query: string; candidates: T[] }
  | { kind: 'not-found'; query: string; suggestions: T[] };

export interface NameMatchOptions {
  /** At most this many suggestions on `not-found` (default and ceiling 5). */
  maxSuggestions?: number;
  /**
   * Return a fuzzy hit as `found` when it is strictly better than every other candidate.
   * Off by default: a typo must be confirmed by the user, not silently resolved.
   */
  acceptFuzzy?: boolean;
}

const MAX_SUGGESTIONS = 5;
/** Mid-word substrings of one or two characters ("ip" in "VIP") are noise, not intent. */
const MIN_MID_WORD_QUERY = 3;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Slack escapes &, < and > in message text; names may arrive HTML-escaped from either side. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Zero-width space, word joiner, BOM and bidi embeddings, overrides and isolates: the command
 * grammar drops them from what is typed, so a name carrying them must match without them too.
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;

/**
 * The comparison form of a name: entities decoded, invisible formatting characters dropped, NFKC,
 * dash and quote variants unified, whitespace collapsed, Unicode case folded (upper-then-lower also
 * folds ß/ς).
 */
export function normalizeName(s: string): string {
  return decodeEntities(s)
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase();
}

/**
 * A punctuation- and accent-insensitive form: "Tech Support - Hardware" and "tech support hardware"
 * agree, as do "Returns & Exchanges" and "returns and exchanges".
 */
export function looseName(normalized: string): string {
  return normalized
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Edit distance allowed for a query of this length: none for tiny queries, up to 3 for long ones.
 * Five letters already allow 2 so a swapped pair ("saels"), which Levenshtein counts twice, still helps.
 */
export function fuzzyThreshold(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

interface Keys {
  norm: string;
  loose: string;
}

interface Prepared<T> extends Keys {
  item: T;
  index: number;
}

function keysOf(s: string): Keys {
  const norm = normalizeName(s);
  return { norm, loose: looseName(norm) };
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Positions where `needle` occurs in `hay`; word-start ones are those not preceded by a letter/digit. */
function occurrences(hay: string, needle: string): { first: number; wordStart: number } {
  let first = -1;
  let wordStart = -1;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (first === -1) first = at;
    if (!isWordChar(hay[at - 1]) || !isWordChar(needle[0])) {
      wordStart = at;
      break;
    }
  }
  return { first, wordStart };
}

/**
 * Every query word starts a different name word, in any order ("tech hard", "disputes billing").
 * Longer query words claim their name word first so "b bi" cannot be starved by the greedy pass.
 */
function wordsMatch(queryWords: readonly string[], nameWords: readonly string[]): boolean {
  const free = [...nameWords];
  for (const w of [...queryWords].sort((a, b) => b.length - a.length)) {
    const at = free.findIndex((n) => n.startsWith(w));
    if (at === -1) return false;
    free.splice(at, 1);
  }
  return true;
}

interface FuzzyScore<T> {
  c: Prepared<T>;
  best: number;
  whole: number;
}

/**
 * The smallest edit distance between the query and the whole name or any piece of the name that
 * starts at a word and is about as long as the query ("biling" ≈ "billing", "tech suport" ≈ the
 * "tech support" in "tech support hardware").
 */
function fuzzyScore(q: string, name: string, limit: number): { best: number; whole: number } {
  const whole = Math.abs(name.length - q.length) <= limit ? distance(q, name) : Infinity;
  let best = whole;
  for (let p = 0; p < name.length && best > 0; p++) {
    if (p > 0 && name[p - 1] !== ' ') continue;
    const shortest = Math.max(1, q.length - limit);
    const longest = Math.min(name.length - p, q.length + limit);
    for (let len = shortest; len <= longest; len++) {
      const d = distance(q, name.slice(p, p + len));
      if (d < best) best = d;
    }
  }
  return { best, whole };
}

const byName = <T>(a: Prepared<T>, b: Prepared<T>): number =>
  a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : a.index - b.index;

function outcome<T>(
  query: string,
  hits: Prepared<T>[],
  how: 'exact' | 'prefix' | 'substring',
  rank: (a: Prepared<T>, b: Prepared<T>) => number,
): NameMatch<T> | undefined {
  if (hits.length === 0) return undefined;
  if (hits.length === 1) return { kind: 'found', item: hits[0]!.item, how };
  return { kind: 'ambiguous', query, candidates: [...hits].sort(rank).map((h) => h.item) };
}

/**
 * Resolves `query` against `candidates` by id, exact name, unique prefix, unique substring;
 * otherwise `not-found` with up to five ranked near misses.
 */
export function matchName<T extends { id: string; name: string }>(
  query: string,
  candidates: readonly T[],
  opts: NameMatchOptions = {},
): NameMatch<T> {
  const maxSuggestions = Math.max(0, Math.min(opts.maxSuggestions ?? MAX_SUGGESTIONS, MAX_SUGGESTIONS));
  const q = keysOf(query);
  if (q.norm === '') return { kind: 'not-found', query, suggestions: [] };

  const typedId = query.trim();
  const byId = candidates.find((c) => c.id === typedId);
  if (byId) return { kind: 'found', item: byId, how: 'id' };

  const prepared: Prepared<T>[] = candidates.map((item, index) => ({ item, index, ...keysOf(item.name) }));
  // An all-punctuation query has no loose form; comparing with '' would match every name.
  const useLoose = q.loose !== '';

  const exact =
    outcome(
      query,
      prepared.filter((c) => c.norm === q.norm),
      'exact',
      byName,
    ) ??
    (useLoose
      ? outcome(
          query,
          prepared.filter((c) => c.loose === q.loose),
          'exact',
          byName,
        )
      : undefined);
  if (exact) return exact;

  const prefixHits = prepared.filter(
    (c) => c.norm.startsWith(q.norm) || (useLoose && c.loose.startsWith(q.loose)),
  );
  // Best prefix first: the query ends on a word boundary, then the least left over.
  const prefixRank = (a: Prepared<T>, b: Prepared<T>): number => {
    const wa = isWordChar(a.loose[q.loose.length]) ? 1 : 0;
    const wb = isWordChar(b.loose[q.loose.length]) ? 1 : 0;
    return wa - wb || a.norm.length - b.norm.length || byName(a, b);
  };
  const prefix = outcome(query, prefixHits, 'prefix', prefixRank);
  if (prefix) return prefix;

  const where = prepared.map((c) => {
    const n = occurrences(c.norm, q.norm);
    const l = useLoose ? occurrences(c.loose, q.loose) : { first: -1, wordStart: -1 };
    const ws = [n.wordStart, l.wordStart].filter((x) => x >= 0);
    const any = [n.first, l.first].filter((x) => x >= 0);
    return {
      c,
      wordStart: ws.length ? Math.min(...ws) : -1,
      first: any.length ? Math.min(...any) : -1,
    };
  });
  const earlier =
    (key: 'wordStart' | 'first') =>
    (a: Prepared<T>, b: Prepared<T>): number => {
      const pa = where[a.index]![key];
      const pb = where[b.index]![key];
      return pa - pb || a.norm.length - b.norm.length || byName(a, b);
    };
  const wordStartHit = outcome(
    query,
    where.filter((w) => w.wordStart >= 0).map((w) => w.c),
    'substring',
    earlier('wordStart'),
  );
  if (wordStartHit) return wordStartHit;

  const queryWords = q.loose.split(' ');
  if (useLoose && queryWords.length > 1) {
    const hits = prepared.filter((c) => wordsMatch(queryWords, c.loose.split(' ')));
    const words = outcome(query, hits, 'substring', (a, b) => a.norm.length - b.norm.length || byName(a, b));
    if (words) return words;
  }

  const midWord = where.filter((w) => w.first >= 0).map((w) => w.c);
  if (q.norm.length >= MIN_MID_WORD_QUERY) {
    const mid = outcome(query, midWord, 'substring', earlier('first'));
    if (mid) return mid;
  }

  const fq = useLoose ? q.loose : q.norm;
  const limit = fuzzyThreshold(fq.length);
  const scored: FuzzyScore<T>[] = [];
  if (limit > 0) {
    for (const c of prepared) {
      const s = fuzzyScore(fq, useLoose ? c.loose : c.norm, limit);
      if (s.best <= limit) scored.push({ c, ...s });
    }
  }
  // At equal distance a typo in the whole name beats a typo in a piece of a longer name.
  const fuzzyRank = (a: FuzzyScore<T>, b: FuzzyScore<T>): number =>
    a.best - b.best || (a.whole === a.best ? 0 : 1) - (b.whole === b.best ? 0 : 1);
  scored.sort((a, b) => fuzzyRank(a, b) || Math.min(a.whole, 99) - Math.min(b.whole, 99) || byName(a.c, b.c));

  if (opts.acceptFuzzy) {
    const [top, next] = scored;
    if (top && (!next || fuzzyRank(top, next) < 0)) return { kind: 'found', item: top.c.item, how: 'fuzzy' };
  }

  // Short mid-word hits were too weak to pick but are still worth offering.
  const suggestions: T[] = [];
  const seen = new Set<number>();
  for (const c of [...scored.map((s) => s.c), ...midWord.sort(earlier('first'))]) {
    if (seen.has(c.index) || suggestions.length >= maxSuggestions) continue;
    seen.add(c.index);
    suggestions.push(c.item);
  }
  return { kind: 'not-found', query, suggestions };
}
