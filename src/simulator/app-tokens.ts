/**
 * OAuth 2.0 access tokens (sentinel, client-credentials grant): each lives `ttlSeconds` of
 * wall-clock time (not the simulated clock, which tests freeze or move), as a real token would.
 */
import { randomBytes } from 'node:crypto';

/** An hour, the usual lifetime of a client-credentials token. */
export const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;

export class AppTokens {
  private readonly expiresAt = new Map<string, number>();

  constructor(
    readonly ttlSeconds: number = DEFAULT_TOKEN_TTL_SECONDS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Issues a token. */
  issue(): string {
    const token = randomBytes(24).toString('base64url');
    this.expiresAt.set(token, this.clock() + this.ttlSeconds * 1000);
    return token;
  }

  /** Whether `token` was issued here and has not expired or been revoked. */
  valid(token: string): boolean {
    const at = this.expiresAt.get(token);
    if (at === undefined) return false;
    if (at <= this.clock()) {
      this.expiresAt.delete(token);
      return false;
    }
    return true;
  }

  /** Ends a token (an injected 401): the next call with it answers 401. */
  revoke(token: string): void {
    this.expiresAt.delete(token);
  }
}
