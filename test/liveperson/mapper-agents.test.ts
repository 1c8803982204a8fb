import { strict as assert } from 'node:assert';
import { parseAgentViewResponse } from '../../src/liveperson/contract/agent-view';
import { presenceOf, toAgentRow, toAgentsAnswer } from '../../src/liveperson/mapper';

const SINCE = Date.UTC(2026, 10, 25, 14, 48);

/** An agent_view answer as LivePerson documents it: metrics flattened into each record. */
function answer(records: unknown[], count = records.length) {
  return parseAgentViewResponse({ metadata: { count }, agentViewRecords: records });
}

const ANN = {
  agentId: '7001',
  agentGroupId: 502,
  agentCurrentStatus: 'ONLINE',
  agentCurrentStatusStartTime: SINCE,
  agentLoad: 0.667,
  assignedConversations: 2,
  activeConversations: 1,
  maxSlots: 3,
  closedConversations: 14,
  avgTimeToResponse: 45_000,
  agentMetadata: { agentName: 'Ann Chen', agentNickname: 'Ann', configuredMaxSlots: 4, agentSkills: [] },
};

describe('mapper: agent_view records → agent rows', () => {
  it('reads every figure the agents view shows', () => {
    const [record] = answer([ANN]).records;
    assert.deepEqual(toAgentRow(record!, 'ratio', false), {
      id: '7001',
      name: 'Ann Chen',
      bot: false,
      status: 'online',
      statusSince: SINCE,
      load: 0.667,
      assigned: 2,
      active: 1,
      maxSlots: 3,
      closed: 14,
      avgResponseMs: 45_000,
    });
  });

  it('LP_LOAD_SCALE=percent brings the load to a ratio', () => {
    const [record] = answer([{ ...ANN, agentLoad: 66.7 }]).records;
    assert.ok(Math.abs(toAgentRow(record!, 'percent', false).load! - 0.667) < 1e-9);
  });

  it('LivePerson status words become presences; an unknown one is no status', () => {
    assert.equal(presenceOf('ONLINE'), 'online');
    assert.equal(presenceOf('BACK_SOON'), 'back-soon');
    assert.equal(presenceOf('back soon'), 'back-soon');
    assert.equal(presenceOf('AWAY'), 'away');
    assert.equal(presenceOf('OFFLINE'), 'offline');
    assert.equal(presenceOf('ON_BREAK'), undefined);
    const [record] = answer([{ ...ANN, agentCurrentStatus: 'ON_BREAK' }]).records;
    assert.equal('status' in toAgentRow(record!, 'ratio', false), false);
  });

  it('a record without a name has a null name; the nickname stands in for a missing full name', () => {
    const { records } = answer([
      { agentId: '7002', agentCurrentStatus: 'AWAY' },
      { ...ANN, agentId: '7003', agentMetadata: { agentName: ' ', agentNickname: 'Bo', agentSkills: [] } },
      { ...ANN, agentId: '7004', agentMetadata: { agentName: 'NA', agentSkills: [] } },
    ]);
    assert.deepEqual(
      records.map((r) => toAgentRow(r, 'ratio', false).name),
      [null, 'Bo', null],
    );
  });

  it('absent figures stay absent; slots fall back to the configured ones; a start time in seconds is read as such', () => {
    const [record] = answer([
      {
        agentId: '7005',
        agentCurrentStatus: 'ONLINE',
        agentCurrentStatusStartTime: SINCE / 1000,
        agentMetadata: { agentName: 'Cy', configuredMaxSlots: 4, agentSkills: [] },
      },
    ]).records;
    assert.deepEqual(toAgentRow(record!, 'ratio', false), {
      id: '7005',
      name: 'Cy',
      bot: false,
      status: 'online',
      statusSince: SINCE,
      maxSlots: 4,
    });
  });

  it('keeps LivePerson’s order and count, and marks the bots it is told of', () => {
    const got = toAgentsAnswer(
      answer(
        [ANN, { ...ANN, agentId: '7055', agentMetadata: { agentName: 'Triage Bot 01', agentSkills: [] } }],
        34,
      ),
      'ratio',
      (id) => id === '7055',
    );
    assert.equal(got.count, 34);
    assert.deepEqual(
      got.rows.map((r) => [r.id, r.bot]),
      [
        ['7001', false],
        ['7055', true],
      ],
    );
  });
});
