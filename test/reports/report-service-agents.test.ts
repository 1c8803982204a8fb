import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { AgentsQuery } from '../../src/domain/query';
import type { AgentViewRequest } from '../../src/liveperson/contract/agent-view';
import { DEFAULT_OAUTH, startSimulator, type RecordedRequest, type Simulator } from '../../src/simulator';
import { agentsQuery } from '../fixtures/agents';
import { runQuery, type RunReportOptions } from './support';
import { T0 } from '../liveperson/support/sim';

interface AgentViewBody {
  filters: {
    agentSkillIds?: string[];
    agentGroupIds?: string[];
    agentIds?: string[];
    userTypes?: string[];
    effectiveAgentStatus?: string[];
  };
}

describe('report service: agents, against the simulator over HTTP', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());
  beforeEach(() => sim.resetStats());

  async function agents(query: AgentsQuery, opts: RunReportOptions = {}) {
    const { outcome, warn } = await runQuery(sim, query, opts);
    assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'agents');
    return { report: outcome.report, warn, calls: sim.recorded('agentView') };
  }
  const bodyOf = (call: RecordedRequest) => call.body as AgentViewBody;

  it('a skill: agentSkillIds, sorted by load at LivePerson, the first page of 10', async () => {
    const { report, calls } = await agents(agentsQuery({ name: 'billing', audience: 'humans' }));
    assert.equal(calls.length, 1, 'humans only: no bots to probe');
    const [call] = calls;
    assert.deepEqual(call!.query, { offset: '0', limit: '10', sort: 'agentLoad:desc' });
    assert.deepEqual(bodyOf(call!).filters.agentSkillIds, ['1001']);
    assert.deepEqual(bodyOf(call!).filters.userTypes, ['HUMAN']);
    assert.equal(report.id, '1001');
    assert.equal(report.name, 'Billing');
    assert.equal(report.rows.length, 10);
    assert.ok(report.total > 10, `${report.total} agents`);
    const loads = report.rows.map((r) => r.load ?? -1);
    assert.deepEqual(
      loads,
      [...loads].sort((a, b) => b - a),
      'busiest first, as LivePerson sorted them',
    );
    assert.ok(report.rows.every((r) => r.name && r.status && r.maxSlots !== undefined));
    assert.equal(report.headline.busiest?.id, report.rows[0]!.id);
  });

  it('a group: the group and all its sub-groups (agentGroupIds)', async () => {
    const { report, calls } = await agents(agentsQuery({ of: 'group', name: 'tier 1', audience: 'humans' }));
    assert.deepEqual([...bodyOf(calls[0]!).filters.agentGroupIds!].sort(), ['502', '504', '505']);
    assert.equal(bodyOf(calls[0]!).filters.agentSkillIds, undefined);
    assert.equal(report.of, 'group');
    assert.equal(report.name, 'Tier 1');
  });

  it('page 2 is asked at offset 10; the rows continue from there', async () => {
    const { report, calls } = await agents(agentsQuery({ name: 'sales' }), { run: { page: 2 } });
    assert.deepEqual(calls[0]!.query, { offset: '10', limit: '10', sort: 'agentLoad:desc' });
    assert.equal(report.page, 2);
    assert.equal(report.rowsOffset, 10);
    assert.ok(report.rows.length > 0);
  });

  it('everyone: the page’s agents are probed as bots by id, and the bots marked', async () => {
    const { report, calls } = await agents(agentsQuery({ name: 'sales' }), { run: { page: 2 } });
    assert.equal(calls.length, 2);
    const probe = bodyOf(calls[1]!);
    assert.deepEqual(probe.filters.userTypes, ['BOT']);
    assert.deepEqual(
      probe.filters.agentIds,
      report.rows.map((r) => r.id),
    );
    const bots = report.rows.filter((r) => r.bot).map((r) => r.name);
    assert.ok(bots.length > 0, 'Sales has triage bots');
    assert.ok(
      bots.every((n) => n?.startsWith('Triage Bot')),
      bots.join(),
    );
    assert.ok(report.rows.filter((r) => !r.bot).every((r) => !r.name?.startsWith('Triage Bot')));
  });

  it('a page past the end (the agents logged out since the button was drawn) shows the last page', async () => {
    const { report, calls } = await agents(agentsQuery({ name: 'sales' }), { run: { page: 9 } });
    assert.deepEqual(
      calls.slice(0, 2).map((c) => c.query.offset),
      ['80', String((report.page - 1) * 10)],
    );
    assert.ok(report.page < 9 && report.rows.length > 0);
    assert.equal(report.rowsOffset + report.rows.length, report.total);
  });

  it('a lost bots probe does not lose the list: nobody is marked, and it says so', async () => {
    const { report, warn } = await agents(agentsQuery({ name: 'sales' }), {
      prepare: (client) => {
        const agentView = client.agentView.bind(client);
        sinon
          .stub(client, 'agentView')
          .callsFake((req: AgentViewRequest, call) =>
            req.body.filters.agentIds ? Promise.reject(new Error('probe lost')) : agentView(req, call),
          );
      },
    });
    assert.equal(report.botsUnknown, true);
    assert.ok(report.rows.every((r) => !r.bot));
    assert.equal(warn.callCount, 1);
  });

  it('names resolve as for skill reports: not found and ambiguous keep the agents query', async () => {
    const missing = await runQuery(sim, agentsQuery({ name: 'bilin zzz' }));
    assert.equal(missing.outcome.kind, 'not-found');
    assert.ok(missing.outcome.kind === 'not-found' && missing.outcome.query.kind === 'agents');
    const several = await runQuery(sim, agentsQuery({ name: 'tech support' }));
    assert.equal(several.outcome.kind, 'ambiguous');
    assert.ok(several.outcome.kind === 'ambiguous' && several.outcome.query.kind === 'agents');
    assert.equal(sim.stats().agentView, 0, 'LivePerson is not asked about agents of nothing');
  });

  it('an id from a button is used as is; a deleted one falls back to the typed name', async () => {
    const picked = await agents(agentsQuery({ name: 'whatever' }), { run: { id: '1002' } });
    assert.equal(picked.report.name, 'Sales');
    sim.resetStats();
    const deleted = await agents(agentsQuery({ name: 'billing' }), { run: { id: '1099' } });
    assert.equal(deleted.report.id, '1001');
    assert.deepEqual(bodyOf(deleted.calls[0]!).filters.agentSkillIds, ['1001']);
  });
});
