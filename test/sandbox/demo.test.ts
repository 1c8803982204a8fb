import { strict as assert } from 'node:assert';
import { startDemo, type Demo } from '../../src/demo';
import { BUSY_NOW, CapturingLogger, freePort } from '../e2e/harness';

/** The `npm run demo` wiring: the sandbox page drives the real bot on the simulator. */
describe('demo: the sandbox page plays Slack for the bot', function () {
  this.timeout(30_000);
  let demo: Demo;

  before(async () => {
    demo = await startDemo(
      {},
      { port: await freePort(), sandboxPort: 0, logDestination: new CapturingLogger(), now: () => BUSY_NOW },
    );
  });
  after(async () => {
    await demo.stop();
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${demo.sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { responseId: string; status: number; ack: Record<string, unknown> };
  };

  it('serves the page', async () => {
    const res = await fetch(demo.sandbox.url);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Queue Pulse sandbox/);
  });

  it('runs on the embedded simulator, with a chart uploaded to the sandbox', async () => {
    assert.ok(demo.bot.container.simulator, 'simulator started in-process');
    const r = await post('/sandbox/command', { text: 'skill billing' });
    assert.equal(r.status, 200);
    assert.match(JSON.stringify(r.ack), /Fetching/);
    const posts = await demo.sandbox.slack.waitFor(() => {
      const got = demo.sandbox.slack.responsesTo(r.responseId);
      return got.length ? got : undefined;
    });
    const final = JSON.stringify(posts[0]!.body);
    assert.match(final, /Waiting in queue/);
    const fileId = /"slack_file":\{"id":"([^"]+)"/.exec(final)?.[1];
    assert.ok(fileId, 'chart uploaded');
    const png = await fetch(`${demo.sandbox.url}/files/${fileId}`);
    assert.equal(png.headers.get('content-type'), 'image/png');
  });

  it('escapes the typed text as Slack does, so names with & resolve', async () => {
    const r = await post('/sandbox/command', { text: 'skill Returns & Exchanges' });
    const posts = await demo.sandbox.slack.waitFor(() => {
      const got = demo.sandbox.slack.responsesTo(r.responseId);
      return got.length ? got : undefined;
    });
    assert.match(JSON.stringify(posts[0]!.body), /Returns &amp; Exchanges/);
  });

  it('buttons go back to the bot as signed block_actions', async () => {
    const r = await post('/sandbox/command', { text: 'skill biling' });
    const posts = await demo.sandbox.slack.waitFor(() => {
      const got = demo.sandbox.slack.responsesTo(r.responseId);
      return got.length ? got : undefined;
    });
    const blocks = posts[0]!.body.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const pick = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    const click = await post('/sandbox/action', {
      actionId: pick.action_id,
      value: pick.value,
      responseId: r.responseId,
    });
    assert.equal(click.status, 200);
    const after = await demo.sandbox.slack.waitFor(() => {
      const got = demo.sandbox.slack.responsesTo(r.responseId);
      return got.length >= 3 ? got : undefined;
    });
    assert.match(JSON.stringify(after[after.length - 1]!.body), /Waiting in queue/);
  });
});
