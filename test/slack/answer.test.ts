import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { ReportOutcome } from '../../src/domain/outcome';
import { Deadline } from '../../src/shared/deadline';
import { SharedBuilds } from '../../src/shared/shared-builds';
import { answerQuery, JOIN_WINDOW_MS, type Answer } from '../../src/slack/answer';
import { skillQuery } from '../fixtures/reports';
import { fakes, order, skillReportOutcome, textOf } from './listeners/support';

const query = skillQuery('billing');
const report = skillReportOutcome();

describe('answerQuery', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      shouldClearNativeTimers: true,
      toFake: ['setTimeout', 'clearTimeout', 'performance'],
    });
  });
  afterEach(() => clock.restore());

  const slow = (ms: number) => () =>
    new Promise<ReportOutcome>((resolve) => setTimeout(() => resolve(report), ms));

  it('tells the placeholder it is still waiting when LivePerson is slow, then answers', async () => {
    const f = fakes(slow(35_000));
    f.deps.stillWaitingAfterMs = [4_000, 30_000];
    const done = answerQuery(f.ctx, f.deps, query);
    await clock.tickAsync(35_000);
    await done;
    assert.deepEqual(order(f), ['run', 'replace', 'replace', 'answer']);
    assert.match(textOf(f.sent('replace')[0]), /Still waiting on LivePerson for \*billing\* \(4 s so far\)/);
    assert.match(textOf(f.sent('replace')[1]), /\(30 s so far\)/);
    assert.match(textOf(f.sent('answer')[0]), /Waiting in queue/);
  });

  it('says nothing about waiting when the answer comes quickly', async () => {
    const f = fakes(slow(3_000));
    f.deps.stillWaitingAfterMs = [4_000];
    const done = answerQuery(f.ctx, f.deps, query);
    await clock.tickAsync(10_000);
    await done;
    assert.deepEqual(order(f), ['run', 'answer']);
  });

  it('never lets a "still waiting" land after the answer, even when it is slow to send', async () => {
    const f = fakes(slow(4_500));
    f.deps.stillWaitingAfterMs = [4_000];
    const events = f.events;
    // The "still waiting" post takes 2 s to reach Slack; the report is ready half a second in.
    (f.ctx.conversation as unknown as { replace: unknown }).replace = (m: unknown) =>
      new Promise((resolve) =>
        setTimeout(() => {
          events.push(['replace', m]);
          resolve({ ok: true });
        }, 2_000),
      );
    const done = answerQuery(f.ctx, f.deps, query);
    await clock.tickAsync(10_000);
    await done;
    assert.deepEqual(order(f), ['run', 'replace', 'answer']);
  });

  it("leaves the rest of the ack's turn of the loop to other requests: LivePerson is asked on a later turn", async () => {
    const f = fakes(report);
    const done = answerQuery(f.ctx, f.deps, query);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    assert.deepEqual(order(f), [], 'nothing asked in the turn of the ack');
    await done;
    assert.deepEqual(order(f), ['run', 'answer']);
  });

  it('stops saying "still waiting" once LivePerson has answered, though the report is still being built', async () => {
    const f = fakes(slow(3_990));
    f.deps.stillWaitingAfterMs = [4_000];
    // Building the report takes the clock past the 4 s mark.
    f.deps.charts = {
      chartFor: () => {
        clock.tick(1_000);
        return Promise.resolve(undefined);
      },
    };
    const done = answerQuery(f.ctx, f.deps, query);
    await clock.tickAsync(10_000);
    await done;
    assert.deepEqual(order(f), ['run', 'answer']);
  });

  it('passes one deadline of the whole budget down to the report service', async () => {
    const f = fakes(report);
    f.deps.answerBudgetMs = 90_000;
    await answerQuery(f.ctx, f.deps, query);
    const opts = f.events[0]![2] as { deadline: Deadline };
    assert.ok(opts.deadline instanceof Deadline);
    assert.equal(opts.deadline.budgetMs, 90_000);
  });

  it('an answer Slack would refuse is replaced by one saying so', async () => {
    const f = fakes(report);
    const conversation = f.ctx.conversation as unknown as { answer: sinon.SinonStub };
    const sent: unknown[] = [];
    conversation.answer = sinon.stub().callsFake((m: unknown) => {
      sent.push(m);
      return Promise.resolve(
        sent.length === 1 ? { ok: false, reason: 'limits', detail: 'blocks: 60' } : { ok: true },
      );
    });
    await answerQuery(f.ctx, f.deps, query);
    assert.equal(sent.length, 2);
    assert.match(textOf(sent[1] as never), /too big for one Slack message/);
    assert.ok(f.logLines.some((l) => /breaks Slack limits/.test(l)));
  });

  it('asks for "still waiting" in place of the placeholder only, never as a new message', async () => {
    const f = fakes(slow(5_000));
    f.deps.stillWaitingAfterMs = [4_000];
    const done = answerQuery(f.ctx, f.deps, query);
    await clock.tickAsync(5_000);
    await done;
    const [, , opts] = f.events.find((e) => e[0] === 'replace')!;
    assert.deepEqual(opts, { fallback: false });
  });

  it('a "still waiting" that throws does not lose the answer', async () => {
    const f = fakes(slow(5_000));
    f.deps.stillWaitingAfterMs = [4_000];
    (f.ctx.conversation as unknown as { replace: unknown }).replace = () =>
      Promise.reject(new Error('socket closed'));
    const done = answerQuery(f.ctx, f.deps, query);
    await clock.tickAsync(5_000);
    await done;
    assert.deepEqual(order(f), ['run', 'answer']);
    assert.ok(f.logLines.some((l) => /still coming/.test(l) && /socket closed/.test(l)));
  });

  describe('paging (in place): the clicked message may be a ranking the whole channel sees', () => {
    it('is replaced by the new page, with no "still waiting" over it meanwhile', async () => {
      const f = fakes(slow(35_000));
      f.deps.stillWaitingAfterMs = [4_000, 30_000];
      const done = answerQuery(f.ctx, f.deps, query, { inPlace: true, page: 2 });
      await clock.tickAsync(35_000);
      await done;
      assert.deepEqual(order(f), ['run', 'answer']);
      assert.deepEqual(f.events[1]![2], { inPlace: true });
    });

    it('is left as it is when the page cannot be shown: the problem goes to the clicker alone', async () => {
      const f = fakes(() => Promise.reject(new Error('boom')));
      await answerQuery(f.ctx, f.deps, query, { inPlace: true, page: 2 });
      assert.deepEqual(order(f), ['run', 'note']);
      assert.match(textOf(f.sent('note')[0]), /Something went wrong on our side/);
    });

    it('a window that has no answer now is a note too, not a replacement', async () => {
      const f = fakes({
        kind: 'window',
        problem: { kind: 'not-yet', hour: 20, minute: 0, nowHour: 16, nowMinute: 0, zone: 'UTC' },
      });
      await answerQuery(f.ctx, f.deps, query, { inPlace: true });
      assert.deepEqual(order(f), ['run', 'note']);
    });
  });
});

