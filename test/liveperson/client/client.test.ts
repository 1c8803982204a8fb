import { strict as assert } from 'node:assert';
import {
  LivePersonInvalidRequestError,
  isLivePersonError,
  type LivePersonError,
} from '../../../src/liveperson/client/errors';
import { BY_TIME_METRICS, CURRENT_VALUE_METRICS, SORT_KEYS } from '../../../src/liveperson/contract/catalog';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../src/domain/time';
import { type KmmRequest } from '../../../src/liveperson/contract/metrics-request';
import { createLivePersonClient, type LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { captureLogger } from '../support/capture-logger';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { json, startFakeServer } from '../support/fake-server';
import { clientFor, dayBySkill, T0, totalRequests } from '../support/sim';

async function rejection(p: Promise<unknown>): Promise<LivePersonError> {
  try {
    await p;
  } catch (e) {
    if (isLivePersonError(e)) return e;
    throw e;
  }
  throw new assert.AssertionError({ message: 'expected a rejection' });
}

describe('kmm-client against the simulator', () => {
  let sim: Simulator;
  let proxy: CountingProxy;
  let client: LivePersonClient;
  before(async () => {
    sim = await startSimulator({ now: T0 });
    proxy = await startCountingProxy(sim.url);
  });
  after(async () => {
    await proxy.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.setNow(T0);
    sim.clearFaults();
    sim.resetStats();
    proxy.reset();
    client = clientFor(sim, { csdsUrl: proxy.url, cacheTtlMs: 0 });
  });
  afterEach(() => client.close());

  const kmmRequests = () => proxy.requests.filter((r) => r.path.startsWith('/manager_workspace/'));

  it('sends a validated, minute-rounded metrics request and parses the answer', async () => {
    const from = T0 - 3 * HOUR_MS + 17_345; // 17 s past a minute
    const to = T0 - 25_000; // 35 s before a minute
    const res = await client.metrics(
      dayBySkill(T0, { body: { ...dayBySkill(T0).body, filters: { time: { from, to } } } }),
    );
    assert.ok(res.groups.length >= 10);
    assert.equal(res.groupByField, 'skillId');
    assert.equal(res.groups.find((g) => g.key === '1001')?.name, 'Billing');
    assert.ok(res.all && typeof res.all.closedConversations === 'number');
    const [sent] = kmmRequests();
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.path, `/manager_workspace/api/account/${sim.accountId}/metrics`);
    assert.equal(sent?.query.get('offset'), '0');
    assert.equal(sent?.query.get('limit'), '50');
    const body = JSON.parse(sent.body);
    assert.deepEqual(body.filters.time, {
      from: Math.floor(from / MINUTE_MS) * MINUTE_MS,
      to: Math.ceil(to / MINUTE_MS) * MINUTE_MS,
    });
    assert.equal(sent?.headers['content-type'], 'application/json');
  });

  it('keeps a 24 h window asked off the minute within 24 h after rounding (the simulator accepts it)', async () => {
    const now = T0 + 30_500;
    sim.setNow(now);
    const res = await client.metrics(dayBySkill(now));
    assert.ok(res.groups.length > 0);
    const body = JSON.parse(kmmRequests()[0]!.body);
    assert.deepEqual(body.filters.time, { from: T0 + MINUTE_MS - DAY_MS, to: T0 + MINUTE_MS });
  });

  it('passes every sort key and order through: groups come back sorted by it', async () => {
    const metricsBody = {
      ...dayBySkill(T0).body,
      metricsToRetrieveByTime: [...BY_TIME_METRICS],
      metricsToRetrieveCurrentValue: [...CURRENT_VALUE_METRICS],
    };
    for (const key of SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        proxy.reset();
        const res = await client.metrics({ body: metricsBody, sort: { key, order } });
        const sentSort = kmmRequests()[0]?.query.get('sort');
        if (key === 'key' && order === 'asc')
          assert.equal(sentSort, null, 'the default is left to LivePerson');
        else assert.equal(sentSort, `${key}:${order}`);
        const values =
          key === 'key'
            ? res.groups.map((g) => g.key)
            : res.groups.map((g) => g.metrics[key]).filter((v) => v !== undefined);
        assert.ok(values.length >= 2, `${key}: values present`);
        for (let i = 1; i < values.length; i++) {
          const [a, b] = [values[i - 1]!, values[i]!];
          const ok = order === 'asc' ? a <= b : a >= b;
          assert.ok(ok, `${key}:${order} out of order at ${i}: ${String(a)} then ${String(b)}`);
        }
      }
    }
  });

  describe('rejects invalid requests before any upstream request, with the validator’s message', () => {
    const base = dayBySkill(T0);
    const withBody = (body: Record<string, unknown>, over: Partial<KmmRequest> = {}): KmmRequest => ({
      ...base,
      ...over,
      body: { ...base.body, ...body },
    });
    const withTime = (from: number, to: number) => withBody({ filters: { time: { from, to } } });
    const cases: [string, KmmRequest, RegExp][] = [
      ['time missing', withBody({ filters: {} }), /A time window is required/],
      ['from after to', withTime(T0, T0 - HOUR_MS), /ends before it starts/],
      [
        'window over 24 h',
        withTime(T0 - 30 * HOUR_MS, T0),
        /That window is 30 h; LivePerson keeps at most 24 h per query/,
      ],
      ['older than 14 days', withTime(T0 - 15 * DAY_MS, T0 - 15 * DAY_MS + HOUR_MS), /only the last 14 days/],
      [
        'unknown by-time metric',
        withBody({ metricsToRetrieveByTime: ['avg_happiness'] }),
        /Unknown by-time metrics: avg_happiness/,
      ],
      [
        'unknown current metric',
        withBody({ metricsToRetrieveCurrentValue: ['mood'] }),
        /Unknown current-value metrics: mood/,
      ],
      [
        'unknown sort key',
        withBody({}, { sort: { key: 'happiness' as never, order: 'desc' } }),
        /cannot sort by 'happiness'/,
      ],
      [
        'bad sort order',
        withBody({}, { sort: { key: 'avgWaitTime', order: 'sideways' as never } }),
        /neither asc nor desc/,
      ],
      [
        'bad userTypes',
        withBody({ filters: { time: base.body.filters.time, userTypes: ['ROBOT'] } }),
        /Unknown user types: ROBOT/,
      ],
      [
        'bad responseSections',
        withBody({ responseSections: ['everything'] }),
        /Unknown response sections: everything/,
      ],
      [
        'groupBy missing with the groupBy section',
        withBody({ groupBy: undefined, responseSections: ['groupBy'] }),
        /requested without groupBy/,
      ],
      ['bad groupBy', withBody({ groupBy: 'agentId' }), /can group by skillId or agentGroupId/],
      ['limit 0', withBody({}, { limit: 0 }), /between 1 and 50/],
      ['limit 51', withBody({}, { limit: 51 }), /between 1 and 50/],
      ['negative offset', withBody({}, { offset: -1 }), /0 or more/],
      [
        'offset + limit over 1000',
        withBody({}, { offset: 990, limit: 20 }),
        /stop at 1000 keys \(offset \+ limit is 1010\)/,
      ],
    ];
    for (const [name, req, message] of cases) {
      it(name, async () => {
        const e = await rejection(client.metrics(req));
        assert.ok(e instanceof LivePersonInvalidRequestError, e.name);
        assert.match(e.reason ?? '', message);
        assert.equal(totalRequests(sim), 0, 'nothing reached the simulator, not even CSDS');
        assert.equal(proxy.requests.length, 0);
      });
    }

    it('agent_view and historical are validated too', async () => {
      const av = await rejection(
        client.agentView({ body: { filters: { time: { from: T0 - 2 * DAY_MS, to: T0 } } } }),
      );
      assert.ok(av instanceof LivePersonInvalidRequestError);
      assert.match(av.reason ?? '', /That window is 2 d; LivePerson keeps at most 24 h per query/);
      const hist = await rejection(
        client.historical({
          body: {
            filters: { time: { from: T0 - HOUR_MS, to: T0 } },
            metricsToRetrieveByTime: ['avg_wait_time' as never],
          },
        }),
      );
      assert.ok(hist instanceof LivePersonInvalidRequestError);
      assert.match(hist.reason ?? '', /Unknown trend metrics: avg_wait_time/);
      assert.equal(totalRequests(sim), 0);
    });
  });

  it('agentView returns agents with metadata; agentViewAllPages lists each agent once', async () => {
    const body = {
      filters: {
        time: { from: T0 - HOUR_MS, to: T0 },
        effectiveAgentStatus: ['ONLINE' as const, 'AWAY' as const, 'BACK_SOON' as const, 'OFFLINE' as const],
      },
      metricsToRetrieveCurrentValue: ['agent_load' as const, 'active_conversations' as const],
    };
    const page = await client.agentView({ body, limit: 10 });
    assert.equal(page.records.length, 10);
    assert.ok(page.records[0]?.metadata?.agentName);
    const all = await client.agentViewAllPages({ body });
    assert.ok(all.records.length >= 60, String(all.records.length));
    assert.equal(new Set(all.records.map((r) => r.agentId)).size, all.records.length);
    assert.equal(all.records.length, all.count);
    assert.equal(
      kmmRequests().filter((r) => r.path.endsWith('/agent_view')).length,
      1 + Math.ceil(all.count / 50),
    );
  });

  it('historical with interval 0 asks LivePerson to pick (interval=0), not a guess of its own', async () => {
    const res = await client.historical({
      body: {
        filters: { time: { from: T0 - 6 * HOUR_MS, to: T0 } },
        metricsToRetrieveByTime: ['closed_conversations'],
      },
      intervalMinutes: 0,
    });
    assert.equal(kmmRequests()[0]?.query.get('interval'), '0');
    assert.equal(res.points.length, 72);
  });

  it('historical sends the interval and returns points in time order', async () => {
    const res = await client.historical({
      body: {
        filters: { time: { from: T0 - 6 * HOUR_MS, to: T0 } },
        metricsToRetrieveByTime: ['closed_conversations'],
      },
      intervalMinutes: 60,
    });
    assert.equal(kmmRequests()[0]?.query.get('interval'), '60');
    assert.ok(res.points.length >= 6);
    for (let i = 1; i < res.points.length; i++)
      assert.ok(res.points[i]!.timestamp > res.points[i - 1]!.timestamp);
  });

  it('accountConfig lists skills and agent groups and answers notModified to a matching If-Match', async () => {
    const skills = await client.accountConfig('skills');
    assert.equal(skills.notModified, false);
    if (skills.notModified) return;
    assert.ok(skills.items.some((s) => (s as { name?: string }).name === 'Billing'));
    assert.ok(skills.revision, 'ac-revision is passed on');
    const [sent] = proxy.requests.filter((r) => r.path.endsWith('/skills'));
    assert.equal(sent?.path, `/api/account/${sim.accountId}/configuration/le-users/skills`);
    assert.equal(sent?.query.get('v'), '2.0');
    assert.equal(sent?.query.get('select'), 'id,name,deleted');
    const again = await client.accountConfig('skills', skills.revision);
    assert.deepEqual(again, { notModified: true });
    assert.equal(
      proxy.requests.filter((r) => r.path.endsWith('/skills')).at(-1)?.headers['if-match'],
      skills.revision,
    );
    const groups = await client.accountConfig('agentGroups');
    assert.equal(groups.notModified, false);
    assert.equal(
      proxy.requests.filter((r) => r.path.endsWith('/agentGroups'))[0]?.query.get('select'),
      'id,name,deleted,parentGroupId',
    );
  });
});

