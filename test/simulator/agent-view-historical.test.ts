import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';
import { startSimulator, type Simulator } from '../../src/simulator';
import { ACCOUNT, BUSY, NIGHT, http, metricsPath } from './helpers';

const agentView = (q = '') => `/manager_workspace/api/account/${ACCOUNT}/agent_view${q ? `?${q}` : ''}`;
const historical = (q = '') => `/manager_workspace/api/account/${ACCOUNT}/historical${q ? `?${q}` : ''}`;

interface AgentRecord {
  agentId: string;
  agentGroupId: number;
  agentCurrentStatus: string;
  agentMetadata?: {
    agentName: string;
    agentNickname: string;
    agentLoginName: string;
    agentGroupName: string;
    configuredMaxSlots: number;
    agentSkills: { skillId: number; skillName: string }[];
  };
  [metric: string]: unknown;
}

describe('simulator: agent_view', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY });
  });
  after(() => sim.close());
  const time = { from: BUSY - 4 * HOUR_MS, to: BUSY };

  it('lists logged-in agents by agentId with metadata and the requested metrics', async () => {
    const res = await http(sim).post(agentView(), {
      filters: { time },
      metricsToRetrieveByTime: [
        'closed_conversations',
        'avg_wait_time',
        'csat',
        'transfers',
        'agent_online_duration',
      ],
      metricsToRetrieveCurrentValue: [
        'assigned_conversations',
        'agent_load',
        'agent_current_status',
        'agent_current_status_start_time',
        'agent_current_status_reason',
        'available_slots',
        'max_slots',
      ],
    });
    assert.equal(res.status, 200);
    const records = res.data.agentViewRecords as AgentRecord[];
    assert.ok(records.length > 20);
    assert.equal(res.data.metadata.count, records.length);
    assert.ok(
      records.every((r) => r.agentCurrentStatus !== 'OFFLINE'),
      'default: everyone but OFFLINE',
    );
    const ids = records.map((r) => Number(r.agentId));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    for (const r of records) {
      const agent = sim.center.agents.find((a) => a.id === r.agentId)!;
      assert.equal(r.agentGroupId, Number(agent.groupId));
      assert.equal(r.agentMetadata?.agentName, agent.name);
      assert.equal(r.agentMetadata?.agentLoginName, agent.loginName);
      assert.equal(r.agentMetadata?.configuredMaxSlots, agent.maxSlots);
      assert.deepEqual(
        r.agentMetadata?.agentSkills.map((s) => String(s.skillId)),
        agent.skillIds,
      );
      assert.equal(r.maxSlots, agent.maxSlots);
      assert.ok(['ONLINE', 'AWAY', 'BACK_SOON'].includes(r.agentCurrentStatus));
      assert.ok((r.agentCurrentStatusStartTime as number) <= BUSY);
      assert.equal(typeof r.agentCurrentStatusReason, 'string');
      if (r.agentCurrentStatus === 'AWAY') assert.notEqual(r.agentCurrentStatusReason, '');
      // Status durations leave out bots, as documented.
      if (agent.type === 'BOT') assert.equal(r.onlineDuration, undefined);
      else assert.ok((r.onlineDuration as number) <= 4 * HOUR_MS);
      // csat only where someone answered the survey (see below); the rest always.
      if (r.csat !== undefined) assert.ok((r.csat as number) >= 0 && (r.csat as number) <= 1);
      for (const k of [
        'closedConversations',
        'avgWaitTime',
        'transfers',
        'assignedConversations',
        'agentLoad',
        'availableSlots',
      ]) {
        assert.equal(typeof r[k], 'number', k);
      }
      if (r.agentCurrentStatus !== 'ONLINE') assert.equal(r.availableSlots, 0);
    }
    const closed = records.reduce((a, r) => a + (r.closedConversations as number), 0);
    assert.ok(closed > 100);
  });

  it('leaves csat out of an agent record with no CSAT answer in the window, never 0', async () => {
    const res = await http(sim).post(agentView(), {
      filters: { time: { from: BUSY - 30 * 60_000, to: BUSY } },
      metricsToRetrieveByTime: ['csat', 'closed_conversations'],
      includeAgentMetadata: false,
    });
    const records = res.data.agentViewRecords as AgentRecord[];
    const without = records.filter((r) => !('csat' in r));
    const withCsat = records.filter((r) => 'csat' in r);
    assert.ok(
      without.length > 0 && withCsat.length > 0,
      `${without.length} without, ${withCsat.length} with`,
    );
    // An agent who closed nothing in the window had no survey to be answered.
    for (const r of records) if (r.closedConversations === 0) assert.ok(!('csat' in r), r.agentId);
    for (const r of records) assert.equal(typeof r.closedConversations, 'number');
    for (const r of withCsat) assert.ok((r.csat as number) >= 0 && (r.csat as number) <= 1);
  });

  it('agrees with metrics for an agent group', async () => {
    const api = http(sim);
    const av = await api.post(agentView(), {
      filters: {
        time,
        agentGroupIds: ['505'],
        effectiveAgentStatus: ['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'],
      },
      metricsToRetrieveByTime: ['closed_conversations'],
      metricsToRetrieveCurrentValue: ['assigned_conversations'],
    });
    const m = await api.post(metricsPath(), {
      filters: { time, agentGroupIds: ['505'] },
      metricsToRetrieveByTime: ['closed_conversations'],
      metricsToRetrieveCurrentValue: ['assigned_conversations'],
    });
    const records = av.data.agentViewRecords as AgentRecord[];
    assert.equal(records.length, 12);
    const sum = (k: string) => records.reduce((a, r) => a + (r[k] as number), 0);
    assert.equal(sum('closedConversations'), m.data.all.metrics.closedConversations);
    assert.equal(sum('assignedConversations'), m.data.all.metrics.assignedConversations);
  });

  it('filters by agentSkillIds, userTypes and effectiveAgentStatus; leaves metadata out on request', async () => {
    const api = http(sim);
    const bots = await api.post(agentView(), {
      filters: { time, agentSkillIds: ['1010'] },
      includeAgentMetadata: false,
    });
    const botRecords = bots.data.agentViewRecords as AgentRecord[];
    assert.equal(botRecords.length, 8);
    assert.ok(botRecords.every((r) => r.agentGroupId === 507 && r.agentMetadata === undefined));
    const humans = await api.post(agentView(), { filters: { time, userTypes: ['HUMAN'] } });
    assert.ok((humans.data.agentViewRecords as AgentRecord[]).every((r) => r.agentGroupId !== 507));
    const nightSim = await startSimulator({ now: NIGHT });
    try {
      const off = await http(nightSim).post(agentView(), {
        filters: { time: { from: NIGHT - HOUR_MS, to: NIGHT }, effectiveAgentStatus: ['OFFLINE'] },
      });
      const offline = off.data.agentViewRecords as AgentRecord[];
      assert.ok(off.data.metadata.count > 30, 'most of the day staff is off at 03:00');
      assert.ok(offline.every((r) => r.agentCurrentStatus === 'OFFLINE'));
    } finally {
      await nightSim.close();
    }
  });

  it('sorts and pages', async () => {
    const api = http(sim);
    const body = { filters: { time }, metricsToRetrieveByTime: ['closed_conversations'] };
    const first = await api.post(agentView('limit=10&sort=closedConversations:desc'), body);
    const records = first.data.agentViewRecords as AgentRecord[];
    assert.equal(records.length, 10);
    for (let i = 1; i < records.length; i++) {
      assert.ok(
        (records[i - 1]!.closedConversations as number) >= (records[i]!.closedConversations as number),
      );
    }
    assert.match(
      first.data.metadata.next.href,
      /agent_view\?offset=10&limit=10&sort=closedConversations:desc$/,
    );
    assert.equal(first.data.metadata.prev, undefined);
    const second = await api.post(first.data.metadata.next.href, body);
    const overlap = (second.data.agentViewRecords as AgentRecord[]).filter((r) =>
      records.some((x) => x.agentId === r.agentId),
    );
    assert.equal(overlap.length, 0);
  });

  it("names the status fields as LivePerson's agent_view page does, over the window", async () => {
    const res = await http(sim).post(agentView(), {
      filters: { time, userTypes: ['HUMAN'] },
      includeAgentMetadata: 'false',
      metricsToRetrieveByTime: [
        'agent_status_duration',
        'agent_status_with_reason_duration',
        'agent_login_duration',
        'agent_online_duration',
        'close_rate',
        'closed_conversations',
        'concluded_conversations',
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.data));
    const records = res.data.agentViewRecords as AgentRecord[];
    assert.ok(records.length > 10);
    for (const r of records) {
      assert.equal(r.agentMetadata, undefined, 'includeAgentMetadata: "false" is read as false');
      const list = r.agentStatusDurationList as { agentStatus: string; agentStatusDuration: number }[];
      assert.ok(Array.isArray(list), 'agentStatusDurationList is an array');
      for (const e of list) {
        assert.ok(['ONLINE', 'AWAY', 'BACK_SOON'].includes(e.agentStatus), e.agentStatus);
        assert.ok(e.agentStatusDuration > 0);
      }
      const total = list.reduce((a, e) => a + e.agentStatusDuration, 0);
      assert.equal(r.loginDuration, total, 'logged in = the sum over logged-in statuses');
      assert.equal(r.onlineDuration, list.find((e) => e.agentStatus === 'ONLINE')?.agentStatusDuration ?? 0);
      assert.ok(r.loginDuration <= 4 * HOUR_MS);
      const withReason = r.agentStatusWithReasonDurationList as {
        agentStatus: string;
        agentStatusReasonId: string;
        agentStatusDuration: number;
      }[];
      assert.equal(
        withReason.reduce((a, e) => a + e.agentStatusDuration, 0),
        total,
      );
      assert.ok(withReason.every((e) => typeof e.agentStatusReasonId === 'string'));
      const concluded = r.concludedConversations as number;
      const expected =
        concluded > 0 ? Math.round(((r.closedConversations as number) / concluded) * 1000) / 1000 : 0;
      assert.equal(r.closeRate, expected);
      for (const old of ['agentStatusDuration', 'agentLoginDuration', 'agentOnlineDuration', 'closedRate']) {
        assert.equal(r[old], undefined, `no ${old}`);
      }
    }
    assert.ok(
      records.some((r) => (r.agentStatusDurationList as unknown[]).length > 1),
      'breaks show up',
    );
  });

  it('sorts by every documented key, and not by availableSlots', async () => {
    const api = http(sim);
    const body = { filters: { time }, metricsToRetrieveByTime: ['close_rate'] };
    for (const key of [
      'closedRate',
      'transferRate',
      'agentStatus',
      'maxSlots',
      'fcr',
      'nps',
      'concludedConversations',
    ]) {
      const res = await api.post(agentView(`sort=${key}:desc`), body);
      assert.equal(res.status, 200, `${key}: ${JSON.stringify(res.data)}`);
    }
    const byRate = (await api.post(agentView('sort=closedRate:desc'), body)).data
      .agentViewRecords as AgentRecord[];
    for (let i = 1; i < byRate.length; i++)
      assert.ok((byRate[i - 1]!.closeRate as number) >= (byRate[i]!.closeRate as number));
    const slots = await api.post(agentView('sort=availableSlots:desc'), body);
    assert.equal(slots.status, 400);
    assert.match(slots.data.error.message, /cannot be sorted by 'availableSlots'/);
  });

  it('answers 400 for invalid requests', async () => {
    const api = http(sim);
    const robots = await api.post(agentView(), { filters: { time, userTypes: ['ROBOT'] } });
    assert.equal(robots.status, 400);
    assert.match(robots.data.error.message, /ROBOT/);
    const noTime = await api.post(agentView(), { filters: {} });
    assert.equal(noTime.status, 400);
    const sort = await api.post(agentView('sort=mood:asc'), { filters: { time } });
    assert.equal(sort.status, 400);
  });
});

