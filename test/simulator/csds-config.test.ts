import { strict as assert } from 'node:assert';
import { startSimulator, type Simulator } from '../../src/simulator';
import { ACCOUNT, http } from './helpers';

describe('simulator: CSDS and Account Configuration', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: Date.UTC(2026, 10, 25, 12) });
  });
  after(() => sim.close());

  it('answers one service with a baseURI that carries the scheme and points at itself', async () => {
    const res = await http(sim).get(
      `/api/account/${ACCOUNT}/service/agentManagerWorkspace/baseURI.json?version=1.0`,
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.data, { service: 'agentManagerWorkspace', account: ACCOUNT, baseURI: sim.url });
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers all services without a service name', async () => {
    const res = await http(sim).get(`/api/account/${ACCOUNT}/service/baseURI.json?version=1.0`);
    assert.equal(res.status, 200);
    const services = (res.data.baseURIs as { service: string; baseURI: string }[])
      .map((b) => b.service)
      .sort();
    assert.deepEqual(services, ['accountConfigReadOnly', 'agentManagerWorkspace', 'agentVep', 'sentinel']);
    for (const b of res.data.baseURIs as { baseURI: string; account: string }[]) {
      assert.equal(b.baseURI, sim.url);
      assert.equal(b.account, ACCOUNT);
    }
  });

  it('answers 404 JSON for an unknown account, an unknown service and a wrongly cased one', async () => {
    const api = http(sim);
    for (const path of [
      `/api/account/999/service/agentManagerWorkspace/baseURI.json?version=1.0`,
      `/api/account/${ACCOUNT}/service/noSuchService/baseURI.json?version=1.0`,
      `/api/account/${ACCOUNT}/service/AgentManagerWorkspace/baseURI.json?version=1.0`,
    ]) {
      const res = await api.get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.data.error.responseStatus, 404);
      assert.equal(typeof res.data.error.message, 'string');
    }
  });

  it('lists live skills, names with & and <, and a revision header; deleted ones only when asked for', async () => {
    const res = await http(sim).get(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`);
    assert.equal(res.status, 200);
    const skills = res.data as { id: number; name: string; deleted: boolean }[];
    assert.equal(skills.length, 10);
    assert.ok(skills.every((s) => s.deleted === false));
    const withDeleted = await http(sim).get(
      `/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0&include_deleted=true`,
    );
    assert.deepEqual(
      (withDeleted.data as { id: number; name: string; deleted: boolean }[])
        .filter((s) => s.deleted)
        .map((s) => [s.id, s.name]),
      [[1099, 'Legacy Billing']],
    );
    // One revision for the data, whichever view of it was read.
    assert.equal(withDeleted.headers['ac-revision'], res.headers['ac-revision']);
    const names = skills.map((s) => s.name);
    assert.ok(names.includes('Returns & Exchanges'));
    assert.ok(names.includes('Loyalty <Gold>'));
    assert.match(String(res.headers['ac-revision']), /^\d+$/);
  });

  it('honours select: only the named fields come back', async () => {
    const res = await http(sim).get(
      `/api/account/${ACCOUNT}/configuration/le-users/agentGroups?v=2.0&select=id,name,deleted,parentGroupId`,
    );
    assert.equal(res.status, 200);
    for (const g of res.data as Record<string, unknown>[]) {
      for (const k of Object.keys(g)) assert.ok(['id', 'name', 'deleted', 'parentGroupId'].includes(k), k);
    }
    const tier1Night = (res.data as Record<string, unknown>[]).find((g) => g.id === 504);
    assert.deepEqual(tier1Night, { id: 504, name: 'Tier 1 Night', deleted: false, parentGroupId: 502 });
    const root = (res.data as Record<string, unknown>[]).find((g) => g.id === -1);
    assert.deepEqual(root, { id: -1, name: 'Main Group', deleted: false });
    const tier1 = (res.data as Record<string, unknown>[]).find((g) => g.id === 502);
    assert.equal(tier1?.parentGroupId, -1);
    assert.equal(
      (res.data as Record<string, unknown>[]).find((g) => g.id === 599),
      undefined,
    );
    const withDeleted = await http(sim).get(
      `/api/account/${ACCOUNT}/configuration/le-users/agentGroups?v=2.0&include_deleted=true`,
    );
    assert.equal((withDeleted.data as Record<string, unknown>[]).find((g) => g.id === 599)?.deleted, true);
  });

  it('answers 304 with an empty body when If-Match carries the current revision, 200 otherwise', async () => {
    const api = http(sim);
    const path = `/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0&select=id,name,deleted`;
    const first = await api.get(path);
    const revision = String(first.headers['ac-revision']);
    const same = await api.get(path, { headers: { 'If-Match': revision } });
    assert.equal(same.status, 304);
    assert.equal(same.data, '');
    const stale = await api.get(path, { headers: { 'If-Match': `${revision}0` } });
    assert.equal(stale.status, 200);
    assert.equal(stale.headers['ac-revision'], revision);
  });

  it("names the revision as LivePerson's docs do: ac-revision on skills, a quoted ETag on agent groups", async () => {
    const api = http(sim);
    const groups = await api.get(`/api/account/${ACCOUNT}/configuration/le-users/agentGroups?v=2.0`);
    assert.match(String(groups.headers.etag), /^"\d+"$/);
    assert.equal(groups.headers['ac-revision'], undefined);
    const same = await api.get(`/api/account/${ACCOUNT}/configuration/le-users/agentGroups?v=2.0`, {
      headers: { 'If-Match': String(groups.headers.etag) },
    });
    assert.equal(same.status, 304);
  });

  it('can answer a stale If-Match with 412, and a list without any revision header', async () => {
    const strict = await startSimulator({ staleIfMatch: 412 });
    const bare = await startSimulator({ revisionHeader: 'none' });
    try {
      const path = `/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`;
      const first = await http(strict).get(path);
      const revision = String(first.headers['ac-revision']);
      assert.equal((await http(strict).get(path, { headers: { 'If-Match': revision } })).status, 304);
      const stale = await http(strict).get(path, { headers: { 'If-Match': `${revision}0` } });
      assert.equal(stale.status, 412);
      assert.equal(stale.data.error.responseStatus, 412);
      const plain = await http(bare).get(path);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['ac-revision'], undefined);
      assert.equal(plain.headers.etag, undefined);
    } finally {
      await strict.close();
      await bare.close();
    }
  });

  it('changes the revision when the content differs (extra skills)', async () => {
    const other = await startSimulator({ extraSkills: 3 });
    try {
      const a = await http(sim).get(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`);
      const b = await http(other).get(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`);
      assert.notEqual(a.headers['ac-revision'], b.headers['ac-revision']);
      assert.ok((b.data as { name: string }[]).some((s) => s.name === 'Campaign 003'));
    } finally {
      await other.close();
    }
  });

  it('requires the API version and answers 405 for the wrong method', async () => {
    const api = http(sim);
    const noV = await api.get(`/api/account/${ACCOUNT}/configuration/le-users/skills`);
    assert.equal(noV.status, 400);
    assert.match(noV.data.error.message, /v=2\.0/);
    const post = await api.post(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`, {});
    assert.equal(post.status, 405);
  });
});
