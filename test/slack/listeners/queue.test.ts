import { strict as assert } from 'node:assert';
import { handleQueueCommand } from '../../../src/slack/listeners/commands/queue';
import { fakes, order, skillReportOutcome, textOf } from './support';

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
});
