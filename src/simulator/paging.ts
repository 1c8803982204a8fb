/** Paging metadata as KMM answers it: {rel, href} links built on the simulator's own URL. */
import { MAX_OFFSET_PLUS_LIMIT } from '../liveperson/contract/catalog';

export interface Link {
  rel: string;
  href: string;
}

/** first/prev/self/next/last for a page; prev only when offset > 0, next only when more remain. */
export function pageLinks(
  base: string,
  offset: number,
  limit: number,
  count: number,
  sort: string,
): Record<string, Link> {
  const link = (rel: string, at: number): Link => ({
    rel,
    href: `${base}?offset=${at}&limit=${limit}&sort=${sort}`,
  });
  // Pages end where offset + limit would pass LivePerson's 1000-key ceiling.
  const reachable = Math.floor((MAX_OFFSET_PLUS_LIMIT - limit) / limit) * limit;
  const last = Math.min(count > 0 ? Math.floor((count - 1) / limit) * limit : 0, reachable);
  const out: Record<string, Link> = { first: link('first', 0) };
  if (offset > 0) out.prev = link('prev', Math.max(0, offset - limit));
  out.self = link('self', offset);
  if (offset + limit < count && offset + 2 * limit <= MAX_OFFSET_PLUS_LIMIT) {
    out.next = link('next', offset + limit);
  }
  out.last = link('last', last);
  return out;
}

/** Numeric ids compare as numbers ("-1" < "501" < "1001"), anything else as text. */
export function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y) && a.trim() !== '' && b.trim() !== '')
    return x - y || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}
