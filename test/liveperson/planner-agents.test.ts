import { strict as assert } from 'node:assert';
import { validateAgentViewRequest } from '../../src/liveperson/contract/agent-view';
import { planAgents, planBotsProbe } from '../../src/liveperson/planner';
import { resolveWindow } from '../../src/domain/window';
import type { AgentsQuery } from '../../src/domain/query';

const NOW = Date.UTC(2026, 10, 25, 15, 0, 30);

function agents(over: Partial<AgentsQuery> = {}): AgentsQuery {
  return {
    kind: 'agents',
    of: 'skill',
    name: 'billing',
    window: { kind: 'last', ms: 4 * 3_600_000 },
    public: false,
    ...over,
  };
}

function planFor(query: AgentsQuery, ids: string[], page?: number) {
  const w = resolveWindow(query.window, NOW, 'UTC');
  assert.ok(w.ok);
  return planAgents(query, w.window, { ids }, page);
}

describe('planAgents', () => {
  it('a skill: the agents assigned it (agentSkillIds), logged in, busiest first, page 1 of 10', () => {
    const plan = planFor(agents(), ['1001']);
    const { body, sort, offset, limit } = plan.request;
    assert.deepEqual(body.filters.agentSkillIds, ['1001']);
    assert.equal(body.filters.agentGroupIds, undefined);
    assert.deepEqual(body.filters.effectiveAgentStatus, ['ONLINE', 'AWAY', 'BACK_SOON']);
    assert.deepEqual(body.filters.time, { from: NOW - 4 * 3_600_000, to: NOW });
    assert.deepEqual(sort, { key: 'agentLoad', order: 'desc' });
    assert.equal(offset, 0);
    assert.equal(limit, 10);
    assert.equal(plan.rowsOffset, 0);
    assert.equal(plan.page, 1);
  });

  it('a group: the group and every sub-group the directory resolved (agentGroupIds)', () => {
    const plan = planFor(agents({ of: 'group', name: 'tier 1' }), ['502', '504', '505']);
    assert.deepEqual(plan.request.body.filters.agentGroupIds, ['502', '504', '505']);
    assert.equal(plan.request.body.filters.agentSkillIds, undefined);
  });

  it('asks status and since when, load, assigned, active and slots now; closed and response over the window', () => {
    const { body } = planFor(agents(), ['1001']).request;
    assert.deepEqual([...body.metricsToRetrieveCurrentValue!].sort(), [
      'active_conversations',
      'agent_current_status',
      'agent_current_status_start_time',
      'agent_load',
      'assigned_conversations',
      'max_slots',
    ]);
    assert.deepEqual(body.metricsToRetrieveByTime, ['closed_conversations', 'avg_time_to_response']);
    assert.equal(body.includeAgentMetadata, true, 'names come with the records');
  });

  it('page n is offset (n-1)×10; pages past LivePerson’s 1000 reachable agents are clamped', () => {
    const third = planFor(agents(), ['1001'], 3);
    assert.equal(third.request.offset, 20);
    assert.equal(third.rowsOffset, 20);
    assert.equal(third.page, 3);
    const far = planFor(agents(), ['1001'], 5000);
    assert.equal(far.page, 100);
    assert.equal(far.request.offset! + far.request.limit!, 1000);
  });

  it('audience: humans and bots become userTypes; everyone is asked once and the bots probed', () => {
    assert.deepEqual(planFor(agents({ audience: 'humans' }), ['1001']).request.body.filters.userTypes, [
      'HUMAN',
    ]);
    assert.deepEqual(planFor(agents({ audience: 'bots' }), ['1001']).request.body.filters.userTypes, ['BOT']);
    const everyone = planFor(agents(), ['1001']);
    assert.equal(everyone.request.body.filters.userTypes, undefined);
    assert.equal(everyone.probeBots, true);
    assert.equal(planFor(agents({ audience: 'humans' }), ['1001']).probeBots, false);
  });

  it('the bots probe asks those agents by id, bots only, in any status, with nothing else', () => {
    const plan = planFor(agents(), ['1001']);
    const probe = planBotsProbe(plan, ['7001', '7055']);
    assert.deepEqual(probe.body.filters.agentIds, ['7001', '7055']);
    assert.deepEqual(probe.body.filters.userTypes, ['BOT']);
    assert.deepEqual(probe.body.filters.effectiveAgentStatus, ['ONLINE', 'OFFLINE', 'AWAY', 'BACK_SOON']);
    assert.deepEqual(probe.body.filters.time, plan.request.body.filters.time);
    assert.equal(probe.body.includeAgentMetadata, false);
    assert.equal(probe.body.metricsToRetrieveCurrentValue, undefined);
    assert.equal(probe.limit, 2);
  });

  it('every plan is a request LivePerson accepts', () => {
    for (const [query, ids, page] of [
      [agents(), ['1001'], 1],
      [agents({ of: 'group', audience: 'bots' }), ['502', '504'], 7],
      [agents({ window: { kind: 'today' } }), ['1001'], 100],
    ] as const) {
      const plan = planFor(query, [...ids], page);
      for (const req of [plan.request, planBotsProbe(plan, ['7001'])]) {
        const v = validateAgentViewRequest({ ...req }, NOW);
        assert.ok(v.ok, JSON.stringify(!v.ok && v.issues));
      }
    }
  });

  it('without resolved ids an agents query is a programming error', () => {
    assert.throws(() => planFor(agents(), []), TypeError);
  });
});
