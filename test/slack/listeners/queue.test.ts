import { strict as assert } from 'node:assert';
import type { App } from '@slack/bolt';
import type { ReportOutcome } from '../../../src/domain/outcome';
import { handleQueueCommand, register } from '../../../src/slack/listeners/commands/queue';
import { addDigest, fakes, order, skillReportOutcome, textOf } from './support';

const report = skillReportOutcome();

const run = (f: ReturnType<typeof fakes>, text: string) =>
  handleQueueCommand(
    { command: { text } as never, ack: f.ack as never, context: f.context as never },
    f.deps,
  );

describe('/queue handler', () => {
  it('help and usage are answered inside the ack, without touching LivePerson', async () => {
    for (const text of ['help', 'frobnicate the widgets', 'skills by phone']) {
      const f = fakes(report);
      await run(f, text);
      assert.deepEqual(order(f), ['ack'], text);
      assert.equal(f.run.callCount, 0);
    }
  });

  it('acks with the placeholder first, then runs the query and answers', async () => {
    const f = fakes(report);
    await run(f, 'skill billing last 4h');
    assert.deepEqual(order(f), ['ack', 'run', 'answer']);
    assert.match(textOf(f.events[0]![1] as never), /Fetching \*billing\*/);
    assert.match(textOf(f.sent('answer')[0]), /Waiting in queue/);
  });

  it('asks for the timezone only after the ack, and only for a wall-clock window', async () => {
    const since = fakes(report);
    await run(since, 'skill billing since 08:00');
    assert.deepEqual(order(since), ['ack', 'run', 'timezone', 'answer']);
    const last = fakes(report);
    await run(last, 'skill billing last 4h');
    assert.ok(!order(last).includes('timezone'));
  });

  it('an answer that failed still reaches the asker, readable, with the detail in the log only', async () => {
    const f = fakes(() => Promise.reject(new Error('socket hang up at secret-host:443')));
    await run(f, 'skill billing');
    assert.deepEqual(order(f), ['ack', 'run', 'answer']);
    const answer = textOf(f.sent('answer')[0]);
    assert.match(answer, /Something went wrong on our side/);
    assert.ok(!answer.includes('secret-host'));
    assert.ok(f.logLines.some((l) => /queue report failed/.test(l) && /secret-host/.test(l)));
  });

  describe("Bolt's listener", () => {
    /** The listener register() gives Bolt for /queue. */
    const listenerOf = (f: ReturnType<typeof fakes>) => {
      let listener: ((args: unknown) => Promise<void>) | undefined;
      const app = { command: (_name: string, fn: typeof listener) => (listener = fn) } as unknown as App;
      register(app, f.deps);
      return (text: string, ack: () => Promise<void> = f.ack) =>
        listener!({ command: { text }, ack, context: f.context, body: {}, respond: () => undefined });
    };
    const within = <T>(p: Promise<T>, ms: number) =>
      Promise.race([
        p,
        new Promise<never>((_r, reject) =>
          setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms),
        ),
      ]);

    it('is done once the ack is out; the report follows on its own, tracked for shutdown', async () => {
      let release!: (o: ReportOutcome) => void;
      const f = fakes(() => new Promise<ReportOutcome>((resolve) => (release = resolve)));
      // Bolt keeps a request's whole state while its listener runs: the listener must not wait for LivePerson.
      await within(listenerOf(f)('skill billing'), 1_000);
      assert.equal(order(f)[0], 'ack');
      assert.ok(!order(f).includes('answer'));
      assert.equal(f.deps.inFlight.size, 1, 'the report is still tracked, so a shutdown waits for it');
      // The report starts a couple of loop turns after the ack: wait for it, however loaded the machine.
      while (!f.run.called) await new Promise((r) => setTimeout(r, 5));
      release(report);
      assert.equal(await f.deps.inFlight.drain(2_000), true);
      assert.deepEqual(order(f), ['ack', 'run', 'answer']);
    });

    it('an answer that fails after the ack is logged, not left as an unhandled rejection', async () => {
      const f = fakes(report);
      f.ctx.conversation.answer = () => Promise.reject(new Error('the outbox is closed'));
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        await listenerOf(f)('skill billing');
        await f.deps.inFlight.drain(2_000);
        await new Promise((r) => setTimeout(r, 20));
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
      assert.deepEqual(unhandled, []);
      assert.ok(
        f.logLines.some((l) => /answer failed after its ack/.test(l) && /the outbox is closed/.test(l)),
      );
    });

    it('a failed ack starts no report', async () => {
      const f = fakes(report);
      const failing = () => Promise.reject(new Error('no_response_url'));
      await assert.rejects(listenerOf(f)('skill billing', failing), /no_response_url/);
      assert.equal(await f.deps.inFlight.drain(1_000), true);
      assert.equal(f.run.callCount, 0);
    });

    it('a digest command is still one piece: the listener ends once its change is stored and told', async () => {
      const f = fakes(report);
      const d = await addDigest(f);
      await listenerOf(f)(`digest pause ${d.id}`);
      assert.equal(
        (await f.deps.digests.get(d.id))?.paused,
        true,
        'stored before Bolt is told the request is done',
      );
      assert.equal(f.deps.inFlight.size, 0);
    });
  });
});
