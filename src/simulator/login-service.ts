/**
 * The Login Service (agentVep) answers: POST …/login opens a session, POST …/refresh keeps it
 * alive. It exists only on an account started with credentials; elsewhere both answer 404, as a
 * LivePerson account without the service would.
 */
import { isRecord } from '../shared/guards';
import { CODE, HttpError, type Answer } from './http-util';
import { SESSION_TTL_TEXT, type LoginSessions } from './login-sessions';
import { hasLoginService, type AccountCredentials } from './request-auth';

export interface LoginService {
  /** Answers a login body (user name with a password or with the four API-key values). */
  login(raw: unknown): Answer;
  /** Answers a refresh body; `bearer` and `cookie` are what the request carried, if anything. */
  refresh(raw: unknown, bearer: string | undefined, cookie: string | undefined): Answer;
}

/** The Login Service of account `accountId`, backed by `sessions`. */
export function createLoginService(
  accountId: string,
  creds: AccountCredentials,
  sessions: LoginSessions,
): LoginService {
  const { oauth, login: password } = creds;
  const enabled = hasLoginService(creds);
  const requireEnabled = (): void => {
    if (!enabled)
      throw new HttpError(404, 'The Login Service is not enabled on this account.', CODE.notFound);
  };

  return {
    login(raw) {
      requireEnabled();
      const b = isRecord(raw) ? raw : {};
      if (typeof b.username !== 'string' || b.username === '') {
        throw new HttpError(400, 'username is required.', CODE.validation);
      }
      const byPassword =
        password !== undefined && b.username === password.username && b.password === password.password;
      // The Login Service also accepts a user name with the four API-key values.
      const byKey =
        oauth !== undefined &&
        (password === undefined || b.username === password.username) &&
        b.appKey === oauth.appKey &&
        b.secret === oauth.appSecret &&
        b.accessToken === oauth.accessToken &&
        b.accessTokenSecret === oauth.accessTokenSecret;
      if (!byPassword && !byKey) throw new HttpError(401, 'Wrong user name or password.', CODE.auth);
      const s = sessions.open();
      return {
        status: 200,
        body: {
          csrf: s.csrf,
          wsuk: s.cookie.slice(0, 8),
          config: { userId: '7001', loginName: b.username, accountId, isLPA: false },
          sessionTTl: SESSION_TTL_TEXT,
          bearer: s.bearer,
        },
        headers: { 'Set-Cookie': `session_id=${s.cookie}; Path=/; HttpOnly` },
      };
    },

    refresh(raw, bearer, cookie) {
      requireEnabled();
      const csrf = isRecord(raw) ? raw.csrf : undefined;
      if (typeof csrf !== 'string' || csrf === '') {
        throw new HttpError(400, 'csrf is required.', CODE.validation);
      }
      const s = sessions.refresh(csrf, bearer, cookie);
      if (!s) throw new HttpError(401, 'The session has expired; log in again.', CODE.auth);
      return { status: 200, body: {}, headers: { 'Set-Cookie': `session_id=${s.cookie}; Path=/; HttpOnly` } };
    },
  };
}
