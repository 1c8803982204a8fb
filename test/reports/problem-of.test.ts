import { strict as assert } from 'node:assert';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../src/liveperson/client/errors';
import { describeError, problemOf } from '../../src/reports/problem-of';

describe('problemOf', () => {
  it('maps each LivePerson error kind to its problem', () => {
    assert.deepEqual(problemOf(new LivePersonRateLimitedError('x', { retryAfterSeconds: 30 })), {
      kind: 'rate-limited',
      retryAfterSeconds: 30,
    });
    assert.deepEqual(problemOf(new LivePersonRateLimitedError('x')), { kind: 'rate-limited' });
    assert.deepEqual(problemOf(new LivePersonUnavailableError('x')), { kind: 'unavailable' });
    assert.deepEqual(problemOf(new LivePersonTimeoutError('x')), { kind: 'timeout' });
    assert.deepEqual(problemOf(new LivePersonAuthError('x', { status: 403 })), { kind: 'auth' });
    assert.deepEqual(
      problemOf(new LivePersonInvalidRequestError('x', { reason: 'Skill 42 is not visible.' })),
      {
        kind: 'invalid-request',
        reason: 'Skill 42 is not visible.',
      },
    );
  });

  it('anything else is internal: never its text', () => {
    for (const e of [new Error('secret'), 'boom', undefined, { message: 'obj' }]) {
      assert.deepEqual(problemOf(e), { kind: 'internal' });
    }
  });
});

describe('describeError', () => {
  it('is the stack for ordinary errors, kind/status/detail for LivePerson ones', () => {
    assert.match(describeError(new Error('disk full')), /^Error: disk full\n\s+at /);
    assert.equal(
      describeError(new LivePersonUnavailableError('down', { status: 502, detail: 'bad gateway body' })),
      'LivePersonUnavailableError (unavailable HTTP 502): bad gateway body',
    );
  });

  it('never includes the cause (an HTTP client error carries the request headers)', () => {
    const withCause = new LivePersonUnavailableError('down', {
      detail: 'ECONNREFUSED',
      cause: { config: { headers: { Authorization: 'OAuth oauth_token="SECRET"' } } },
    });
    assert.ok(!describeError(withCause).includes('SECRET'));
  });
});
