/**
 * Whether a user is an admin or owner of the workspace (users.info `is_admin` / `is_owner`, scope
 * users:read): they may change every digest. Cached per user for a few minutes (a demoted admin
 * loses the right within that time); a failed lookup answers "no", so an outage never grants it.
 */
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { AppLogger } from '../shared/logger';
import { SingleFlight } from '../shared/single-flight';

export interface WorkspaceAdmins {
  isAdmin(userId: string): Promise<boolean>;
}

export interface WorkspaceAdminsOptions {
  client: Pick<WebClient, 'users'>;
  log: AppLogger;
  ttlMs?: number;
}

/** One per process, shared by every request. */
export function createWorkspaceAdmins(opts: WorkspaceAdminsOptions): WorkspaceAdmins {
  const cache = new LRUCache<string, boolean>({ max: 10_000, ttl: opts.ttlMs ?? 5 * 60_000 });
  const flights = new SingleFlight<boolean>();
  return {
    async isAdmin(userId) {
      const hit = cache.get(userId);
      if (hit !== undefined) return hit;
      return flights.run(userId, async () => {
        try {
          const info = await opts.client.users.info({ user: userId });
          const u = info.user;
          const admin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
          cache.set(userId, admin);
          return admin;
        } catch (err) {
          opts.log.warn('users.info failed; treating the user as no workspace admin', {
            error: (err as Error).message,
          });
          return false;
        }
      });
    },
  };
}
