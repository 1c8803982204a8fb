/**
 * The agents drill-down through the real Bolt app: a signed click on Previous / Next of an agents
 * list goes through the action router, the report service and the KMM client to the simulator's
 * agent_view, and the list is replaced in place with the next page.
 */
import { strict as assert } from 'node:assert';
import { encodeActionValue } from '../../src/slack/action-ref';
import { agentsQuery } from '../fixtures/agents';
import { buttons, startHarness, texts, type Harness } from './harness';

describe('e2e: the agents drill-down pages through agent_view', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  /** Clicks a page button of the agents of Billing and returns the message that replaced it. */
  async function clickPage(actionId: string, value: string): Promise<Record<string, unknown>> {
    h.sim.resetStats();
    const click = await h.click({ actionId, value });
    assert.equal(click.status, 200);
    const posts = await h.responses(click.responseId);
    return posts[posts.length - 1]!.body;
  }

  it('Next fetches page 2 at offset 10, sorted by load, and replaces the list in place', async () => {
    const value = encodeActionValue({ kind: 'page', query: agentsQuery({ name: 'billing' }), page: 2 });
    const second = await clickPage('qp:page:next', value);
    const [call] = h.sim.recorded('agentView');
    assert.deepEqual(call?.query, { offset: '10', limit: '10', sort: 'agentLoad:desc' });
    assert.deepEqual((call?.body as { filters: { agentSkillIds?: string[] } }).filters.agentSkillIds, [
      '1001',
    ]);
    assert.equal(second.replace_original, true);
    const text = texts(second).join('\n');
    assert.match(text, /^Agents · Skill Billing · last 4h/);
    assert.match(text, /Showing 11–\d+ of \d+ agents · sorted by load · page 2 of \d+/);
    assert.equal(buttons(second)[0]?.actionId, 'qp:page:prev');

    // Previous goes back to the first page, offset 0, where the busiest is named.
    const prev = buttons(second).find((b) => b.actionId === 'qp:page:prev');
    assert.ok(prev, 'a Previous button');
    const first = await clickPage(prev.actionId, prev.value);
    assert.equal(h.sim.recorded('agentView')[0]?.query.offset, '0');
    assert.match(texts(first).join('\n'), /Showing 1–10 of \d+ agents/);
    assert.match(texts(first).join('\n'), /busiest: \*/);
  });
});
