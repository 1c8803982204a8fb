import { strict as assert } from 'node:assert';
import type { AxiosResponse } from 'axios';
import seedRequest from '../fixtures/kmm-seed-request.json';
import seedResponse from '../fixtures/kmm-seed-response.json';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';
import { SORT_KEYS, fieldOf, type ByTimeMetric } from '../../src/liveperson/contract/catalog';
import { DEFAULT_SEED, startSimulator, type Simulator } from '../../src/simulator';
import { SEED_EXAMPLE_NOW } from '../../src/simulator/seed-example';
import { Simulation } from '../../src/simulator/simulation';
import { LOOKBACK_MS } from '../../src/simulator/traffic';
import { ACCOUNT, BUSY, NIGHT, allGroups, byKey, everything, http, metricsPath, type Group } from './helpers';

const COUNTS = [
  'closedConversations',
  'closedByAgent',
  'closedByConsumer',
  'autoClosed',
  'concludedConversations',
  'totalNumOfAgentResponses',
  'agentResponsesOutsideSl',
  'assignedConversations',
  'unassignedConversations',
  'activeConversations',
  'openConversations',
  'overdueConversationsInQueue',
  'overdueConversationsAssigned',
  'overdueConversationsTotal',
];

function sum(groups: Group[], field: string): number {
  return groups.reduce((a, g) => a + g.metrics[field]!, 0);
}

function weighted(groups: Group[], field: string, weight: string): number {
  const w = sum(groups, weight);
  return groups.reduce((a, g) => a + g.metrics[field]! * g.metrics[weight]!, 0) / w;
}

