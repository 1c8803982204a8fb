import { strict as assert } from 'node:assert';
import { BY_TIME_METRICS, CURRENT_VALUE_METRICS } from '../../src/liveperson/contract/catalog';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import { validateKmmRequest } from '../../src/liveperson/contract/metrics-request';
import { startSimulator, type Simulator } from '../../src/simulator';
import { answerMetrics } from '../../src/simulator/metrics-answer';
import { Simulation } from '../../src/simulator/simulation';
import { ACCOUNT, BUSY, NIGHT, everything, http, metricsPath, type Group } from './helpers';

const agentView = '/manager_workspace/api/account/13350576/agent_view';
const historical = '/manager_workspace/api/account/13350576/historical';

async function billingNow(sim: Simulator, at: number): Promise<Record<string, number>> {
  sim.setNow(at);
  const res = await http(sim).post(
    metricsPath(),
    everything(at, { groupBy: 'skillId' }, { skillIds: ['1001'] }),
  );
  return (res.data.groupBy.groups as Group[])[0]!.metrics;
}

describe('simulator: the synthetic contact center', () => {
  it('has the roster of the simulator roster', async () => {
    const sim = await startSimulator();
    try {
      const { skills, agentGroups, agents } = sim.center;
      const live = skills.filter((s) => !s.deleted);
      assert.ok(live.length >= 8);
      assert.ok(live.some((s) => s.name.includes('&')) && live.some((s) => s.name.includes('<')));
      assert.deepEqual(
        skills.filter((s) => s.deleted).map((s) => s.id),
        ['1099'],
      );
      assert.equal(agentGroups.find((g) => g.id === '505')?.parentGroupId, '502');
      assert.ok(agents.length >= 60);
      assert.ok(agents.filter((a) => a.type === 'HUMAN').length >= 50);
      const bots = agents.filter((a) => a.type === 'BOT');
      assert.ok(bots.length >= 6);
      for (const b of bots) {
        assert.equal(b.groupId, '507');
        assert.ok(b.skillIds.includes('1010'));
      }
      assert.ok(agents.filter((a) => a.type === 'HUMAN').every((a) => !a.skillIds.includes('1010')));
      assert.equal(new Set(agents.map((a) => a.id)).size, agents.length);
      assert.equal(new Set(agents.map((a) => a.loginName)).size, agents.length);
      for (const a of agents) assert.ok(a.name && a.nickname && a.maxSlots > 0 && a.skillIds.length > 0);
    } finally {
      await sim.close();
    }
  });

  it('renames skills, agent groups and agents by id: Account Config and KMM say the new names, traffic is unchanged', async () => {
    const names = {
      skills: { '1001': '<!channel> Billing & <b>co</b>' },
      agentGroups: { '502': 'x'.repeat(300) },
      agents: { '7003': 'Agent <@U123>' },
    };
    const plain = await startSimulator({ now: BUSY });
    const sim = await startSimulator({ now: BUSY, names });
    try {
      const skills = await http(sim).get(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`);
      assert.equal(
        (skills.data as { id: number; name: string }[]).find((s) => String(s.id) === '1001')?.name,
        names.skills['1001'],
      );
      const groups = await http(sim).get(`/api/account/${ACCOUNT}/configuration/le-users/agentGroups?v=2.0`);
      assert.equal(
        (groups.data as { id: number; name: string }[]).find((g) => String(g.id) === '502')?.name,
        names.agentGroups['502'],
      );
      assert.equal(sim.center.agents.find((a) => a.id === '7003')?.name, 'Agent <@U123>');
      const view = await http(sim).post(`/manager_workspace/api/account/${ACCOUNT}/agent_view`, {
        filters: { time: { from: BUSY - HOUR_MS, to: BUSY }, agentIds: ['7003'] },
      });
      assert.match(JSON.stringify(view.data), /Agent <@U123>/);
      // Only names change: the same conversations, by id, as the roster with its own names.
      const body = everything(BUSY, { groupBy: 'skillId' });
      const renamedGroups = (await http(sim).post(metricsPath(), body)).data.groupBy.groups as Group[];
      const plainGroups = (await http(plain).post(metricsPath(), body)).data.groupBy.groups as Group[];
      assert.deepEqual(
        renamedGroups.map((g) => [g.key, g.metrics]),
        plainGroups.map((g) => [g.key, g.metrics]),
      );
      assert.equal(renamedGroups.find((g) => g.key === '1001')?.keyDescription, names.skills['1001']);
    } finally {
      await sim.close();
      await plain.close();
    }
    await assert.rejects(
      startSimulator({ names: { skills: { '9999': 'nobody' } } }),
      /No skill with id 9999/,
    );
  });

  it('is deterministic: two simulators with the same seed and clock answer byte for byte alike', async () => {
    const [a, b] = await Promise.all([startSimulator({ now: BUSY }), startSimulator({ now: BUSY })]);
    const c = await startSimulator({ now: BUSY, seed: 7 });
    try {
      const calls: [string, unknown][] = [
        [
          metricsPath('sort=avgWaitTime:desc'),
          everything(BUSY, { groupBy: 'skillId' }, { time: { from: BUSY - DAY_MS, to: BUSY } }),
        ],
        [metricsPath(), everything(BUSY, { groupBy: 'agentGroupId' }, { includeSubGroups: true })],
        [
          agentView,
          {
            filters: { time: { from: BUSY - HOUR_MS, to: BUSY } },
            metricsToRetrieveCurrentValue: ['agent_load'],
          },
        ],
        [
          `${historical}?interval=30`,
          {
            filters: { time: { from: BUSY - 6 * HOUR_MS, to: BUSY } },
            metricsToRetrieveByTime: ['closed_conversations'],
          },
        ],
      ];
      for (const [path, body] of calls) {
        const [x, y, z] = await Promise.all(
          [a, b, c].map((s) =>
            http(s)
              .post(path, body, { responseType: 'text' })
              .then((r) => (r.data as string).split(s.url).join('SIM')),
          ),
        );
        assert.equal(x, y, path);
        assert.notEqual(x, z, `${path}: another seed, other numbers`);
      }
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('generates any slice alone: the answer does not depend on what was generated before', () => {
    const ask = (sim: Simulation, now: number, from: number, to: number) => {
      const v = validateKmmRequest(
        {
          body: {
            filters: { time: { from, to } },
            groupBy: 'skillId',
            metricsToRetrieveByTime: [...BY_TIME_METRICS],
            metricsToRetrieveCurrentValue: [...CURRENT_VALUE_METRICS],
          },
        },
        now,
      );
      assert.ok(v.ok);
      return JSON.stringify(
        answerMetrics({ sim, now, baseUrl: 'http://sim', accountId: '13350576' }, v.value, 'flat'),
      );
    };
    const warm = new Simulation({ accountId: '13350576', seed: 42 });
    ask(warm, BUSY, BUSY - DAY_MS, BUSY);
    const cold = new Simulation({ accountId: '13350576', seed: 42 });
    const slice = [BUSY - 10 * HOUR_MS, BUSY - 9 * HOUR_MS] as const;
    assert.equal(ask(cold, BUSY, ...slice), ask(warm, BUSY, ...slice));
  });

  it('keeps the last 14 days addressable', async () => {
    const sim = await startSimulator({ now: BUSY });
    try {
      const from = BUSY - 14 * DAY_MS + MINUTE_MS;
      const res = await http(sim).post(metricsPath(), {
        filters: { time: { from, to: from + 2 * HOUR_MS } },
        metricsToRetrieveByTime: ['closed_conversations'],
      });
      assert.equal(res.status, 200);
      assert.ok(res.data.all.metrics.closedConversations > 0);
    } finally {
      await sim.close();
    }
  });

  it('moves everything consistently with setNow: same answers as a simulator started at that instant', async () => {
    const moved = await startSimulator({ now: NIGHT });
    const fresh = await startSimulator({ now: BUSY });
    try {
      moved.setNow(BUSY);
      const body = everything(BUSY, { groupBy: 'skillId' });
      const [x, y] = await Promise.all(
        [moved, fresh].map((s) =>
          http(s)
            .post(metricsPath(), body, { responseType: 'text' })
            .then((r) => (r.data as string).split(s.url).join('SIM')),
        ),
      );
      assert.equal(x, y);
    } finally {
      await Promise.all([moved.close(), fresh.close()]);
    }
  });

  it('keeps a running clock running after setNow', async () => {
    let wall = 1_000_000;
    const sim = await startSimulator({ now: () => wall });
    try {
      sim.setNow(BUSY);
      assert.equal(sim.now(), BUSY);
      wall += 5000;
      assert.equal(sim.now(), BUSY + 5000);
    } finally {
      await sim.close();
    }
  });

  it('is plausible: billing queues and runs overdue at busy hours, and is empty at 03:00 UTC', async () => {
    const sim = await startSimulator();
    try {
      const busy = [10, 11, 14, 15].map((h) => Date.UTC(2026, 10, 25, h, 10));
      const night = [0, 10, 20, 30].map((m) => NIGHT + m * MINUTE_MS);
      const busyQueue: number[] = [];
      const busyOverdue: number[] = [];
      const busyLoads: number[] = [];
      const busyClosed: number[] = [];
      for (const t of busy) {
        const m = await billingNow(sim, t);
        busyQueue.push(m.unassignedConversations!);
        busyOverdue.push(m.overdueConversationsTotal!);
        busyLoads.push(m.humanAgentLoad!);
        assert.ok(m.onlineAgents! >= 5, `billing has agents online at ${new Date(t).toISOString()}`);
        busyClosed.push(m.closedConversations!);
      }
      const nightQueue: number[] = [];
      const nightClosed: number[] = [];
      for (const t of night) {
        const m = await billingNow(sim, t);
        nightQueue.push(m.unassignedConversations!);
        nightClosed.push(m.closedConversations!);
        assert.ok(m.onlineAgents! >= 1, 'the night team covers billing');
      }
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      assert.ok(total(busyQueue) >= 4, `busy queue ${busyQueue.join(',')}`);
      assert.ok(total(busyOverdue) >= 1, `busy overdue ${busyOverdue.join(',')}`);
      assert.ok(total(nightQueue) <= 1, `night queue ${nightQueue.join(',')}`);
      assert.ok(
        total(nightClosed) * 5 < total(busyClosed),
        `closed per hour ${nightClosed.join(',')} vs ${busyClosed.join(',')}`,
      );
      for (const l of busyLoads) assert.ok(l > 0.1 && l < 1.5, `load ${l}`);
    } finally {
      await sim.close();
    }
  });

  // Its speed is measured by bench/simulator-answer.ts, not asserted here.
  it('answers a 24 h query over all skills, the same warm as cold', () => {
    const sim = new Simulation({ accountId: '13350576', seed: 42 });
    const now = BUSY;
    const v = validateKmmRequest(
      {
        body: {
          filters: { time: { from: now - DAY_MS, to: now } },
          groupBy: 'skillId',
          metricsToRetrieveByTime: [...BY_TIME_METRICS],
          metricsToRetrieveCurrentValue: [...CURRENT_VALUE_METRICS],
        },
      },
      now,
    );
    assert.ok(v.ok);
    const ctx = { sim, now, baseUrl: 'http://sim', accountId: '13350576' };
    const cold = answerMetrics(ctx, v.value, 'nested') as {
      all: { metrics: { closedConversations: number } };
    };
    assert.ok(cold.all.metrics.closedConversations > 2000);
    for (let i = 0; i < 3; i++) assert.deepEqual(answerMetrics(ctx, v.value, 'nested'), cold);
  });
});
