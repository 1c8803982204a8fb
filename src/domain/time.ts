/**
 * Lengths of time, and the two limits every report window obeys: at most 24 h long, and inside the
 * last 14 days (LivePerson keeps no more, so the grammar refuses what it could never answer).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** LivePerson answers at most 24 h per query. */
export const MAX_WINDOW_MS = DAY_MS;
/** KMM keeps 14 days of data. */
export const RETENTION_MS = 14 * DAY_MS;