describe('simulator: historical', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY });
  });
  after(() => sim.close());
  const day = { from: BUSY - DAY_MS, to: BUSY };

  it('answers one point per interval, each covering the interval before its timestamp', async () => {
    const api = http(sim);
    const res = await api.post(historical('interval=60'), {
      filters: { time: day },
      metricsToRetrieveByTime: ['closed_conversations', 'transfers'],
    });
    assert.equal(res.status, 200);
    const points = res.data.historicalMetricsIntervals as {
      timestamp: number;
      values: Record<string, number>;
    }[];
    assert.equal(points.length, 24);
    points.forEach((p, i) => {
      assert.equal(p.timestamp, day.from + (i + 1) * HOUR_MS);
      assert.deepEqual(Object.keys(p.values).sort(), ['closedConversations', 'transfers']);
    });
    // The points add up to the metrics total for the same window.
    const m = await api.post(metricsPath(), {
      filters: { time: day },
      metricsToRetrieveByTime: ['closed_conversations'],
    });
    const total = points.reduce((a, p) => a + p.values.closedConversations!, 0);
    assert.equal(total, m.data.all.metrics.closedConversations);
    assert.ok(points.some((p) => p.values.transfers! > 0));
    const night = points.find((p) => new Date(p.timestamp).getUTCHours() === 4)!;
    const noon = points.find((p) => new Date(p.timestamp).getUTCHours() === 11)!;
    assert.ok(noon.values.closedConversations! > 3 * night.values.closedConversations!);
  });

  it('picks the interval itself when none is given and honours filters', async () => {
    const api = http(sim);
    const res = await api.post(historical(), {
      filters: { time: { from: BUSY - 6 * HOUR_MS, to: BUSY }, skillIds: ['1010'], userTypes: ['HUMAN'] },
      metricsToRetrieveByTime: ['concluded_conversations'],
    });
    assert.equal(res.status, 200);
    const points = res.data.historicalMetricsIntervals as {
      timestamp: number;
      values: Record<string, number>;
    }[];
    assert.equal(points.length, 72, '5-minute points over 6 h');
    assert.ok(
      points.every((p) => p.values.concludedConversations === 0),
      'no human on Bot Triage',
    );
  });

  it('interval=0 lets the server pick, as documented', async () => {
    const res = await http(sim).post(historical('interval=0'), {
      filters: { time: { from: BUSY - 6 * HOUR_MS, to: BUSY } },
      metricsToRetrieveByTime: ['closed_conversations'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.data));
    assert.equal(res.data.historicalMetricsIntervals.length, 72, '5-minute points over 6 h');
  });

  it('leaves out points whose interval starts after now', async () => {
    const res = await http(sim).post(historical('interval=30'), {
      filters: { time: { from: BUSY - HOUR_MS, to: BUSY + HOUR_MS } },
      metricsToRetrieveByTime: ['closed_conversations'],
    });
    const points = res.data.historicalMetricsIntervals as {
      timestamp: number;
      values: Record<string, number>;
    }[];
    assert.deepEqual(
      points.map((p) => p.timestamp - BUSY),
      [-30, 0, 30].map((m) => m * 60_000),
    );
    assert.equal(points[2]!.values.closedConversations, 0, 'nothing has happened after now');
  });

  it('answers 400 for metrics it does not keep, too many points or a window older than 24 h', async () => {
    const api = http(sim);
    const csat = await api.post(historical(), { filters: { time: day }, metricsToRetrieveByTime: ['csat'] });
    assert.equal(csat.status, 400);
    assert.match(csat.data.error.message, /Unknown trend metrics: csat/);
    const many = await api.post(historical('interval=5'), {
      filters: { time: day },
      metricsToRetrieveByTime: ['transfers'],
    });
    assert.equal(many.status, 400);
    assert.match(many.data.error.message, /more than 100 points/);
    const old = await api.post(historical(), {
      filters: { time: { from: BUSY - 2 * DAY_MS, to: BUSY - DAY_MS - HOUR_MS } },
      metricsToRetrieveByTime: ['transfers'],
    });
    assert.equal(old.status, 400);
  });
});
