import { strict as assert } from 'node:assert';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import { errorForStatus, userTextOf } from '../../../src/liveperson/client/http-attempt';
import { bodyForLog, redact, redactingLogger } from '../../../src/liveperson/client/http-log';
import type { KmmResponse } from '../../../src/liveperson/contract/metrics-response';
import { mergeMetricsPages, remainingPages } from '../../../src/liveperson/client/paging';
import {
  RETRY_POLICIES,
  formatSeconds,
  parseRetryAfter,
  withRetries,
  type RetryPolicy,
} from '../../../src/liveperson/client/retry-policy';
import { Deadline } from '../../../src/shared/deadline';
import { SingleFlight } from '../../../src/shared/single-flight';
import { stableKey } from '../../../src/shared/stable-key';
import { TtlCache } from '../../../src/liveperson/client/ttl-cache';
import { captureLogger } from '../support/capture-logger';
import { fakeRuntime } from '../support/fake-time';

const unavailable = (status?: number) =>
  new LivePersonUnavailableError('down', status === undefined ? {} : { status });
const rateLimited = (retryAfterSeconds?: number) =>
  new LivePersonRateLimitedError('slow down', {
    status: 429,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });

/** An attempt function that throws the scripted errors in order, then succeeds. */
function script(...errors: Error[]) {
  const calls: { attempt: number; timeoutMs: number }[] = [];
  const fn = (ctx: { attempt: number; timeoutMs: number }) => {
    calls.push(ctx);
    const e = errors[ctx.attempt - 1];
    return e ? Promise.reject(e) : Promise.resolve('ok');
  };
  return { fn, calls };
}
const noReauth = { onUnauthorized: () => Promise.resolve(false) };

