import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import { checkMessage } from '../../../src/slack/views/limits';
import { renderProblem } from '../../../src/slack/views/problem';
import { allText } from '../../fixtures/reports';

function shown(error: unknown): string {
  const m = renderProblem(error);
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

  it('auth: points at the API key permissions', () => {
    assert.ok(
      shown(new LivePersonAuthError('401', { status: 401, detail: 'consumer key abc123 invalid' })).includes(
        "I'm not permitted to read these metrics — ask your LivePerson admin to check the API key's permissions",
      ),
    );
    assert.ok(!shown(new LivePersonAuthError('401', { detail: 'consumer key abc123' })).includes('abc123'));
  });

  it('invalid request: its userMessage, escaped', () => {
    const text = shown(
      new LivePersonInvalidRequestError(
        'That window is 30 h; LivePerson keeps at most 24 h per query. Try `last 24h` <now>.',
      ),
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

  it('logs a description of the error (stack, or kind/status/detail), never the error object', () => {
    const log = { error: sinon.spy() };
    const error = new Error('disk full');
    renderProblem(error, log);
    assert.ok(log.error.calledOnce);
    const line = String(log.error.firstCall.args[0]);
    assert.match(line, /queue report failed: Error: disk full\n\s+at /);
    assert.equal(log.error.firstCall.args.length, 1);
    const lp = new LivePersonUnavailableError('down', { status: 502, detail: 'bad gateway body' });
    renderProblem(lp, log);
    assert.equal(
      log.error.secondCall.args[0],
      'queue report failed: LivePersonUnavailableError (unavailable HTTP 502): bad gateway body',
    );
    // An HTTP client's error as the cause carries request headers: it must not reach the log.
    const withCause = new LivePersonUnavailableError('down', {
      detail: 'ECONNREFUSED',
      cause: { config: { headers: { Authorization: 'OAuth oauth_token="SECRET"' } } },
    });
    renderProblem(withCause, log);
    assert.ok(!JSON.stringify(log.error.thirdCall.args).includes('SECRET'));
  });
});
