import { strict as assert } from 'node:assert';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import { checkMessage } from '../../../src/slack/views/limits';
import { problemText, renderProblem, renderWindowProblem } from '../../../src/slack/views/problem';
import { problemOf } from '../../../src/reports/problem-of';
import { allText } from '../../fixtures/reports';

/** What a user reads for an error: the problem it maps to, rendered. */
function shown(error: unknown): string {
  const m = renderProblem(problemOf(error));
  assert.deepEqual(checkMessage(m), []);
  assert.equal(m.response_type, 'ephemeral');
  const text = allText(m.blocks) + '\n' + m.text;
  assert.ok(!/\bat .+:\d+:\d+/.test(text), `stack frame in ${text}`);
  return text;
}

describe('renderProblem', () => {
  it('rate limited: says when to try again', () => {
    assert.match(
      shown(new LivePersonRateLimitedError('slow', { status: 429, retryAfterSeconds: 30 })),
      /Try again in 30 s\./,
    );
    assert.match(
      shown(new LivePersonRateLimitedError('slow', { retryAfterSeconds: 2.2 })),
      /Try again in 3 s\./,
    );
    assert.match(shown(new LivePersonRateLimitedError('slow')), /Try again in a minute\./);
  });

  it('unavailable and timeout: plain explanations', () => {
    assert.match(
      shown(new LivePersonUnavailableError('down', { status: 503, detail: '<html>502 Bad Gateway</html>' })),
      /LivePerson isn't answering right now/,
    );
    assert.match(shown(new LivePersonTimeoutError('slow')), /LivePerson took too long to answer/);
    assert.ok(
      !shown(new LivePersonUnavailableError('down', { detail: 'upstream body' })).includes('upstream body'),
    );
  });

  it("auth: points at what the bot's credentials may read, in words true of every auth mode", () => {
    // OAuth 2.0 clients and login users end here too: no "API key" in what the lead reads.
    assert.ok(!problemText({ kind: 'auth' }).includes('API key'));
    assert.ok(
      shown(new LivePersonAuthError('401', { status: 401, detail: 'consumer key abc123 invalid' })).includes(
        "I'm not permitted to read these metrics — ask your LivePerson admin to check what the bot's LivePerson credentials may read",
      ),
    );
    assert.ok(!shown(new LivePersonAuthError('401', { detail: 'consumer key abc123' })).includes('abc123'));
  });

  it("invalid request: LivePerson's reason, escaped; a generic sentence without one", () => {
    const text = shown(
      new LivePersonInvalidRequestError('400', {
        reason: 'That window is 30 h; LivePerson keeps at most 24 h per query. Try `last 24h` <now>.',
      }),
    );
    assert.match(
      shown(new LivePersonInvalidRequestError('400', { detail: 'raw body' })),
      /LivePerson refused that request/,
    );
    assert.ok(
      text.includes(
        'That window is 30 h; LivePerson keeps at most 24 h per query. Try `last 24h` &lt;now&gt;.',
      ),
    );
  });

  it('anything else: one generic sentence, never the error text or stack', () => {
    for (const error of [
      new Error('ECONNREFUSED 10.0.0.1 secret-token'),
      new TypeError('x is undefined'),
      'boom',
      undefined,
      { message: 'obj' },
    ]) {
      const text = shown(error);
      assert.ok(text.includes("Something went wrong on our side; the details are in the bot's log."));
      assert.ok(
        !text.includes('secret-token') &&
          !text.includes('x is undefined') &&
          !text.includes('boom') &&
          !text.includes('obj'),
      );
    }
  });

  it('stale buttons and oversized answers have their own sentences', () => {
    assert.match(
      allText(renderProblem({ kind: 'stale-action' }).blocks),
      /older message; run the command again/,
    );
    assert.match(allText(renderProblem({ kind: 'too-big' }).blocks), /too big for one Slack message/);
  });

  it('a window with no answer yet says why and what to ask instead', () => {
    const m = renderWindowProblem({
      kind: 'not-yet',
      hour: 20,
      minute: 0,
      nowHour: 16,
      nowMinute: 30,
      zone: 'Europe/Berlin',
    });
    assert.match(m.text, /It isn't 20:00 yet today \(it's 16:30 in Europe\/Berlin\)\. Try `since 20:00`/);
    assert.deepEqual(checkMessage(m), []);
  });
});
