/**
 * Login Service sessions (agentVep): a login hands out a bearer, a csrf token and a session
 * cookie; refresh with the csrf keeps the session alive; a session lives 8 h of wall-clock time
 * (not the simulated clock, which may be frozen or moved by tests).
 */
import { randomBytes } from 'node:crypto';

export const SESSION_TTL_SECONDS = 8 * 60 * 60;
/** The login answer's sessionTTl: milliseconds, as a string ("28800000" in LivePerson's example). */
export const SESSION_TTL_TEXT = String(SESSION_TTL_SECONDS * 1000);

export interface Session {
  bearer: string;
  csrf: string;
  cookie: string;
  expiresAt: number;
}

export class LoginSessions {
  private readonly byBearer = new Map<string, Session>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Opens a session. */
  open(): Session {
    const s: Session = {
      bearer: randomBytes(24).toString('hex'),
      csrf: randomBytes(12).toString('hex'),
      cookie: randomBytes(12).toString('hex'),
      expiresAt: this.clock() + SESSION_TTL_SECONDS * 1000,
    };
    this.byBearer.set(s.bearer, s);
    return s;
  }

  /** The live session a bearer belongs to. */
  get(bearer: string): Session | undefined {
    const s = this.byBearer.get(bearer);
    if (s && s.expiresAt < this.clock()) {
      this.byBearer.delete(bearer);
      return undefined;
    }
    return s;
  }

  /** Extends the session that owns `csrf` (and the bearer or cookie, when sent). */
  refresh(csrf: string, bearer: string | undefined, cookie: string | undefined): Session | undefined {
    for (const s of this.byBearer.values()) {
      if (s.csrf !== csrf) continue;
      if (bearer !== undefined && bearer !== s.bearer) continue;
      if (bearer === undefined && cookie !== undefined && cookie !== s.cookie) continue;
      if (!this.get(s.bearer)) return undefined;
      s.expiresAt = this.clock() + SESSION_TTL_SECONDS * 1000;
      return s;
    }
    return undefined;
  }

  /** Ends a session (token expiry): the next call with this bearer answers 401. */
  revoke(bearer: string): void {
    this.byBearer.delete(bearer);
  }
}
