/**
 * Paging through KMM answers: which offsets to ask for after the first page, and how to merge the
 * pages into one answer with every key exactly once. Pure.
 */
import { MAX_OFFSET_PLUS_LIMIT } from '../contract/catalog';
import { type KmmResponse } from '../contract/metrics-response';
import type { AgentViewResponse } from '../contract/agent-view';

/** Offsets of the pages after the first (which starts at 0), stopping at LivePerson's 1000-key cap. */
export function remainingPages(total: number, pageSize: number): { offset: number; limit: number }[] {
  const end = Math.min(total, MAX_OFFSET_PLUS_LIMIT);
  const pages: { offset: number; limit: number }[] = [];
  for (let offset = pageSize; offset < end; offset += pageSize) {
    pages.push({ offset, limit: Math.min(pageSize, MAX_OFFSET_PLUS_LIMIT - offset) });
  }
  return pages;
}

/** A merged answer; `truncated` when LivePerson holds more keys than its 1000-key paging reaches. */
export type AllPages<R> = R & { truncated: boolean };

function dedupe<T>(items: Iterable<T>, keyOf: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = keyOf(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/**
 * Merges metrics pages in offset order: groups deduplicated by key (a key that moved between pages
 * while we paged appears once, where first seen), `all` and links from the first page.
 */
export function mergeMetricsPages(pages: readonly KmmResponse[]): AllPages<KmmResponse> {
  const [first] = pages;
  if (!first) throw new RangeError('mergeMetricsPages needs at least one page');
  const groups = dedupe(
    pages.flatMap((p) => p.groups),
    (g) => g.key,
  );
  const out: AllPages<KmmResponse> = {
    ...first,
    groups,
    truncated: first.count > MAX_OFFSET_PLUS_LIMIT && groups.length < first.count,
  };
  return out;
}

/** Merges agent_view pages: records deduplicated by agentId, in offset order. */
export function mergeAgentViewPages(pages: readonly AgentViewResponse[]): AllPages<AgentViewResponse> {
  const [first] = pages;
  if (!first) throw new RangeError('mergeAgentViewPages needs at least one page');
  const records = dedupe(
    pages.flatMap((p) => p.records),
    (r) => r.agentId,
  );
  return {
    ...first,
    records,
    truncated: first.count > MAX_OFFSET_PLUS_LIMIT && records.length < first.count,
  };
}
