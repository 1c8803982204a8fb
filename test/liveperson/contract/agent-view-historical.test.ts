import { strict as assert } from 'node:assert';
import {
  AGENT_VIEW_SORT_KEYS,
  DEFAULT_AGENT_VIEW_SORT,
  parseAgentViewResponse,
  validateAgentViewRequest,
} from '../../../src/liveperson/contract/agent-view';
import {
  defaultIntervalMinutes,
  parseHistoricalResponse,
  validateHistoricalRequest,
} from '../../../src/liveperson/contract/historical';
import { DAY_MS, HOUR_MS } from '../../../src/domain/time';

const NOW = Date.UTC(2026, 10, 25, 15, 0, 0);
const time = { from: NOW - HOUR_MS, to: NOW };

function messages(v: { ok: boolean; issues?: { message: string }[] }): string {
  assert.equal(v.ok, false);
  return (v.issues ?? []).map((i) => i.message).join(' | ');
}

describe('agent_view vocabulary', () => {
  it('accepts a drill-down by agent skill and status, defaulting the sort to agentId:asc', () => {
    const v = validateAgentViewRequest(
      {
        body: {
          filters: {
            time,
            agentSkillIds: [1001],
            userTypes: ['HUMAN'],
            effectiveAgentStatus: ['ONLINE', 'AWAY'],
          },
          metricsToRetrieveCurrentValue: ['agent_load', 'agent_current_status'],
        },
      },
      NOW,
    );
    assert.ok(v.ok);
    assert.deepEqual(v.value.body.filters.agentSkillIds, ['1001']);
    assert.deepEqual(v.value.sort, DEFAULT_AGENT_VIEW_SORT);
    assert.equal(v.value.limit, 50);
  });

  it('accepts every documented sort key and metric, and not availableSlots as a sort key', () => {
    for (const key of AGENT_VIEW_SORT_KEYS) {
      assert.ok(validateAgentViewRequest({ body: { filters: { time } }, sort: `${key}:desc` }, NOW).ok, key);
    }
    // The agent_view page's lists, verbatim.
    const documentedSorts = [
      'agentLoad',
      'closedConversations',
      'avgTimeToResponse',
      'avgTimeToFirstResponseFirstAssignment',
      'avgTimeToFirstResponseAllAssignments',
      'avgWaitTime',
      'avgWaitTimeFirstResponse',
      'assignedConversations',
      'activeConversations',
      'concludedConversations',
      'closedRate',
      'transferRate',
      'intentMatchedRate',
      'pendingAgentResponseRate',
      'agentName',
      'agentStatus',
      'csat',
      'fcr',
      'nps',
      'maxSlots',
    ];
    assert.deepEqual([...AGENT_VIEW_SORT_KEYS].sort(), ['agentId', ...documentedSorts].sort());
    assert.match(
      messages(validateAgentViewRequest({ body: { filters: { time } }, sort: 'availableSlots:desc' }, NOW)),
      /cannot be sorted by 'availableSlots'/,
    );
    const byTime = [
      'closed_conversations',
      'avg_wait_time',
      'avg_wait_time_first_response',
      'avg_time_to_response',
      'avg_time_to_first_response_first_assignment',
      'avg_time_to_first_response_all_assignments',
      'transfer_rate',
      'close_rate',
      'concluded_conversations',
      'transfers',
      'back_to_queue',
      'agent_status_duration',
      'agent_status_with_reason_duration',
      'agent_login_duration',
      'agent_online_duration',
      'closed_by_agent',
      'closed_by_consumer',
      'auto_closed',
      'intent_matched_rate',
      'fcr',
      'nps',
      'csat',
      'avg_conversations_duration',
    ];
    const current = [
      'active_conversations',
      'assigned_conversations',
      'agent_load',
      'agent_current_status',
      'agent_current_status_start_time',
      'agent_current_status_reason',
      'agent_current_status_reason_start_time',
      'pending_agent_response',
      'pending_agent_response_rate',
      'available_slots',
      'max_slots',
    ];
    const v = validateAgentViewRequest(
      {
        body: { filters: { time }, metricsToRetrieveByTime: byTime, metricsToRetrieveCurrentValue: current },
      },
      NOW,
    );
    assert.ok(v.ok, v.ok ? '' : messages(v));
  });

  it('reads includeAgentMetadata as LivePerson\'s example sends it: "true" / "false" as well as booleans', () => {
    const read = (includeAgentMetadata: unknown) => {
      const v = validateAgentViewRequest({ body: { filters: { time }, includeAgentMetadata } }, NOW);
      return v.ok ? v.value.body.includeAgentMetadata : messages(v);
    };
    assert.equal(read('true'), true);
    assert.equal(read('false'), false);
    assert.equal(read('TRUE'), true);
    assert.equal(read(false), false);
    assert.equal(read(undefined), undefined);
    assert.match(String(read('yes')), /includeAgentMetadata must be true or false/);
  });

  it('rejects what LivePerson rejects, with the same window messages as metrics', () => {
    assert.match(
      messages(validateAgentViewRequest({ body: { filters: {} } }, NOW)),
      /time window is required/,
    );
    assert.match(
      messages(
        validateAgentViewRequest({ body: { filters: { time: { from: NOW - 30 * HOUR_MS, to: NOW } } } }, NOW),
      ),
      /30 h; LivePerson keeps at most 24 h/,
    );
    assert.match(
      messages(
        validateAgentViewRequest({ body: { filters: { time, effectiveAgentStatus: ['BUSY'] } } }, NOW),
      ),
      /Unknown agent statuses: BUSY/,
    );
    assert.match(
      messages(validateAgentViewRequest({ body: { filters: { time } }, sort: 'mood:desc' }, NOW)),
      /cannot be sorted by 'mood'/,
    );
    assert.match(
      messages(validateAgentViewRequest({ body: { filters: { time } }, limit: 500 }, NOW)),
      /between 1 and 50/,
    );
    assert.match(messages(validateAgentViewRequest({ body: [] }, NOW)), /JSON object/);
  });

  it('parses records: metadata, skills with NA names, numeric metrics', () => {
    const r = parseAgentViewResponse({
      metadata: { count: 2, next: { rel: 'next', href: 'http://x/next' } },
      agentViewRecords: [
        {
          agentId: 7001,
          agentGroupId: -1,
          agentCurrentStatus: 'ONLINE',
          agentLoad: 0.5,
          activeConversations: '2',
          agentMetadata: {
            agentName: 'Ada',
            configuredMaxSlots: 4,
            agentSkills: [{ skillId: 1001, skillName: 'NA' }],
          },
        },
        { noId: true },
      ],
    });
    assert.equal(r.count, 2);
    assert.equal(r.links.next, 'http://x/next');
    assert.equal(r.records.length, 1);
    assert.deepEqual(r.records[0], {
      agentId: '7001',
      agentGroupId: '-1',
      agentCurrentStatus: 'ONLINE',
      metrics: { agentLoad: 0.5, activeConversations: 2 },
      metadata: {
        agentName: 'Ada',
        configuredMaxSlots: 4,
        agentSkills: [{ skillId: '1001', skillName: null }],
      },
    });
  });
});

