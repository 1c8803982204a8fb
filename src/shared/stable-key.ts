/**
 * Cache and single-flight keys: JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same
 * question. Arrays keep their order (a filter list in another order may page differently).
 */

/** Deterministic JSON text of a plain value (objects with sorted keys; undefined fields dropped). */
export function stableKey(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortDeep(v);
    }
    return out;
  }
  return value;
}
