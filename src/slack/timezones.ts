/**
 * The asker's IANA timezone (users.info, scope users:read), so "since 08:00" means their 08:00.
 * Looked up only after the ack and only for windows that read the wall clock; cached per user
 * (an hour, bounded); a failure or a slow Slack falls back to DEFAULT_TIMEZONE.
 */
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { isTimeZone } from '../domain/window';
import { Deadline, raceDeadline } from '../shared/deadline';
import type { AppLogger } from '../shared/logger';
import { SingleFlight } from '../shared/single-flight';

export interface TimezoneLookup {
  /** DEFAULT_TIMEZONE: used when the user's zone is unknown. */
  readonly fallback: string;
  /** The user's zone; waits at most `timeoutMs`, then answers the fallback. */
  of(userId: string): Promise<string>;
}

export interface TimezoneOptions {
  fallback: string;
  client: Pick<WebClient, 'users'>;
  log: AppLogger;
  ttlMs?: number;
  timeoutMs?: number;
  maxUsers?: number;
}

/** Creates the lookup; one per process, shared by every request. */
export function createTimezoneLookup(opts: TimezoneOptions): TimezoneLookup {
  const cache = new LRUCache<string, string>({
    max: opts.maxUsers ?? 10_000,
    ttl: opts.ttlMs ?? 60 * 60_000,
  });
  // A lookup during a slow users.info joins it instead of asking again.
  const flights = new SingleFlight<string | undefined>();

  const ask = (userId: string): Promise<string | undefined> =>
    flights.run(userId, () =>
      opts.client.users
        .info({ user: userId })
        .then((info) => {
          const tz = info.user?.tz;
          if (typeof tz === 'string' && isTimeZone(tz)) {
            cache.set(userId, tz);
            return tz;
          }
          return undefined;
        })
        .catch((err: unknown) => {
          // users:read missing or Slack slow: the default zone is the documented fallback.
          opts.log.debug('users.info failed; using DEFAULT_TIMEZONE', { error: (err as Error).message });
          return undefined;
        }),
    );

  return {
    fallback: opts.fallback,
    async of(userId) {
      const hit = cache.get(userId);
      if (hit) return hit;
      // Past the wait, the fallback; the lookup goes on and fills the cache for next time.
      const zone = await raceDeadline(ask(userId), Deadline.after(opts.timeoutMs ?? 3_000)).catch(
        () => undefined,
      );
      return zone ?? opts.fallback;
    },
  };
}