describe('historical vocabulary', () => {
  it('picks LivePerson’s default interval and keeps to 100 points', () => {
    assert.equal(defaultIntervalMinutes(HOUR_MS), 5);
    assert.equal(defaultIntervalMinutes(DAY_MS), 60);
    const v = validateHistoricalRequest(
      { body: { filters: { time }, metricsToRetrieveByTime: ['closed_conversations'] } },
      NOW,
    );
    assert.ok(v.ok);
    assert.equal(v.value.intervalMinutes, 5);
    assert.match(
      messages(
        validateHistoricalRequest(
          {
            body: {
              filters: { time: { from: NOW - DAY_MS, to: NOW } },
              metricsToRetrieveByTime: ['transfers'],
            },
            interval: 5,
          },
          NOW,
        ),
      ),
      /more than 100 points; use an interval of at least 15 minutes/,
    );
  });

  it('accepts interval=0 as "the server picks", and refuses a negative or fractional one', () => {
    const day = {
      filters: { time: { from: NOW - DAY_MS, to: NOW } },
      metricsToRetrieveByTime: ['transfers'],
    };
    for (const interval of [0, '0']) {
      const v = validateHistoricalRequest({ body: day, interval }, NOW);
      assert.ok(v.ok, v.ok ? '' : messages(v));
      assert.equal(v.value.intervalMinutes, 60, 'the documented pick for 24 h');
    }
    assert.match(
      messages(validateHistoricalRequest({ body: day, interval: -5 }, NOW)),
      /0 lets LivePerson pick/,
    );
    assert.match(messages(validateHistoricalRequest({ body: day, interval: 1.5 }, NOW)), /whole number/);
  });

  it('rejects unknown trend metrics, no metrics, and windows beyond its 24 h retention', () => {
    assert.match(
      messages(
        validateHistoricalRequest({ body: { filters: { time }, metricsToRetrieveByTime: ['csat'] } }, NOW),
      ),
      /Unknown trend metrics: csat/,
    );
    assert.match(
      messages(validateHistoricalRequest({ body: { filters: { time } } }, NOW)),
      /at least one trend metric/,
    );
    const old = { from: NOW - 2 * DAY_MS, to: NOW - 2 * DAY_MS + HOUR_MS };
    assert.match(
      messages(
        validateHistoricalRequest(
          { body: { filters: { time: old }, metricsToRetrieveByTime: ['transfers'] } },
          NOW,
        ),
      ),
      /only 24 h/,
    );
  });

  it('parses points in time order, skipping broken ones', () => {
    const r = parseHistoricalResponse({
      historicalMetricsIntervals: [
        { timestamp: 2000, values: { closedConversations: 3 } },
        { timestamp: 'x', values: {} },
        { timestamp: 1000, values: { closedConversations: '2', transfers: 1 } },
      ],
    });
    assert.deepEqual(r.points, [
      { timestamp: 1000, values: { closedConversations: 2, transfers: 1 } },
      { timestamp: 2000, values: { closedConversations: 3 } },
    ]);
  });
});
