/**
 * The fake Slack's rate limits, over real HTTP: the per-channel pacing the benchmarks lean on
 * (a second post to a channel within the interval answers 429 with Retry-After: 1 and is not
 * carried out) and the chosen 429s of `rateLimitIf`.
 */
import { strict as assert } from 'node:assert';
import { FakeSlack } from '../../src/sandbox/fake-slack';

async function post(
  slack: FakeSlack,
  channel: string,
): Promise<{ status: number; retryAfter: string | null }> {
  const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
    method: 'POST',
    headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
    body: JSON.stringify({ channel, text: 'hi' }),
  });
  await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

const carriedOut = (slack: FakeSlack, channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.answeredTs).length;

describe('FakeSlack rate limits', () => {
  let slack: FakeSlack;
  afterEach(() => slack.close());

  it('channelIntervalMs: a second post to a channel within the interval answers 429, Retry-After 1, and is not posted', async () => {
    slack = await new FakeSlack({ channelIntervalMs: 300 }).start();
    assert.deepEqual(await post(slack, 'C1'), { status: 200, retryAfter: null });
    assert.deepEqual(await post(slack, 'C1'), { status: 429, retryAfter: '1' });
    assert.equal((await post(slack, 'C2')).status, 200, 'another channel has its own second');
    assert.equal(carriedOut(slack, 'C1'), 1);
    assert.equal(slack.callsTo('chat.postMessage').filter((c) => c.rateLimited).length, 1);
    await new Promise((r) => setTimeout(r, 320));
    assert.equal((await post(slack, 'C1')).status, 200, 'after the interval');
    assert.equal(carriedOut(slack, 'C1'), 2);
  });

  it('channelIntervalMs: a refused post does not restart the channel interval', async () => {
    slack = await new FakeSlack({ channelIntervalMs: 300 }).start();
    await post(slack, 'C1');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await post(slack, 'C1')).status, 429);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal((await post(slack, 'C1')).status, 200, '320 ms after the accepted one');
  });

  it('without channelIntervalMs, back-to-back posts to one channel go through', async () => {
    slack = await new FakeSlack().start();
    assert.equal((await post(slack, 'C1')).status, 200);
    assert.equal((await post(slack, 'C1')).status, 200);
  });

  it('rateLimitIf: the calls it picks answer 429 with its Retry-After and are not posted', async () => {
    slack = await new FakeSlack().start();
    let n = 0;
    slack.rateLimitIf = (call) => (call.method === 'chat.postMessage' && ++n % 2 === 0 ? 3 : undefined);
    assert.equal((await post(slack, 'C1')).status, 200);
    assert.deepEqual(await post(slack, 'C1'), { status: 429, retryAfter: '3' });
    assert.equal((await post(slack, 'C1')).status, 200);
    assert.equal(carriedOut(slack, 'C1'), 2);
  });

  it('serverErrors: the next calls answer HTTP 5xx, not carried out unless asked; then it recovers', async () => {
    slack = await new FakeSlack().start();
    slack.serverErrors.set('chat.postMessage', { times: 1 });
    assert.equal((await post(slack, 'C1')).status, 500);
    assert.equal(carriedOut(slack, 'C1'), 0, 'a 500 that did nothing');
    slack.serverErrors.set('chat.postMessage', { times: 1, status: 503, carriedOut: true });
    assert.equal((await post(slack, 'C1')).status, 503);
    assert.equal(carriedOut(slack, 'C1'), 1, 'posted, only the answer was lost');
    assert.equal((await post(slack, 'C1')).status, 200);
    assert.deepEqual(
      slack.callsTo('chat.postMessage').map((c) => c.serverError),
      [500, 503, undefined],
    );
  });
});
