/**
 * A hand-rolled LivePerson for auth and CSDS tests: CSDS pointing at itself (or elsewhere), the
 * Login Service (login / refresh, rotating bearers), and a metrics endpoint that checks either an
 * OAuth signature or the current bearer and answers the seed response.
 */
import seedResponse from '../../fixtures/kmm-seed-response.json';
import { json, startFakeServer, type FakeServer, type Recorded } from './fake-server';
import { verifyOAuth, type OAuthSecrets } from './oauth-verify';

export const ACCOUNT = '123';

export interface FakeLivePersonOptions {
  oauth?: OAuthSecrets;
  login?: { username: string; password: string };
  /** baseURI CSDS answers per call (1-based); default: this server's URL. */
  csdsBase?: (call: number) => string | undefined;
}

export interface FakeLivePerson extends FakeServer {
  /** Invalidates the current bearer, as an expired session would be. */
  expireSession(): void;
  count(path: RegExp): number;
  byPath(path: RegExp): Recorded[];
  /** Bearers handed out so far. */
  bearers: string[];
}

export async function startFakeLivePerson(opts: FakeLivePersonOptions = {}): Promise<FakeLivePerson> {
  const bearers: string[] = [];
  let current: string | undefined;
  let csdsCalls = 0;
  const base = `/api/account/${ACCOUNT}`;
  const self: FakeServer = await startFakeServer((req, res) => {
    if (req.method === 'GET' && req.path.startsWith(`${base}/service/`)) {
      csdsCalls++;
      const service = req.path.split('/')[5] ?? '';
      const baseURI = opts.csdsBase?.(csdsCalls) ?? self.url;
      return json(res, 200, { service, account: ACCOUNT, baseURI });
    }
    if (req.method === 'POST' && req.path === `${base}/login`) {
      const body = JSON.parse(req.body) as { username?: string; password?: string };
      if (!opts.login || body.username !== opts.login.username || body.password !== opts.login.password) {
        return json(res, 401, { error: { message: 'Bad credentials', responseStatus: 401 } });
      }
      current = `bearer-${bearers.length + 1}-${'x'.repeat(24)}`;
      bearers.push(current);
      return json(
        res,
        200,
        { bearer: current, csrf: `csrf-${bearers.length}-yyyyyyyyyyyy`, sessionTTl: '28800' },
        { 'Set-Cookie': `session=s${bearers.length}; Path=/; HttpOnly` },
      );
    }
    if (req.method === 'POST' && req.path === `${base}/refresh`) {
      return req.headers.authorization === `Bearer ${current}` ? json(res, 200, {}) : json(res, 401, {});
    }
    if (req.method === 'POST' && req.path === `/manager_workspace${base}/metrics`) {
      const auth = req.headers.authorization;
      const ok = opts.oauth
        ? verifyOAuth(req.method, `http://${req.headers.host}${req.url}`, auth, opts.oauth)
        : opts.login
          ? current !== undefined && auth === `Bearer ${current}`
          : true;
      return ok ? json(res, 200, seedResponse) : json(res, 401, { error: { message: 'Unauthorized' } });
    }
    return json(res, 404, { error: { message: `no route ${req.method} ${req.path}` } });
  });
  return {
    ...self,
    expireSession: () => {
      current = undefined;
    },
    count: (p) => self.requests.filter((r) => p.test(r.path)).length,
    byPath: (p) => self.requests.filter((r) => p.test(r.path)),
    bearers,
  };
}
