/**
 * The LivePerson observer port: each typed error stands for one outcome word, and `observed`
 * reports an exchange once, as ok or as its error's outcome, rethrowing the error.
 */
import { strict as assert } from 'node:assert';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import {
  methodOfLabel,
  observed,
  outcomeOf,
  type LivePersonObserver,
  type LivePersonOutcome,
} from '../../../src/liveperson/client/observer';

describe('LivePerson observer', () => {
  it('names the outcome of each kind of failure', () => {
    const cases: [unknown, LivePersonOutcome][] = [
      [new LivePersonTimeoutError('t'), 'timeout'],
      [new LivePersonRateLimitedError('r', { status: 429 }), 'http_429'],
      [new LivePersonAuthError('a', { status: 401 }), 'auth'],
      [new LivePersonAuthError('a', { status: 403 }), 'auth'],
      [new LivePersonInvalidRequestError('i', { status: 400 }), 'http_4xx'],
      [new LivePersonUnavailableError('u', { status: 503 }), 'http_5xx'],
      [new LivePersonUnavailableError('u', { status: 200 }), 'malformed'],
      [new LivePersonUnavailableError('u'), 'network'],
      [new LivePersonInvalidRequestError('rejected before sending'), 'error'],
      [new Error('bug'), 'error'],
    ];
    for (const [error, outcome] of cases) assert.equal(outcomeOf(error), outcome, String(error));
  });

  it('labels account-config requests as one method, the KMM ones by their own name', () => {
    assert.equal(methodOfLabel('metrics'), 'metrics');
    assert.equal(methodOfLabel('agent_view'), 'agent_view');
    assert.equal(methodOfLabel('historical'), 'historical');
    assert.equal(methodOfLabel('skills'), 'account_config');
    assert.equal(methodOfLabel('agentGroups'), 'account_config');
  });

  it('observed: one report per exchange, ok or the outcome of what it threw', async () => {
    const seen: [string, string, number][] = [];
    const observer: LivePersonObserver = {
      request: (method, outcome, seconds) => seen.push([method, outcome, seconds]),
      cache: () => undefined,
    };
    assert.equal(await observed(observer, 'csds', () => Promise.resolve(7)), 7);
    const failure = new LivePersonUnavailableError('down', { status: 502 });
    await assert.rejects(
      observed(observer, 'metrics', () => Promise.reject(failure)),
      (e) => e === failure,
    );
    assert.deepEqual(
      seen.map(([m, o]) => [m, o]),
      [
        ['csds', 'ok'],
        ['metrics', 'http_5xx'],
      ],
    );
    assert.ok(seen.every(([, , s]) => s >= 0));
  });
});
