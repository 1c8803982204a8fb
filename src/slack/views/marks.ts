/** The status marks beside KPIs and ranking rows, and the name shown for a row the source left unnamed. */
import type { Status } from '../../domain/thresholds';

export const STATUS_MARKS: Record<Status, string> = {
  ok: ':large_green_circle:',
  warn: ':large_yellow_circle:',
  critical: ':red_circle:',
  none: '',
};

/** The emoji for a status; empty for 'none'. */
export function markOf(status: Status): string {
  return STATUS_MARKS[status];
}

/** A name to show for an id: a missing, blank or "NA" name reads "Unnamed skill (id)". */
export function displayName(
  kind: 'skill' | 'group' | 'agent',
  id: string,
  name: string | null | undefined,
): string {
  const trimmed = name?.trim();
  if (trimmed && trimmed !== 'NA') return trimmed;
  return `Unnamed ${kind} (${id})`;
}