describe('answerQuery: identical concurrent asks share one build', () => {
  /** Two askers (their own conversations and zones) over one report service and one build table. */
  function twoAskers(zones: [string, string]) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = fakes(() => gate.then(() => report));
    const b = fakes(report);
    const builds = new SharedBuilds<Answer>();
    a.deps.builds = builds;
    b.deps = { ...b.deps, reports: a.deps.reports, builds };
    a.ctx.timezone = () => Promise.resolve(zones[0]);
    b.ctx.timezone = () => Promise.resolve(zones[1]);
    /** Lets every ask start (and join) while the first build waits on LivePerson, then answers it. */
    const together = async (asks: Promise<void>[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      await Promise.all(asks);
    };
    return { a, b, release, together, runs: () => order(a).filter((e) => e === 'run').length };
  }

  it('a second ask while the first is being built gets the same answer, and LivePerson is asked once', async () => {
    const t = twoAskers(['Europe/Berlin', 'America/New_York']);
    await t.together([answerQuery(t.a.ctx, t.a.deps, query), answerQuery(t.b.ctx, t.b.deps, query)]);
    assert.equal(t.runs(), 1, '"last 4h" is the same report in every zone');
    const [mine, theirs] = [t.a.sent('answer')[0], t.b.sent('answer')[0]];
    assert.match(textOf(theirs), /Waiting in queue/);
    assert.equal(theirs, mine, 'the very same message: built once');
  });

  it('a joiner stops saying "still waiting" once the build it joined has LivePerson\'s answer', async () => {
    const t = twoAskers(['Europe/Berlin', 'Europe/Berlin']);
    // LivePerson answers at 20 ms; the chart takes until 200 ms; the joiner would say "still waiting" at 80.
    t.a.deps.charts = { chartFor: () => new Promise((resolve) => setTimeout(() => resolve(undefined), 200)) };
    t.b.deps = { ...t.b.deps, stillWaitingAfterMs: [80] };
    await t.together([answerQuery(t.a.ctx, t.a.deps, query), answerQuery(t.b.ctx, t.b.deps, query)]);
    assert.equal(t.runs(), 1);
    assert.deepEqual(order(t.b), ['answer'], 'no "still waiting" after LivePerson had answered');
  });

  it('a joiner whose build is still waiting on LivePerson says so', async () => {
    const t = twoAskers(['Europe/Berlin', 'Europe/Berlin']);
    t.b.deps = { ...t.b.deps, stillWaitingAfterMs: [5] };
    await t.together([answerQuery(t.a.ctx, t.a.deps, query), answerQuery(t.b.ctx, t.b.deps, query)]);
    assert.deepEqual(order(t.b), ['replace', 'answer']);
    assert.match(textOf(t.b.sent('replace')[0]), /[Ss]till waiting/);
  });

  it('a window that reads the wall clock is built once per zone', async () => {
    const t = twoAskers(['Europe/Berlin', 'America/New_York']);
    const today: typeof query = { ...query, window: { kind: 'today' } };
    await t.together([answerQuery(t.a.ctx, t.a.deps, today), answerQuery(t.b.ctx, t.b.deps, today)]);
    assert.equal(t.runs(), 2, "Berlin's today is not New York's");
  });

  it('asks in the same zone share a wall-clock build too; another page does not share', async () => {
    const t = twoAskers(['Europe/Berlin', 'Europe/Berlin']);
    const today: typeof query = { ...query, window: { kind: 'today' } };
    await t.together([
      answerQuery(t.a.ctx, t.a.deps, today),
      answerQuery(t.b.ctx, t.b.deps, today),
      answerQuery(t.b.ctx, t.b.deps, today, { page: 2 }),
    ]);
    assert.equal(t.runs(), 2);
  });

  it('an ask JOIN_WINDOW_MS after a build began does not join it: it gets a build, and a deadline, of its own', async () => {
    const t = twoAskers(['Europe/Berlin', 'Europe/Berlin']);
    const startedAt = t.a.ctx.now();
    t.b.ctx.now = () => startedAt + JOIN_WINDOW_MS;
    await t.together([answerQuery(t.a.ctx, t.a.deps, query), answerQuery(t.b.ctx, t.b.deps, query)]);
    assert.equal(t.runs(), 2);
  });

  it('when the zone cannot be had for the key, the ask is answered on its own', async () => {
    const t = twoAskers(['Europe/Berlin', 'Europe/Berlin']);
    const today: typeof query = { ...query, window: { kind: 'today' } };
    t.release();
    await answerQuery(t.a.ctx, t.a.deps, today, {
      timezone: () => Promise.reject(new Error('users.info down')),
    });
    assert.equal(t.runs(), 1);
    assert.equal(t.a.sent('answer').length, 1, 'answered, not thrown');
  });

  it('an ask after the build finished builds again (nothing is replayed from an earlier answer)', async () => {
    const t = twoAskers(['Europe/Berlin', 'Europe/Berlin']);
    t.release();
    await answerQuery(t.a.ctx, t.a.deps, query);
    await answerQuery(t.b.ctx, t.b.deps, query);
    assert.equal(t.runs(), 2);
  });
});
