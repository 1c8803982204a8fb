import { strict as assert } from 'node:assert';
import type { AxiosResponse } from 'axios';
import {
  DEFAULT_CLIENT_CREDENTIALS,
  DEFAULT_LOGIN,
  DEFAULT_OAUTH,
  startSimulator,
  type Simulator,
} from '../../src/simulator';
import { ACCOUNT, BUSY, everything, http, metricsPath } from './helpers';

/** Every error the simulator answers, in LivePerson's documented error body. */
describe('simulator: error bodies in the documented shape', () => {
  let sim: Simulator;
  let strict: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY });
    strict = await startSimulator({
      now: BUSY,
      oauth: DEFAULT_OAUTH,
      login: DEFAULT_LOGIN,
      clientCredentials: DEFAULT_CLIENT_CREDENTIALS,
      staleIfMatch: 412,
    });
  });
  after(async () => {
    await sim.close();
    await strict.close();
  });

  function assertShape(res: AxiosResponse, status: number): void {
    assert.equal(res.status, status);
    const body = res.data as { error: Record<string, unknown> };
    assert.deepEqual(Object.keys(body), ['error']);
    assert.deepEqual(Object.keys(body.error).sort(), ['internalCode', 'message', 'responseStatus', 'time']);
    assert.equal(body.error.responseStatus, status);
    assert.equal(body.error.time, BUSY, 'stamped with the simulated time');
    assert.equal(typeof body.error.message, 'string');
    assert.ok((body.error.message as string).length > 0);
    assert.ok(Number.isInteger(body.error.internalCode));
  }

  it('400, 404, 405 and injected faults', async () => {
    const api = http(sim);
    assertShape(await api.post(metricsPath(), { filters: {} }), 400);
    assertShape(await api.get('/no/such/api'), 404);
    assertShape(await api.get(`/api/account/999/configuration/le-users/skills?v=2.0`), 404);
    assertShape(await api.get(metricsPath()), 405);
    sim.inject({ route: 'metrics', status: 503 });
    assertShape(await api.post(metricsPath(), everything(BUSY)), 503);
  });

  it('401 (APIs, login, token) and 412', async () => {
    const api = http(strict);
    assertShape(await api.post(metricsPath(), everything(BUSY)), 401);
    assertShape(await api.post(`/api/account/${ACCOUNT}/login?v=1.3`, { username: 'x', password: 'y' }), 401);
    assertShape(
      await api.post(`/sentinel/api/v2/account/${ACCOUNT}/app/token`, 'grant_type=client_credentials', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      401,
    );
    const login = await api.post(`/api/account/${ACCOUNT}/login?v=1.3`, DEFAULT_LOGIN);
    const auth = { Authorization: `Bearer ${login.data.bearer as string}` };
    const path = `/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`;
    assertShape(await api.get(path, { headers: { ...auth, 'If-Match': 'stale' } }), 412);
  });
});
