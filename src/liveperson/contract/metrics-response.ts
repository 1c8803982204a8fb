/**
 * The answer of POST …/metrics as a typed model, parsed tolerantly: absent metrics, "NA" names,
 * both known shapes of the `all` section and numeric strings are all accepted.
 */
import { isRecord } from '../../shared/guards';
import { GROUP_BY_FIELDS, type GroupByField, type MetricField } from './catalog';

/** Metric values by response field name; a metric not requested (or not known) is absent. */
// Any string key: newer LivePerson metrics pass through untouched, beside the catalog's fields.
export type KmmMetrics = Partial<Record<MetricField | (string & {}), number>>;

export interface KmmGroup {
  key: string;
  /** keyDescription; null when LivePerson could not name the id ("NA"). */
  name: string | null;
  metrics: KmmMetrics;
}

export interface KmmLinks {
  first?: string;
  prev?: string;
  self?: string;
  next?: string;
  last?: string;
}

/** The typed model of a metrics response. */
export interface KmmResponse {
  /** Number of groups in total (across pages); 0 when the request had no groupBy. */
  count: number;
  links: KmmLinks;
  groupByField?: GroupByField;
  groups: KmmGroup[];
  /** Account-wide (or filter-wide) totals; undefined when the `all` section was not returned. */
  all?: KmmMetrics;
}

/** A number from a number or a numeric string; anything else is treated as absent. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Keeps known and unknown numeric fields: unknown ones are newer metrics we pass through untouched. */
export function parseMetrics(raw: unknown): KmmMetrics {
  const out: KmmMetrics = {};
  if (!isRecord(raw)) return out;
  for (const [k, v] of Object.entries(raw)) {
    const n = toNumber(v);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

function parseLink(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isRecord(v) && typeof v.href === 'string') return v.href;
  return undefined;
}

/** metadata first/prev/self/next/last, as `{rel, href}` objects or bare strings. */
export function parseLinks(metadata: Record<string, unknown>): KmmLinks {
  const links: KmmLinks = {};
  for (const rel of ['first', 'prev', 'self', 'next', 'last'] as const) {
    const href = parseLink(metadata[rel]);
    if (href) links[rel] = href;
  }
  return links;
}

export class KmmParseError extends Error {
  override name = 'KmmParseError';
}

/**
 * Parses a metrics response body. Tolerates absent metrics, `keyDescription: "NA"`, both known
 * shapes of `all` (`all: {...metrics}` and `all: {metrics: {...}}`) and numeric strings.
 */
export function parseKmmResponse(raw: unknown): KmmResponse {
  if (!isRecord(raw)) throw new KmmParseError('KMM response is not a JSON object');
  const metadata = isRecord(raw.metadata) ? raw.metadata : {};
  const links = parseLinks(metadata);
  const groups: KmmGroup[] = [];
  let groupByField: GroupByField | undefined;
  if (isRecord(raw.groupBy)) {
    const field = raw.groupBy.groupByField;
    if (typeof field === 'string' && (GROUP_BY_FIELDS as readonly string[]).includes(field)) {
      groupByField = field as GroupByField;
    }
    const list = Array.isArray(raw.groupBy.groups) ? raw.groupBy.groups : [];
    for (const g of list) {
      if (!isRecord(g) || (typeof g.key !== 'string' && typeof g.key !== 'number')) continue;
      const desc = g.keyDescription;
      const name = typeof desc === 'string' && desc !== 'NA' && desc.trim() !== '' ? desc : null;
      groups.push({ key: String(g.key), name, metrics: parseMetrics(g.metrics) });
    }
  }
  let all: KmmMetrics | undefined;
  if (isRecord(raw.all)) {
    all = isRecord(raw.all.metrics) ? parseMetrics(raw.all.metrics) : parseMetrics(raw.all);
  }
  const count = toNumber(metadata.count) ?? groups.length;
  const out: KmmResponse = { count, links, groups };
  if (groupByField) out.groupByField = groupByField;
  if (all) out.all = all;
  return out;
}