describe('simulator: KMM metrics', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY });
  });
  after(() => sim.close());

  it("answers the documentation's example request shaped like the documentation's example answer", async () => {
    const seedSim = await startSimulator({ now: SEED_EXAMPLE_NOW });
    try {
      const query = 'offset=1&limit=1&sort=closedConversations:desc';
      const res = await http(seedSim).post(metricsPath(query), seedRequest);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /application\/json/);
      const { metadata, groupBy } = res.data;
      assert.deepEqual(Object.keys(res.data).sort(), Object.keys(seedResponse).sort());
      assert.deepEqual(Object.keys(metadata), Object.keys(seedResponse.metadata));
      assert.equal(metadata.count, 7, 'the 7 live agent groups');
      for (const rel of ['first', 'prev', 'self', 'next', 'last']) {
        assert.equal(metadata[rel].rel, rel);
        assert.ok(
          metadata[rel].href.startsWith(`${seedSim.url}/manager_workspace/api/account/13350576/metrics?`),
        );
      }
      assert.match(metadata.self.href, /offset=1&limit=1&sort=closedConversations:desc$/);
      assert.match(metadata.prev.href, /offset=0&/);
      assert.match(metadata.next.href, /offset=2&/);
      assert.match(metadata.last.href, /offset=6&/);
      assert.equal(groupBy.groupByField, 'agentGroupId');
      assert.equal(groupBy.groups.length, 1);
      const [group] = groupBy.groups;
      assert.deepEqual(Object.keys(group), ['key', 'keyDescription', 'metrics']);
      assert.deepEqual(
        Object.keys(group.metrics).sort(),
        Object.keys(seedResponse.groupBy.groups[0]!.metrics).sort(),
      );
      for (const v of Object.values(group.metrics)) assert.equal(typeof v, 'number');
      assert.equal(res.data.all, undefined, 'responseSections: [groupBy] leaves out all');
    } finally {
      await seedSim.close();
    }
  });

  it('sorts by every sort key in both orders, ties by key ascending', async () => {
    const api = http(sim);
    const body = everything(BUSY, { groupBy: 'skillId' });
    const unsorted = (await allGroups(api, body)).map((g) => g.key).sort();
    for (const key of SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const groups = await allGroups(api, body, `limit=50&sort=${key}:${order}`);
        assert.deepEqual(groups.map((g) => g.key).sort(), unsorted, `${key}:${order} keeps every key`);
        for (let i = 1; i < groups.length; i++) {
          const [a, b] = [groups[i - 1]!, groups[i]!];
          if (key === 'key') {
            const d = Number(a.key) - Number(b.key);
            assert.ok(order === 'asc' ? d < 0 : d > 0, `${key}:${order} at ${i}`);
            continue;
          }
          const [x, y] = [a.metrics[key]!, b.metrics[key]!];
          assert.ok(order === 'asc' ? x <= y : x >= y, `${key}:${order} at ${i}: ${x} then ${y}`);
          if (x === y) assert.ok(Number(a.key) < Number(b.key), `${key}:${order} tie at ${i}`);
        }
      }
    }
  });

  it('pages 131 skills: each key exactly once, with first/prev/self/next/last links', async () => {
    const big = await startSimulator({ now: BUSY, extraSkills: 120 });
    try {
      const api = http(big);
      const body = everything(BUSY, { groupBy: 'skillId', responseSections: ['groupBy'] });
      for (const sort of ['key:asc', 'closedConversations:desc', 'onlineAgents:asc']) {
        const seen: string[] = [];
        let url: string | undefined = metricsPath(`offset=0&limit=50&sort=${sort}`);
        let pages = 0;
        while (url) {
          const res: AxiosResponse = await api.post(url, body);
          assert.equal(res.status, 200);
          const md = res.data.metadata;
          const offset = Number(new URL(md.self.href).searchParams.get('offset'));
          assert.equal(offset, pages * 50);
          assert.match(md.first.href, /offset=0&limit=50&/);
          assert.match(md.last.href, /offset=100&limit=50&/);
          assert.equal(md.prev === undefined, offset === 0);
          assert.equal(md.next === undefined, offset + 50 >= md.count);
          assert.ok(md.self.href.startsWith(big.url));
          seen.push(...(res.data.groupBy.groups as Group[]).map((g) => g.key));
          url = md.next?.href;
          pages++;
        }
        assert.equal(pages, 3, sort);
        assert.equal(new Set(seen).size, seen.length, `${sort}: no key twice`);
        const expected = big.center.skills.filter((s) => !s.deleted).length;
        assert.ok(seen.length === expected || seen.length === expected + 1, `${sort}: ${seen.length} keys`);
        assert.ok(seen.includes('2120') && seen.includes('1001'));
      }
    } finally {
      await big.close();
    }
  });

  it('rejects paging past 1000 keys and pages over 50', async () => {
    const api = http(sim);
    const body = everything(BUSY, { groupBy: 'skillId' });
    const over = await api.post(metricsPath('offset=980&limit=50'), body);
    assert.equal(over.status, 400);
    assert.match(over.data.error.message, /1000/);
    const big = await api.post(metricsPath('limit=51'), body);
    assert.equal(big.status, 400);
    assert.match(big.data.error.message, /between 1 and 50/);
  });

  it('makes `all` the sum of the groups for counts and the weighted average for averages', async () => {
    const api = http(sim);
    const window = { time: { from: BUSY - 6 * HOUR_MS, to: BUSY } };
    const body = everything(BUSY, { groupBy: 'skillId' }, window);
    const res = await api.post(metricsPath(), body);
    const groups = res.data.groupBy.groups as Group[];
    const all = res.data.all.metrics as Record<string, number>;
    for (const f of COUNTS) assert.equal(all[f], sum(groups, f), f);
    assert.ok(all.closedConversations! > 100);

    const human = everything(BUSY, { groupBy: 'skillId' }, { ...window, userTypes: ['HUMAN'] });
    const h = await api.post(metricsPath(), human);
    const hg = h.data.groupBy.groups as Group[];
    const hAll = h.data.all.metrics as Record<string, number>;
    const near = (a: number, b: number) => Math.abs(a - b) <= 0.01 + 1e-6 * Math.abs(b);
    const avgWait = weighted(hg, 'avgWaitTime', 'totalNumOfAgentResponses');
    assert.ok(near(hAll.avgWaitTime!, avgWait), `${hAll.avgWaitTime} vs ${avgWait}`);
    const duration = weighted(hg, 'avgConversationsDuration', 'closedConversations');
    assert.ok(
      near(hAll.avgConversationsDuration!, duration),
      `${hAll.avgConversationsDuration} vs ${duration}`,
    );

    // By agent group, events without an agent (queue, abandons) belong to no group; restricted to
    // agents, the groups add up again.
    const groupIds = sim.center.agentGroups.filter((g) => !g.deleted).map((g) => g.id);
    const byGroup = everything(BUSY, { groupBy: 'agentGroupId' }, { ...window, agentGroupIds: groupIds });
    const g = await api.post(metricsPath(), byGroup);
    for (const f of COUNTS) assert.equal(g.data.all.metrics[f], sum(g.data.groupBy.groups as Group[], f), f);
    assert.equal(g.data.all.metrics.unassignedConversations, 0);
  });

  it('answers `all` flat when started with allShape: flat', async () => {
    const flat = await startSimulator({ now: BUSY, allShape: 'flat' });
    try {
      const res = await http(flat).post(metricsPath(), everything(BUSY));
      assert.equal(typeof res.data.all.closedConversations, 'number');
      assert.equal(res.data.all.metrics, undefined);
      assert.equal(res.data.groupBy, undefined, 'no groupBy: no groupBy section');
      assert.equal(res.data.metadata.count, 0);
    } finally {
      await flat.close();
    }
  });

  it('includeSubGroups adds the descendants into each group, averages from the events', async () => {
    const api = http(sim);
    const filters = { time: { from: BUSY - 4 * HOUR_MS, to: BUSY }, userTypes: ['HUMAN'] };
    const own = byKey(await allGroups(api, everything(BUSY, { groupBy: 'agentGroupId' }, filters)));
    const withSubs = byKey(
      await allGroups(
        api,
        everything(BUSY, { groupBy: 'agentGroupId' }, { ...filters, includeSubGroups: true }),
      ),
    );
    const family: Record<string, string[]> = {
      '-1': ['-1', '502', '503', '504', '505', '506', '507'],
      '502': ['502', '504', '505'],
      '503': ['503', '506'],
      '504': ['504'],
    };
    for (const [parent, members] of Object.entries(family)) {
      for (const f of ['closedConversations', 'assignedConversations', 'onlineAgents', 'availableSlots']) {
        const expected = members.reduce((a, m) => a + own.get(m)![f]!, 0);
        assert.equal(withSubs.get(parent)![f], expected, `${parent} ${f}`);
      }
      const n = members.reduce((a, m) => a + own.get(m)!.totalNumOfAgentResponses!, 0);
      const avg =
        members.reduce((a, m) => a + own.get(m)!.avgWaitTime! * own.get(m)!.totalNumOfAgentResponses!, 0) / n;
      assert.ok(Math.abs(withSubs.get(parent)!.avgWaitTime! - avg) < 0.01, `${parent} avgWaitTime`);
    }
    assert.ok(withSubs.get('502')!.closedConversations! > own.get('502')!.closedConversations!);
  });

  it('splits HUMAN and BOT traffic: the bot skill has no human numbers and vice versa', async () => {
    const api = http(sim);
    const filters = { time: { from: BUSY - 4 * HOUR_MS, to: BUSY } };
    const any = byKey(await allGroups(api, everything(BUSY, { groupBy: 'skillId' }, filters)));
    const human = byKey(
      await allGroups(api, everything(BUSY, { groupBy: 'skillId' }, { ...filters, userTypes: ['HUMAN'] })),
    );
    const bot = byKey(
      await allGroups(api, everything(BUSY, { groupBy: 'skillId' }, { ...filters, userTypes: ['BOT'] })),
    );
    const triage = human.get('1010')!;
    for (const f of [
      'closedConversations',
      'assignedConversations',
      'onlineAgents',
      'totalNumOfAgentResponses',
    ]) {
      assert.equal(triage[f], 0, `human ${f} on Bot Triage`);
    }
    assert.ok(bot.get('1010')!.closedConversations! > 0);
    assert.ok(bot.get('1010')!.onlineAgents! >= 6);
    assert.equal(bot.get('1001')!.closedConversations, 0, 'no bot closes Billing');
    assert.ok(human.get('1001')!.closedConversations! > 0);
    for (const [key, m] of any) {
      for (const f of [
        'closedConversations',
        'assignedConversations',
        'unassignedConversations',
        'onlineAgents',
      ]) {
        assert.equal(m[f], (human.get(key)?.[f] ?? 0) + (bot.get(key)?.[f] ?? 0), `${key} ${f}`);
      }
    }
    assert.ok(bot.get('1002')!.closedConversations! > 0, 'bots take some Sales too');
  });

  it('returns exactly the requested metrics, in groups and in all', async () => {
    const byTime: ByTimeMetric[] = ['csat', 'closed_by_agent'];
    const res = await http(sim).post(metricsPath(), {
      filters: { time: { from: BUSY - HOUR_MS, to: BUSY } },
      groupBy: 'skillId',
      metricsToRetrieveByTime: byTime,
      metricsToRetrieveCurrentValue: ['queue_wait_time_90th_percentile'],
    });
    const expected = ['csat', 'closedByAgent', 'queueWaitTime90thPercentile'].sort();
    // csat is left out of a record without CSAT answers (see the next test).
    const withoutCsat = expected.filter((f) => f !== 'csat');
    for (const g of res.data.groupBy.groups as Group[]) {
      const keys = Object.keys(g.metrics).sort();
      assert.ok(
        JSON.stringify(keys) === JSON.stringify(expected) ||
          JSON.stringify(keys) === JSON.stringify(withoutCsat),
        `${g.key}: ${keys.join(',')}`,
      );
    }
    assert.deepEqual(Object.keys(res.data.all.metrics).sort(), expected);
    assert.deepEqual(byTime.map(fieldOf), ['csat', 'closedByAgent']);
    for (const g of res.data.groupBy.groups as Group[]) {
      if (g.metrics.csat !== undefined) assert.ok(g.metrics.csat >= 0 && g.metrics.csat <= 1);
      assert.ok(Number.isInteger(g.metrics.queueWaitTime90thPercentile));
    }
    assert.ok((res.data.groupBy.groups as Group[]).some((g) => g.metrics.csat !== undefined));
  });

  it('leaves csat out of a record (a group or all) with no CSAT answer in the window, never 0', async () => {
    // An independent count of the survey answers per skill, from the same synthetic account.
    const model = new Simulation({ accountId: ACCOUNT, seed: DEFAULT_SEED });
    const answers = (from: number, to: number): Map<string, number> => {
      const out = new Map<string, number>();
      model.traffic.forEach(from - LOOKBACK_MS, to, undefined, (c) => {
        if (c.csatAt === undefined || c.csatAt < from || c.csatAt > to) return;
        const key = model.traffic.routes[c.route]!.skillId;
        out.set(key, (out.get(key) ?? 0) + 1);
      });
      return out;
    };
    let absent = 0;
    let present = 0;
    for (const [from, to] of [
      [BUSY - HOUR_MS, BUSY],
      [BUSY - 10 * 60_000, BUSY],
      [BUSY - 60_000, BUSY],
    ] as const) {
      const res = await http(sim).post(metricsPath(), {
        filters: { time: { from, to } },
        groupBy: 'skillId',
        metricsToRetrieveByTime: ['csat', 'closed_conversations'],
      });
      assert.equal(res.status, 200);
      const counted = answers(from, to);
      for (const g of res.data.groupBy.groups as Group[]) {
        const n = counted.get(g.key) ?? 0;
        assert.equal('csat' in g.metrics, n > 0, `${g.key} over ${(to - from) / 60_000} min: ${n} answers`);
        assert.equal(typeof g.metrics.closedConversations, 'number', 'other metrics stay, 0 or not');
        if (n > 0) present++;
        else absent++;
      }
      const total = [...counted.values()].reduce((a, b) => a + b, 0);
      assert.equal('csat' in res.data.all.metrics, total > 0, `all over ${(to - from) / 60_000} min`);
    }
    assert.ok(absent > 0 && present > 0, `${absent} records without answers, ${present} with`);
    // A night minute (windows are whole minutes) without a single answer: all has no csat either.
    const quiet = await http(sim).post(metricsPath(), {
      filters: { time: { from: NIGHT - 60_000, to: NIGHT } },
      metricsToRetrieveByTime: ['csat', 'closed_conversations'],
    });
    assert.equal(answers(NIGHT - 60_000, NIGHT).size, 0);
    assert.deepEqual(Object.keys(quiet.data.all.metrics), ['closedConversations']);
  });

  it('shows traffic without a skill as key -1 named NA, and only when it has data', async () => {
    const api = http(sim);
    const day = everything(BUSY, { groupBy: 'skillId' }, { time: { from: BUSY - DAY_MS, to: BUSY } });
    const na = (await allGroups(api, day)).find((g) => g.key === '-1');
    assert.ok(na, 'key -1 present over a day');
    assert.equal(na.keyDescription, 'NA');
    assert.ok(na.metrics.closedConversations! > 0);
    const filtered = await allGroups(api, {
      ...day,
      filters: { ...day.filters, skillIds: ['1001', '1002'] },
    });
    assert.deepEqual(
      filtered.map((g) => g.key),
      ['1001', '1002'],
    );
    const quiet = everything(BUSY, { groupBy: 'skillId' }, { time: { from: BUSY - 60_000, to: BUSY } });
    const bots = await allGroups(api, { ...quiet, filters: { ...quiet.filters, userTypes: ['BOT'] } });
    assert.equal(
      bots.find((g) => g.key === '-1'),
      undefined,
      'no bot traffic without a skill',
    );
  });

  it('filters by skill, agent group and agent', async () => {
    const api = http(sim);
    const filters = { time: { from: BUSY - 4 * HOUR_MS, to: BUSY } };
    const skills = await allGroups(
      api,
      everything(BUSY, { groupBy: 'skillId' }, { ...filters, agentGroupIds: ['505'] }),
    );
    const map = byKey(skills);
    assert.ok(map.get('1001')!.closedConversations! > 0, 'Billing Team closes Billing');
    assert.equal(map.get('1003')!.closedConversations, 0, 'Billing Team never gets Hardware');
    const agent = sim.center.agents.find((a) => a.groupId === '505')!;
    const one = await api.post(
      metricsPath(),
      everything(BUSY, { groupBy: 'agentGroupId' }, { ...filters, agentIds: [agent.id] }),
    );
    for (const g of one.data.groupBy.groups as Group[]) {
      if (g.key !== '505') assert.equal(g.metrics.closedConversations, 0, g.key);
    }
    assert.ok(one.data.all.metrics.onlineAgents <= 1);
  });

  it('answers 400 JSON with a helpful message for invalid requests', async () => {
    const api = http(sim);
    const cases: [string, unknown, RegExp][] = [
      [metricsPath(), { metricsToRetrieveByTime: ['csat'] }, /time window is required/],
      [metricsPath(), { filters: { time: { from: BUSY - 2 * DAY_MS, to: BUSY } } }, /at most 24 h/],
      [
        metricsPath(),
        everything(BUSY, { metricsToRetrieveByTime: ['avg_wiat_time'] }),
        /Unknown by-time metrics: avg_wiat_time/,
      ],
      [metricsPath(), everything(BUSY, { groupBy: 'skill' }), /group by skillId or agentGroupId/],
      [metricsPath('sort=waitTime:desc'), everything(BUSY), /cannot sort by 'waitTime'/],
      [metricsPath(), everything(BUSY, { responseSections: ['groupBy'] }), /without groupBy/],
    ];
    for (const [path, body, message] of cases) {
      const res = await api.post(path, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.data.error.responseStatus, 400);
      assert.equal(res.data.error.time, BUSY);
      assert.equal(typeof res.data.error.internalCode, 'number');
      assert.match(res.data.error.message, message);
    }
    const broken = await api.post(metricsPath(), '{"filters": ', {
      headers: { 'Content-Type': 'application/json' },
      transformRequest: [(d: unknown) => d],
    });
    assert.equal(broken.status, 400);
    assert.match(broken.data.error.message, /not valid JSON/);
  });

  it('answers 404 for another account and 405 for GET', async () => {
    const api = http(sim);
    const other = await api.post('/manager_workspace/api/account/42/metrics', everything(BUSY));
    assert.equal(other.status, 404);
    const get = await api.get(metricsPath());
    assert.equal(get.status, 405);
  });
});
