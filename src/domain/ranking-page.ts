/**
 * Which rows of a ranking one page shows. Shared by the ranking view and its chart, so the list and
 * the bars always cover the same rows.
 */
import { rankingPageSizeOf } from './query';
import type { RankingReport, RankRow } from './report';

export interface PageInfo {
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  /** Index of the first row on the page (0-based, inclusive). */
  start: number;
  /** Index after the last row on the page (exclusive). */
  end: number;
  total: number;
}

/** Which rows a page shows; an out-of-range page (data shrank since the button was drawn) is clamped. */
export function pageInfo(total: number, page: number, pageSize: number): PageInfo {
  const size = Math.max(1, Math.floor(pageSize));
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(pages, Math.max(1, Math.floor(page)));
  const start = (p - 1) * size;
  return { page: p, pages, start, end: Math.min(total, start + size), total };
}

/** The rows a ranking can show in all: every row, or as many as the source's paging reaches. */
export function rankedTotal(report: RankingReport): number {
  return report.truncated
    ? Math.min(report.available, report.reachable)
    : Math.max(report.available, report.rowsOffset + report.rows.length);
}

/** Which page of the whole ranking to show (page size: `pageSize`, else the query's `top`). */
export function rankingPageInfo(report: RankingReport, pageSize?: number): PageInfo {
  return pageInfo(rankedTotal(report), report.page, rankingPageSizeOf(pageSize ?? report.query.top));
}

/** The rows on that page (the report may hold every row, or only one fetched page of them). */
export function pageRows(report: RankingReport, info: PageInfo): RankRow[] {
  const from = Math.max(0, info.start - report.rowsOffset);
  const to = Math.max(0, info.end - report.rowsOffset);
  return report.rows.slice(from, to);
}
