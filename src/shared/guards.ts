/** Runtime guards for data that arrives as `unknown` (JSON bodies, button values, stored records). */

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value as a list of strings, or undefined when it is anything else. */
export function listOf(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.every((x): x is string => typeof x === 'string') ? v : undefined;
}
