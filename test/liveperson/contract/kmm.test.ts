import { strict as assert } from 'node:assert';
import seedRequest from '../../fixtures/kmm-seed-request.json';
import seedResponse from '../../fixtures/kmm-seed-response.json';
import {
  BY_TIME_METRICS,
  CURRENT_VALUE_METRICS,
  METRICS,
  SORT_KEYS,
} from '../../../src/liveperson/contract/catalog';
import { DAY_MS, HOUR_MS } from '../../../src/domain/time';
import { loadsAsRatios } from '../../../src/liveperson/contract/load-scale';
import { parseKmmResponse } from '../../../src/liveperson/contract/metrics-response';
import { parseSort, type RawKmmRequest } from '../../../src/liveperson/contract/validation';
import { validateKmmRequest } from '../../../src/liveperson/contract/metrics-request';

const NOW = Date.UTC(2026, 10, 25, 15, 0, 0);
const body = (over: Record<string, unknown> = {}, filters: Record<string, unknown> = {}) => ({
  filters: { time: { from: NOW - HOUR_MS, to: NOW }, ...filters },
  ...over,
});

function issuesOf(raw: RawKmmRequest, now = NOW): string[] {
  const r = validateKmmRequest(raw, now);
  assert.equal(r.ok, false, 'expected the request to be rejected');
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe('KMM vocabulary', () => {
  it('knows every name the Metrics documentation lists (by-time, current-value, sort keys)', () => {
    const documentedByTime = [
      'avg_wait_time',
      'avg_wait_time_first_response',
      'avg_time_to_response',
      'avg_time_to_first_response_first_assignment',
      'closed_conversations',
      'closed_by_agent',
      'closed_by_consumer',
      'auto_closed',
      'concluded_conversations',
      'csat',
    ];
    const documentedCurrent = [
      'assigned_conversations',
      'unassigned_conversations',
      'active_conversations',
      'agent_load',
      'human_agent_load',
      'human_online_load',
      'human_away_load',
      'online_agents',
      'back_soon_agents',
      'away_agents',
      'available_slots',
      'open_conversations',
      'overdue_conversations_in_queue',
      'overdue_conversations_assigned',
      'overdue_conversations_total',
      'queue_wait_time_50th_percentile',
      'queue_wait_time_90th_percentile',
    ];
    const documentedSort = [
      'agentLoad',
      'humanAgentLoad',
      'closedConversations',
      'avgTimeToResponse',
      'avgTimeToFirstResponseFirstAssignment',
      'avgWaitTime',
      'avgWaitTimeFirstResponse',
      'assignedConversations',
      'activeConversations',
      'onlineAgents',
      'awayAgents',
      'backSoonAgents',
      'key',
    ];
    for (const m of documentedByTime) assert.ok((BY_TIME_METRICS as readonly string[]).includes(m), m);
    for (const m of documentedCurrent) assert.ok((CURRENT_VALUE_METRICS as readonly string[]).includes(m), m);
    for (const k of documentedSort) assert.ok((SORT_KEYS as readonly string[]).includes(k), k);
    for (const m of METRICS) assert.ok(m.field && m.unit, m.request);
    assert.equal(METRICS.length, BY_TIME_METRICS.length + CURRENT_VALUE_METRICS.length);
  });

  it('maps request names to response fields and units', () => {
    const f = (r: string) => METRICS.find((m) => m.request === r)!;
    assert.equal(f('queue_wait_time_50th_percentile').field, 'queueWaitTime50thPercentile');
    assert.equal(
      f('avg_time_to_first_response_first_assignment').field,
      'avgTimeToFirstResponseFirstAssignment',
    );
    assert.equal(f('avg_wait_time').unit, 'duration');
    assert.equal(f('human_agent_load').unit, 'ratio');
    assert.equal(f('csat').unit, 'ratio');
    assert.equal(f('online_agents').unit, 'count');
  });

  it('every sort key but "key" names a response field', () => {
    for (const k of SORT_KEYS.filter((k) => k !== 'key')) {
      assert.ok(
        METRICS.some((m) => m.field === k),
        k,
      );
    }
  });
});

describe('validateKmmRequest', () => {
  it('accepts the seed example and rounds from down / to up to the minute', () => {
    const now = 1591955400000;
    const r = validateKmmRequest({ body: seedRequest }, now);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    assert.equal(r.value.body.filters.time.from, 1591951740000);
    assert.equal(r.value.body.filters.time.to, 1591955400000);
    assert.deepEqual(r.value.sort, { key: 'key', order: 'asc' });
    assert.equal(r.value.offset, 0);
    assert.equal(r.value.limit, 50);
  });

  it('requires filters.time', () => {
    assert.match(issuesOf({ body: { filters: {} } })[0]!, /time window is required/);
    assert.match(issuesOf({ body: {} })[0]!, /time window is required/);
    assert.match(issuesOf({ body: 'nope' })[0]!, /JSON object/);
  });

  it('rejects from > to', () => {
    assert.match(
      issuesOf({ body: body({}, { time: { from: NOW, to: NOW - 1000 } }) })[0]!,
      /ends before it starts/,
    );
  });

  it('rejects a window over 24 h with a message a user can act on', () => {
    const msg = issuesOf({ body: body({}, { time: { from: NOW - 30 * HOUR_MS, to: NOW } }) })[0]!;
    assert.match(msg, /That window is 30 h; LivePerson keeps at most 24 h per query/);
  });

  it('accepts exactly 24 h, and rounding never stretches it past 24 h', () => {
    assert.ok(validateKmmRequest({ body: body({}, { time: { from: NOW - DAY_MS, to: NOW } }) }, NOW).ok);
    const at = NOW + 30_000; // 15:00:30: rounding outward would make 24 h 1 min
    const r = validateKmmRequest({ body: body({}, { time: { from: at - DAY_MS, to: at } }) }, at);
    assert.ok(r.ok);
    const t = r.value.body.filters.time;
    assert.equal(t.to - t.from, DAY_MS);
    assert.equal(t.to, NOW + 60_000);
    // The rounded request is itself valid: what the client sends, LivePerson (and the simulator) accept.
    assert.ok(validateKmmRequest({ body: r.value.body }, at).ok);
  });

  it('rejects a window starting more than 14 days ago', () => {
    const from = NOW - 15 * DAY_MS;
    const msg = issuesOf({ body: body({}, { time: { from, to: from + HOUR_MS } }) })[0]!;
    assert.match(msg, /only the last 14 days/);
  });

  it('rejects unknown metric names, naming them', () => {
    assert.match(issuesOf({ body: body({ metricsToRetrieveByTime: ['avg_wait', 'csat'] }) })[0]!, /avg_wait/);
    assert.match(
      issuesOf({ body: body({ metricsToRetrieveCurrentValue: ['queue'] }) })[0]!,
      /current-value metrics: queue/,
    );
    // A current-value name in the by-time list is wrong too.
    assert.match(issuesOf({ body: body({ metricsToRetrieveByTime: ['agent_load'] }) })[0]!, /agent_load/);
  });

  it('rejects unknown sort keys and orders', () => {
    assert.match(issuesOf({ body: body(), sort: 'csat:desc' })[0]!, /cannot sort by 'csat'/);
    assert.match(issuesOf({ body: body(), sort: 'avgWaitTime:down' })[0]!, /neither asc nor desc/);
  });

  it('accepts every sort key in both orders', () => {
    for (const key of SORT_KEYS) {
      for (const order of ['asc', 'desc']) {
        const r = validateKmmRequest({ body: body(), sort: `${key}:${order}` }, NOW);
        assert.ok(r.ok && r.value.sort.key === key && r.value.sort.order === order, `${key}:${order}`);
      }
    }
    assert.deepEqual(parseSort('avgWaitTime'), { ok: true, value: { key: 'avgWaitTime', order: 'asc' } });
  });

  it('rejects userTypes outside HUMAN/BOT', () => {
    assert.match(issuesOf({ body: body({}, { userTypes: ['SYSTEM'] }) })[0]!, /user types: SYSTEM/);
  });

  it('rejects responseSections outside all/groupBy', () => {
    assert.match(issuesOf({ body: body({ responseSections: ['totals'] }) })[0]!, /response sections: totals/);
  });

  it('requires groupBy when the groupBy section is requested, and only skillId/agentGroupId', () => {
    assert.match(issuesOf({ body: body({ responseSections: ['groupBy'] }) })[0]!, /without groupBy/);
    assert.match(
      issuesOf({ body: body({ groupBy: 'agentId' }) })[0]!,
      /skillId or agentGroupId, not "agentId"/,
    );
    // Default sections (both) without groupBy are fine: the API just returns count 0.
    assert.ok(validateKmmRequest({ body: body() }, NOW).ok);
  });

  it('checks paging: limit 1..50, offset >= 0, offset + limit <= 1000', () => {
    assert.match(issuesOf({ body: body(), limit: 0 })[0]!, /between 1 and 50/);
    assert.match(issuesOf({ body: body(), limit: 51 })[0]!, /between 1 and 50/);
    assert.match(issuesOf({ body: body(), offset: -1 })[0]!, /0 or more/);
    assert.match(issuesOf({ body: body(), offset: 960, limit: 50 })[0]!, /stop at 1000 keys/);
    const ok = validateKmmRequest({ body: body(), offset: '950', limit: '50' }, NOW);
    assert.ok(ok.ok && ok.value.offset === 950 && ok.value.limit === 50);
  });

  it('reports every problem at once', () => {
    const msgs = issuesOf({ body: body({ groupBy: 'x' }, { userTypes: ['ROBOT'] }), limit: 99 });
    assert.equal(msgs.length, 3);
  });
});

describe('loadsAsRatios', () => {
  const res = parseKmmResponse({
    groupBy: {
      groupByField: 'skillId',
      groups: [
        { key: '1', keyDescription: 'A', metrics: { humanAgentLoad: 85, csat: 0.9, onlineAgents: 4 } },
      ],
    },
    all: { agentLoad: 118, humanOnlineLoad: 50 },
  });

  it('leaves ratio answers alone', () => {
    assert.equal(loadsAsRatios(res, 'ratio'), res);
  });

  it('scales only the load metrics of percent answers, in groups and in all', () => {
    const r = loadsAsRatios(res, 'percent');
    assert.deepEqual(r.groups[0]!.metrics, { humanAgentLoad: 0.85, csat: 0.9, onlineAgents: 4 });
    assert.deepEqual(r.all, { agentLoad: 1.18, humanOnlineLoad: 0.5 });
    assert.equal(res.groups[0]!.metrics.humanAgentLoad, 85, 'the input is not changed');
  });
});

describe('parseKmmResponse', () => {
  it('parses the seed example into the typed model', () => {
    const r = parseKmmResponse(seedResponse);
    assert.equal(r.count, 3);
    assert.equal(r.groupByField, 'agentGroupId');
    assert.equal(r.links.next, seedResponse.metadata.next.href);
    assert.equal(r.groups.length, 1);
    assert.deepEqual(r.groups[0], {
      key: '1641709730',
      name: 'customerAssistanceSkill',
      metrics: seedResponse.groupBy.groups[0]!.metrics,
    });
    assert.equal(r.all, undefined);
  });

  it('maps keyDescription "NA" to no name, tolerates numeric strings and absent metrics', () => {
    const r = parseKmmResponse({
      metadata: { count: '2' },
      groupBy: {
        groupByField: 'skillId',
        groups: [
          { key: -1, keyDescription: 'NA', metrics: { closedConversations: '12', avgWaitTime: 'n/a' } },
          { key: '7', keyDescription: 'Sales' },
          'garbage',
        ],
      },
    });
    assert.equal(r.count, 2);
    assert.deepEqual(r.groups, [
      { key: '-1', name: null, metrics: { closedConversations: 12 } },
      { key: '7', name: 'Sales', metrics: {} },
    ]);
  });

  it('accepts both shapes of the all section', () => {
    assert.deepEqual(parseKmmResponse({ all: { onlineAgents: 4 } }).all, { onlineAgents: 4 });
    assert.deepEqual(parseKmmResponse({ all: { metrics: { onlineAgents: 5 } } }).all, { onlineAgents: 5 });
    assert.equal(parseKmmResponse({ metadata: { count: 0 }, all: { metrics: {} } }).count, 0);
  });

  it('rejects a body that is not an object', () => {
    assert.throws(() => parseKmmResponse('<html>'), /not a JSON object/);
  });
});