describe('retry policy', () => {
  const interactive = RETRY_POLICIES.interactive;

  it('retries 5xx and connection failures with backoff, then succeeds', async () => {
    const rt = fakeRuntime();
    const { fn, calls } = script(unavailable(503), unavailable());
    assert.equal(await withRetries(fn, interactive, rt, noReauth), 'ok');
    assert.equal(calls.length, 3);
    assert.deepEqual(rt.sleeps, [1000, 2000]);
  });

  it('adds jitter on top of the backoff, never below it', async () => {
    const rt = fakeRuntime(0.999);
    await withRetries(script(unavailable(500)).fn, interactive, rt, noReauth);
    assert.ok(rt.sleeps[0]! > 1000 && rt.sleeps[0]! < 1000 * 1.3 + 1, String(rt.sleeps[0]));
  });

  it('background calls follow LivePerson’s 5/10/15 s schedule: 3 retries, then the error', async () => {
    const rt = fakeRuntime();
    const { fn, calls } = script(unavailable(500), unavailable(502), unavailable(503), unavailable(504));
    await assert.rejects(withRetries(fn, RETRY_POLICIES.background, rt, noReauth), (e: unknown) => {
      assert.ok(e instanceof LivePersonUnavailableError);
      assert.equal(e.status, 504);
      return true;
    });
    assert.equal(calls.length, 4);
    assert.deepEqual(rt.sleeps, [5000, 10000, 15000]);
  });

  it('never retries a 400 or a 403', async () => {
    for (const e of [
      new LivePersonInvalidRequestError('bad', { status: 400 }),
      new LivePersonAuthError('forbidden', { status: 403 }),
    ]) {
      const rt = fakeRuntime();
      const { fn, calls } = script(e);
      await assert.rejects(withRetries(fn, interactive, rt, noReauth), e);
      assert.equal(calls.length, 1);
      assert.deepEqual(rt.sleeps, []);
    }
  });

  it('waits at least 1 s on a 429 and honours a longer Retry-After', async () => {
    const rt = fakeRuntime();
    await withRetries(script(rateLimited(), rateLimited(0), rateLimited(3)).fn, interactive, rt, noReauth);
    assert.deepEqual(rt.sleeps, [1000, 1000, 3000]);
  });

  it('fails at once with LivePersonRateLimitedError when Retry-After exceeds the remaining budget', async () => {
    const rt = fakeRuntime();
    const { fn, calls } = script(rateLimited(300));
    await assert.rejects(withRetries(fn, interactive, rt, noReauth), (e: unknown) => {
      assert.ok(e instanceof LivePersonRateLimitedError);
      assert.equal(e.message, 'LivePerson rate-limited the request (HTTP 429).');
      assert.equal(e.retryAfterSeconds, 300);
      return true;
    });
    assert.equal(calls.length, 1);
    assert.deepEqual(rt.sleeps, [], 'did not wait before failing');
  });

  it('re-authenticates once after a 401 and retries once; a second 401 is final', async () => {
    const unauthorized = () => new LivePersonAuthError('no', { status: 401 });
    let reauths = 0;
    const hooks = { onUnauthorized: () => Promise.resolve(++reauths > 0) };
    const ok = script(unauthorized());
    assert.equal(await withRetries(ok.fn, interactive, fakeRuntime(), hooks), 'ok');
    assert.equal(reauths, 1);
    const bad = script(unauthorized(), unauthorized(), unauthorized());
    await assert.rejects(withRetries(bad.fn, interactive, fakeRuntime(), hooks), LivePersonAuthError);
    assert.equal(bad.calls.length, 2);
    assert.equal(reauths, 2);
  });

  it('does not retry a 401 when the authenticator cannot help', async () => {
    const { fn, calls } = script(new LivePersonAuthError('no', { status: 401 }));
    await assert.rejects(withRetries(fn, interactive, fakeRuntime(), noReauth), LivePersonAuthError);
    assert.equal(calls.length, 1);
  });

  it('bounds each attempt by the remaining budget and reports a timeout against the whole budget', async () => {
    const policy: RetryPolicy = {
      ...interactive,
      budgetMs: 8000,
      attemptTimeoutMs: 5000,
      backoffMs: [1000, 1000, 1000],
    };
    const rt = fakeRuntime();
    // Each attempt "takes" its whole timeout on the fake clock before timing out.
    const timeouts: number[] = [];
    const fn = ({ timeoutMs }: { timeoutMs: number }) => {
      timeouts.push(timeoutMs);
      void rt.sleep(timeoutMs);
      return Promise.reject(new LivePersonTimeoutError('slow', {}));
    };
    await assert.rejects(withRetries(fn, policy, rt, noReauth), (e: unknown) => {
      assert.ok(e instanceof LivePersonTimeoutError);
      assert.equal(e.message, 'LivePerson did not answer within 8 s.');
      return true;
    });
    assert.deepEqual(timeouts, [5000, 2000]);
    const total = rt.sleeps.reduce((a, b) => a + b, 0);
    assert.ok(total <= 8000, `spent ${total} ms`);
  });

  it('scales every duration with timeScale', async () => {
    const rt = { ...fakeRuntime(), timeScale: 0.01 };
    const sleeps = rt.sleeps;
    await withRetries(script(unavailable(500), rateLimited(2)).fn, interactive, rt, noReauth);
    assert.deepEqual(sleeps, [10, 20]);
  });

  it('scales the waits only: a slow attempt still gets its whole timeout', async () => {
    const rt = { ...fakeRuntime(), timeScale: 0.01 };
    const { fn, calls } = script();
    await withRetries(fn, interactive, rt, noReauth);
    assert.equal(calls[0]!.timeoutMs, interactive.attemptTimeoutMs);
  });

  it('waits for a slow answer: an interactive attempt may take 45 s, not a few seconds', () => {
    assert.ok(interactive.attemptTimeoutMs >= 20_000, 'LivePerson answering in 5–20 s must not be cut off');
    assert.ok(interactive.budgetMs >= 60_000);
  });

  it('with a deadline, the deadline is the budget: every attempt and wait fits in what it leaves', async () => {
    const rt = fakeRuntime();
    const deadline = Deadline.after(3_500, rt.monotonic);
    const timeouts: number[] = [];
    const fn = ({ timeoutMs }: { timeoutMs: number }) => {
      timeouts.push(timeoutMs);
      void rt.sleep(timeoutMs);
      return Promise.reject(new LivePersonTimeoutError('slow', {}));
    };
    await assert.rejects(withRetries(fn, interactive, rt, noReauth, deadline), (e: unknown) => {
      assert.ok(e instanceof LivePersonTimeoutError);
      assert.equal(e.message, 'LivePerson did not answer within 3.5 s.');
      return true;
    });
    // The first attempt may use all 3.5 s (under the 45 s cap); nothing is left for a retry.
    assert.deepEqual(timeouts, [3500]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    assert.equal(parseRetryAfter('7', now), 7);
    assert.equal(parseRetryAfter(new Date(now + 5000).toUTCString(), now), 5);
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(formatSeconds(8000), '8 s');
    assert.equal(formatSeconds(1500), '1.5 s');
  });
});

describe('status → typed error', () => {
  it('maps 401/403, 429, other 4xx and 5xx', () => {
    assert.ok(errorForStatus(401, '', {}) instanceof LivePersonAuthError);
    // Every auth mode ends in these lines: they name the LP_* settings, not one mode's key.
    assert.match(errorForStatus(401, '', {}).message, /check the LP_\* credentials/);
    assert.doesNotMatch(errorForStatus(401, '', {}).message, /API key/);
    assert.match(errorForStatus(403, '', {}).message, /API key, OAuth 2\.0 client or login user/);
    assert.match(errorForStatus(403, '', {}).message, /Key Messaging Metrics/);
    const rl = errorForStatus(429, '', { 'retry-after': '4' });
    assert.ok(rl instanceof LivePersonRateLimitedError && rl.retryAfterSeconds === 4);
    assert.ok(errorForStatus(404, '', {}) instanceof LivePersonInvalidRequestError);
    const down = errorForStatus(502, '<html>Bad gateway</html>', {});
    assert.ok(down instanceof LivePersonUnavailableError);
    assert.ok(!down.message.includes('html'), 'upstream body never reaches the user message');
    assert.match(down.detail ?? '', /Bad gateway/, 'but it is kept for the log');
  });

  it('shows a 400’s upstream message only when it is short plain text', () => {
    const msg = 'That window is 30 h; LivePerson keeps at most 24 h per query.';
    assert.equal(
      (errorForStatus(400, JSON.stringify({ error: { message: msg } }), {}) as LivePersonInvalidRequestError)
        .reason,
      msg,
    );
    assert.equal(userTextOf(JSON.stringify({ message: 'Unknown sort key.' })), 'Unknown sort key.');
    for (const body of [
      '<html><body>400 Bad Request</body></html>',
      JSON.stringify({ error: { message: 'java.lang.NullPointerException at com.lp.Foo.bar(Foo.java:12)' } }),
      JSON.stringify({ error: { message: 'x'.repeat(500) } }),
      JSON.stringify({ error: { message: 'line one\nline two' } }),
      JSON.stringify({ error: { message: '{"nested":"json"}' } }),
      JSON.stringify({ error: { code: 12 } }),
    ]) {
      const e = errorForStatus(400, body, {});
      assert.equal((e as LivePersonInvalidRequestError).reason, undefined, body);
      assert.ok(e.detail?.includes(body.slice(0, 20)), 'raw body kept for the log');
    }
  });
});

describe('log redaction', () => {
  it('scrubs known secrets and credential-looking fragments', () => {
    const text = redact(
      'Authorization: Bearer abc.def.ghi oauth_signature="sig%3D" {"password":"hunter2hunter2","csrf":"c1"} my-secret-value',
      ['my-secret-value'],
    );
    for (const s of ['abc.def.ghi', 'sig%3D', 'hunter2hunter2', '"c1"', 'my-secret-value']) {
      assert.ok(!text.includes(s), `${s} leaked: ${text}`);
    }
  });

  it('http-log scrubs what the shared redaction does: Slack tokens, bearers, escaped and encoded secrets', () => {
    const body = JSON.stringify({
      error: 'echoed request',
      headers: 'Authorization: Bearer lp-bearer-0123456789',
      note: 'pasted xoxb-1111-2222-AbCdEf and xapp-1-A01-2-abc',
      key: 'key%2Fwith%2Fslashes',
    });
    const text = bodyForLog(body, ['key/with/slashes']);
    for (const s of ['lp-bearer-0123456789', 'xoxb-1111', 'xapp-1-A01', 'key%2Fwith']) {
      assert.ok(!text.includes(s), `${s} leaked: ${text}`);
    }
    assert.ok(text.includes('echoed request'), text);
  });

  it('redactingLogger scrubs strings, errors and objects with the secrets known at call time', () => {
    const log = captureLogger();
    let secrets = ['first-secret-1'];
    const r = redactingLogger(log, () => secrets);
    r.warn('got first-secret-1', new Error('boom first-secret-1'), { token: 'first-secret-1' });
    secrets = ['later-bearer-2'];
    r.error('later-bearer-2 appeared');
    assert.ok(!log.text().includes('first-secret-1'));
    assert.ok(!log.text().includes('later-bearer-2'));
    assert.equal(log.lines.length, 2);
  });
});

describe('TtlCache', () => {
  it('expires entries after the TTL on the injected clock', () => {
    let now = 0;
    const c = new TtlCache<number>({ ttlMs: 30_000, now: () => now });
    c.set('a', 1);
    now = 29_999;
    assert.equal(c.get('a'), 1);
    now = 30_000;
    assert.equal(c.get('a'), undefined);
  });
  it('stores nothing with a TTL of 0', () => {
    const c = new TtlCache<number>({ ttlMs: 0 });
    c.set('a', 1);
    assert.equal(c.get('a'), undefined);
    assert.equal(c.size, 0);
  });
  it('evicts the oldest entry when full', () => {
    const c = new TtlCache<number>({ ttlMs: 1000, maxEntries: 2, now: () => 0 });
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    assert.deepEqual([c.get('a'), c.get('b'), c.get('c')], [undefined, 2, 3]);
  });
  it('refuses a negative TTL', () => {
    assert.throws(() => new TtlCache({ ttlMs: -1 }), RangeError);
  });
});

describe('SingleFlight', () => {
  it('shares one run among concurrent callers and forgets it once settled, failures included', async () => {
    const sf = new SingleFlight<number>();
    let runs = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++runs), 5));
    const results = await Promise.all([sf.run('k', slow), sf.run('k', slow), sf.run('k', slow)]);
    assert.deepEqual(results, [1, 1, 1]);
    assert.equal(sf.size, 0);
    await assert.rejects(
      sf.run('k', () => Promise.reject(new Error('x'))),
      /x/,
    );
    assert.equal(await sf.run('k', slow), 2, 'a failure is not replayed');
  });
  it('cleans up after a synchronous throw', async () => {
    const sf = new SingleFlight<number>();
    await assert.rejects(
      sf.run('k', () => {
        throw new Error('sync');
      }),
      /sync/,
    );
    assert.equal(sf.size, 0);
  });
});

