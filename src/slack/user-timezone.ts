/**
 * The asker's IANA timezone (users.info, scope users:read), so "since 08:00" means their 08:00.
 * Cached per user; any failure or a slow answer falls back to DEFAULT_TIMEZONE, because the ack
 * deadline matters more than the zone.
 */
import type { WebClient } from '@slack/web-api';
import { isTimeZone } from '../domain/window';

export interface TimezoneLookup {
  /** DEFAULT_TIMEZONE: used when the user's zone is unknown or not needed. */
  readonly fallback: string;
  of(userId: string, client: WebClient): Promise<string>;
}

export function createTimezoneLookup(opts: {
  fallback: string;
  ttlMs?: number;
  timeoutMs?: number;
}): TimezoneLookup {
  const cache = new Map<string, { tz: string; at: number }>();
  const ttl = opts.ttlMs ?? 60 * 60_000;
  return {
    fallback: opts.fallback,
    async of(userId, client) {
      const hit = cache.get(userId);
      if (hit && Date.now() - hit.at < ttl) return hit.tz;
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), opts.timeoutMs ?? 1200);
        });
        const info = await Promise.race([client.users.info({ user: userId }), timeout]);
        const tz = info?.user?.tz;
        if (typeof tz === 'string' && isTimeZone(tz)) {
          cache.set(userId, { tz, at: Date.now() });
          return tz;
        }
      } catch {
        // users:read missing or Slack slow: the default zone is the documented fallback.
      } finally {
        clearTimeout(timer);
      }
      return opts.fallback;
    },
  };
}
