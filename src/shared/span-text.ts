/**
 * How a length of time reads inside a sentence ("30 h", "45 min", "2 d 3 h"). Shared by the grammar's
 * refusals and by the LivePerson validators' messages, so both describe one window the same way.
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "30 h", "45 min", "2 d 3 h". */
export function describeSpan(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = ms / HOUR_MS;
  if (hours < 48) return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** describeSpan, readable for absurd lengths ("last 99999999h") and for a hair over 24 h. */
export function spanText(ms: number): string {
  if (!(ms < 1000 * DAY_MS)) return 'more than 1,000 days';
  const text = describeSpan(ms);
  return text === '24.0 h' ? 'just over 24 h' : text;
}