describe('kmm-client: LivePerson’s own 400 answers', () => {
  it('shows a short plain upstream message, a generic one otherwise, and logs the raw body', async () => {
    let answer = '';
    const server = await startFakeServer((req, res) => {
      if (req.path.endsWith('/baseURI.json')) return json(res, 200, { baseURI: server.url });
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(answer);
    });
    const log = captureLogger();
    const client = createLivePersonClient({
      accountId: '1',
      csdsUrl: server.url,
      now: () => T0,
      logger: log,
    });
    try {
      answer = JSON.stringify({
        error: { message: 'Skill 42 is not visible to this API key.', internalCode: 7 },
      });
      const plain = await rejection(client.metrics(dayBySkill(T0)));
      assert.ok(plain instanceof LivePersonInvalidRequestError);
      assert.equal(plain.reason, 'Skill 42 is not visible to this API key.');
      answer = '<html><body><h1>400</h1><pre>com.liveperson.Validation failed</pre></body></html>';
      const html = await rejection(client.metrics(dayBySkill(T0, { limit: 10 })));
      assert.equal((html as LivePersonInvalidRequestError).reason, undefined);
      assert.match(log.text(), /com\.liveperson\.Validation failed/, 'raw body in the log');
      assert.equal(server.requests.filter((r) => r.path.endsWith('/metrics')).length, 2, 'no retry on 400');
    } finally {
      await client.close();
      await server.close();
    }
  });
});
