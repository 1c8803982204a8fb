import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';
import { BUSY_NOW, buttons, fieldValue, startHarness, texts, type Harness } from './harness';

/** The window a report says it covers: the instants of its context line's `<!date^…>` tokens. */
function windowOf(message: Record<string, unknown>): [number, number] {
  const line = texts(message).find((t) => t.startsWith(':clock3:')) ?? '';
  const [from, to] = [...line.matchAll(/<!date\^(\d+)\^/g)].map((m) => Number(m[1]) * 1000);
  assert.ok(from !== undefined && to !== undefined, `no window in ${line}`);
  return [from, to];
}

/** The time filter of the latest metrics request the simulator received. */
function askedWindow(h: Harness): { from: number; to: number } {
  const last = h.sim.requests('metrics').at(-1) as { filters?: { time?: { from: number; to: number } } };
  assert.ok(last?.filters?.time, 'a metrics request was sent');
  return last.filters.time;
}

describe('e2e: ack first, one deadline, intent not instants', function () {
  this.timeout(90_000);

  describe('a Slack that stalls users.info for 10 s', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
      h.slack.delays.set('users.info', 10_000);
      h.slack.userTimezones.set('U0BERLIN', 'Europe/Berlin');
    });
    after(() => h.close());

    it('still sees the ack of /queue skill billing since 08:00 within 1 s, and the report after it', async () => {
      const r = await h.command('skill billing since 08:00', { userId: 'U0BERLIN' });
      assert.equal(r.status, 200);
      assert.ok(r.ackMs < 1000, `ack took ${r.ackMs} ms`);
      assert.match(JSON.stringify(r.ack), /Fetching/);
      const posts = await h.responses(r.responseId, 1, 20_000);
      const report = posts.find((p) => fieldValue(p.body, 'Waiting in queue') !== undefined);
      assert.ok(report, 'the report arrived');
      // users.info never answered in time: the window is 08:00 in DEFAULT_TIMEZONE (UTC).
      assert.equal(windowOf(report.body)[0], Date.UTC(2026, 10, 25, 8, 0));
      assert.ok(h.slack.callsTo('users.info').length >= 1, 'the zone was asked for, after the ack');
    });

    it('does not ask for the zone at all when the window does not need it', async () => {
      const before = h.slack.callsTo('users.info').length;
      const r = await h.command('skill billing last 4h', { userId: 'U0SOMEONE' });
      assert.ok(r.ackMs < 1000, `ack took ${r.ackMs} ms`);
      await h.responses(r.responseId, 1, 10_000);
      assert.equal(h.slack.callsTo('users.info').length, before);
    });
  });

  describe('a LivePerson that answers every call after 8 s', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ start: { retry: {} } });
      // Every route, CSDS included: a cold bot needs four such calls before it has a report.
      h.sim.inject({ latencyMs: 8_000, times: 1_000 });
    });
    after(() => h.close());

    it('ends in the report, after the placeholder said it was still waiting', async () => {
      const r = await h.command('skill billing');
      assert.ok(r.ackMs < 3000, `ack took ${r.ackMs} ms`);
      const posts = await h.responses(r.responseId, 3, 80_000);
      const waiting = posts.filter((p) => /Still waiting on LivePerson/.test(JSON.stringify(p.body)));
      assert.ok(waiting.length >= 1, 'the placeholder said it was still waiting');
      assert.ok(
        waiting.every((p) => p.body.replace_original === true),
        'in place of the placeholder',
      );
      const last = posts[posts.length - 1]!;
      assert.ok(
        fieldValue(last.body, 'Waiting in queue') !== undefined,
        JSON.stringify(last.body).slice(0, 300),
      );
      assert.ok(
        !/took too long/.test(JSON.stringify(posts)),
        'a slow LivePerson is waited for, not given up on',
      );
      assert.ok(posts.indexOf(waiting[0]!) < posts.indexOf(last), 'never "still waiting" after the report');
    });
  });

  describe('a stored query run again a day later', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(() => h.close());

    it('asks LivePerson for the new window, not the one the button was made with', async () => {
      const r = await h.command('skills by closed top 3');
      const first = (await h.responses(r.responseId))[0]!.body;
      assert.deepEqual(windowOf(first), [BUSY_NOW - HOUR_MS, BUSY_NOW]);
      assert.deepEqual(askedWindow(h), { from: BUSY_NOW - HOUR_MS, to: BUSY_NOW });
      const next = buttons(first).find((b) => b.actionId === 'qp:page:next');
      assert.ok(next, 'a Next button');
      h.setNow(BUSY_NOW + DAY_MS);
      const click = await h.click({ actionId: next.actionId, value: next.value });
      const posts = await h.responses(click.responseId);
      const second = posts[posts.length - 1]!.body;
      assert.deepEqual(windowOf(second), [BUSY_NOW + DAY_MS - HOUR_MS, BUSY_NOW + DAY_MS]);
      // What LivePerson was asked, not only what the report shows.
      assert.deepEqual(askedWindow(h), { from: BUSY_NOW + DAY_MS - HOUR_MS, to: BUSY_NOW + DAY_MS });
      assert.match(texts(second).join('\n'), /4\./, 'page 2 of the same ranking');
    });
  });
});
