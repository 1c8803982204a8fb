/**
 * The counted Web API client over real HTTP against the fake Slack: every call is counted by
 * method, a refused one by Slack's error code, a 429 as `ratelimited`, an HTTP failure by status.
 */
import { strict as assert } from 'node:assert';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { ObservedWebClient, methodLabel, slackErrorCode } from '../../src/slack/observed-client';

describe('ObservedWebClient', () => {
  let slack: FakeSlack;
  let client: ObservedWebClient;
  const calls: string[] = [];
  const errors: string[] = [];
  before(async () => {
    slack = await new FakeSlack().start();
    client = new ObservedWebClient(
      'xoxb-test',
      { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
      { call: (m) => calls.push(m), error: (m, e) => errors.push(`${m} ${e}`), retry: () => undefined },
    );
  });
  after(() => slack.close());
  beforeEach(() => {
    calls.length = 0;
    errors.length = 0;
  });

  it('counts a call that works, and no error', async () => {
    await client.chat.postMessage({ channel: 'C0123', text: 'hi' });
    assert.deepEqual(calls, ['chat.postMessage']);
    assert.deepEqual(errors, []);
  });

  it("counts a refused call by Slack's error code", async () => {
    slack.channelErrors.set('C0GONE', 'channel_not_found');
    await assert.rejects(client.chat.postMessage({ channel: 'C0GONE', text: 'hi' }));
    slack.channelErrors.delete('C0GONE');
    assert.deepEqual(errors, ['chat.postMessage channel_not_found']);
  });

  it('counts a 429 as ratelimited', async () => {
    slack.rateLimits.set('chat.update', { times: 1, retryAfterSeconds: 1 });
    await assert.rejects(client.chat.update({ channel: 'C0123', ts: '1.2', text: 'hi' }));
    assert.deepEqual(calls, ['chat.update']);
    assert.deepEqual(errors, ['chat.update ratelimited']);
  });

  it('names HTTP and request failures, and keeps odd words out of labels', () => {
    assert.equal(slackErrorCode({ code: 'slack_webapi_http_error', statusCode: 500 }), 'http_500');
    assert.equal(slackErrorCode({ code: 'slack_webapi_request_error' }), 'request_error');
    assert.equal(
      slackErrorCode({ code: 'slack_webapi_platform_error', data: { error: 'U0456 gone' } }),
      'other',
    );
    assert.equal(slackErrorCode(new Error('?')), 'other');
    assert.equal(methodLabel('https://evil.example/x'), 'other');
  });
});