describe('stableKey', () => {
  it('ignores object key order and undefined fields, keeps array order', () => {
    assert.equal(
      stableKey({ a: 1, b: { c: 2, d: 3 } }),
      stableKey({ b: { d: 3, c: 2 }, a: 1, e: undefined }),
    );
    assert.notEqual(stableKey({ a: [1, 2] }), stableKey({ a: [2, 1] }));
  });
});

describe('paging', () => {
  it('plans the pages after the first, stopping at 1000 keys', () => {
    assert.deepEqual(remainingPages(50, 50), []);
    assert.deepEqual(
      remainingPages(130, 50).map((p) => p.offset),
      [50, 100],
    );
    const capped = remainingPages(5000, 50);
    assert.equal(capped.length, 19);
    assert.deepEqual(capped.at(-1), { offset: 950, limit: 50 });
  });

  it('merges pages: each key once, in order, `all` from the first page', () => {
    const page = (keys: string[], all?: number): KmmResponse => ({
      count: 4,
      links: {},
      groups: keys.map((key) => ({ key, name: key, metrics: {} })),
      ...(all === undefined ? {} : { all: { closedConversations: all } }),
    });
    const merged = mergeMetricsPages([page(['a', 'b'], 10), page(['b', 'c', 'd'], 99)]);
    assert.deepEqual(
      merged.groups.map((g) => g.key),
      ['a', 'b', 'c', 'd'],
    );
    assert.deepEqual(merged.all, { closedConversations: 10 });
    assert.equal(merged.truncated, false);
    assert.throws(() => mergeMetricsPages([]));
  });
});
