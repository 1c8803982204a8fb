/**
 * The outbox over real HTTP against the fake Slack: a WebClient built as production builds it
 * (no retries of its own, 429 rejected to the caller), button state sealed into an in-memory
 * store, and a fake monotonic clock and sleep so pacing and Retry-After never wait in real time.
 */
import { strict as assert } from 'node:assert';
import net from 'node:net';
import type { KnownBlock } from '@slack/types';
import { LogLevel, WebClient } from '@slack/web-api';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { createLogger } from '../../src/shared/logger';
import {
  ACTION_STATE_CODEC,
  decodeActionValue,
  encodeActionValue,
  type ActionRef,
  type StoredState,
} from '../../src/slack/action-ref';
import { Outbox, type OutboxDeps, type SendResult } from '../../src/slack/outbox';
import { postJson, type PostJson } from '../../src/slack/response-post';
import type { SlackMessage } from '../../src/slack/views/message';
import { MemoryRepository } from '../fixtures/memory-store';

interface Harness {
  outbox: Outbox;
  repo: MemoryRepository<StoredState>;
  lines: string[];
  /** Every sleep the outbox asked for, in ms. */
  sleeps: number[];
  /** The fake monotonic clock, in ms; sleeps advance it. */
  clock: { now: number };
}

function message(text = 'hello', blocks?: KnownBlock[]): SlackMessage {
  return { text, blocks: blocks ?? [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function sixtyBlocks(): SlackMessage {
  return message(
    'too many',
    Array.from({ length: 60 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `row ${i}` } })),
  );
}

function longSection(): SlackMessage {
  return message('too long', [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }]);
}

function pick(name: string): ActionRef {
  return {
    kind: 'pick',
    query: { kind: 'skill', name, window: { kind: 'today' }, public: false },
    id: 'S42',
  };
}

function buttons(...values: string[]): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: 'Did you mean …?' } },
    {
      type: 'actions',
      elements: values.map((value, i) => ({
        type: 'button',
        action_id: `qp:pick:${i}`,
        text: { type: 'plain_text', text: `Option ${i}` },
        value,
      })),
    },
  ];
}

/** The button values of the first actions block a call (or response post) carried. */
function buttonValues(blocks: unknown): string[] {
  const actions = (blocks as { type: string; elements?: { value?: string }[] }[]).find(
    (b) => b.type === 'actions',
  );
  return (actions?.elements ?? []).map((e) => String(e.value));
}

function assertFailure(r: SendResult, reason: string): asserts r is Extract<SendResult, { ok: false }> {
  assert.equal(r.ok, false, `expected a ${reason} failure, got ${JSON.stringify(r)}`);
  assert.equal(r.reason, reason, JSON.stringify(r));
}

/** A local port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Outbox', () => {
  let fake: FakeSlack;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
  });
  afterEach(async () => {
    await fake.close();
  });

  function outbox(overrides: Partial<OutboxDeps> = {}): Harness {
    const lines: string[] = [];
    const sleeps: number[] = [];
    const clock = { now: 1_000_000 };
    const repo = new MemoryRepository<StoredState>(ACTION_STATE_CODEC);
    const client = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // Quiet: the outbox's own log is the one under test.
      logLevel: LogLevel.ERROR,
    });
    const box = new Outbox({
      client,
      actionState: repo,
      log: createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } }),
      clock: () => clock.now,
      sleep: (ms) => {
        sleeps.push(ms);
        clock.now += ms;
        return Promise.resolve();
      },
      ...overrides,
    });
    return { outbox: box, repo, lines, sleeps, clock };
  }

  /** Calls Slack carried out (not answered 429). */
  const delivered = (method: string) => fake.callsTo(method).filter((c) => !c.rateLimited);

  describe('sending', () => {
    it('post: chat.postMessage with channel, text and blocks; ok with the channel and ts', async () => {
      const { outbox: box } = outbox();
      const msg = message('queue is 4');
      const r = await box.post('C1', msg);
      assert.equal(r.ok, true);
      assert.ok(r.ok);
      assert.equal(r.channel, 'C1');
      assert.match(r.ts ?? '', /^\d+\.\d{6}$/);
      const [call, ...more] = fake.callsTo('chat.postMessage');
      assert.equal(more.length, 0);
      assert.equal(call!.token, 'xoxb-test');
      assert.equal(call!.args.channel, 'C1');
      assert.equal(call!.args.text, 'queue is 4');
      assert.deepEqual(call!.args.blocks, msg.blocks);
    });

    it('ephemeral: chat.postEphemeral to the user in the channel; ok with the message_ts', async () => {
      const { outbox: box } = outbox();
      const msg = message('only you');
      const r = await box.ephemeral('C1', 'U1', msg);
      assert.ok(r.ok);
      assert.equal(r.channel, 'C1');
      assert.match(r.ts ?? '', /^\d+\.\d{6}$/);
      const calls = fake.callsTo('chat.postEphemeral');
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.args.channel, 'C1');
      assert.equal(calls[0]!.args.user, 'U1');
      assert.equal(calls[0]!.args.text, 'only you');
      assert.deepEqual(calls[0]!.args.blocks, msg.blocks);
      assert.equal(fake.callsTo('chat.postMessage').length, 0);
    });

    it('update: chat.update of the message by channel and ts', async () => {
      const { outbox: box } = outbox();
      const msg = message('edited');
      const r = await box.update('C1', '1700000000.000100', msg);
      assert.deepEqual(r, { ok: true, channel: 'C1', ts: '1700000000.000100' });
      const calls = fake.callsTo('chat.update');
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.args.channel, 'C1');
      assert.equal(calls[0]!.args.ts, '1700000000.000100');
      assert.equal(calls[0]!.args.text, 'edited');
      assert.deepEqual(calls[0]!.args.blocks, msg.blocks);
    });

    it('delete: chat.delete of the message by channel and ts', async () => {
      const { outbox: box } = outbox();
      const r = await box.delete('C1', '1700000000.000100');
      assert.deepEqual(r, { ok: true, channel: 'C1', ts: '1700000000.000100' });
      const calls = fake.callsTo('chat.delete');
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.args.channel, 'C1');
      assert.equal(calls[0]!.args.ts, '1700000000.000100');
    });

    it('dm: chat.postMessage to the user id (their DM with the bot)', async () => {
      const { outbox: box } = outbox();
      const r = await box.dm('U77', message('your digest'));
      assert.ok(r.ok);
      const calls = fake.callsTo('chat.postMessage');
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.args.channel, 'U77');
      assert.equal(calls[0]!.args.text, 'your digest');
    });

    it('respond: posts the payload as JSON to the response_url, and no Web API call', async () => {
      const { outbox: box } = outbox();
      const payload = { ...message('in place'), response_type: 'ephemeral' as const, replace_original: true };
      const r = await box.respond(fake.responseUrl('r1'), payload);
      assert.deepEqual(r, { ok: true });
      const posts = fake.responsesTo('r1');
      assert.equal(posts.length, 1);
      assert.deepEqual(posts[0]!.body, payload);
      assert.equal(fake.calls.length, 0);
    });

    it('respond: one answer to many askers goes out as the same bytes; another way, its own', async () => {
      const bodies: (string | Buffer)[] = [];
      const recording: PostJson = (url, body, timeoutMs) => {
        bodies.push(body);
        return postJson(url, body, timeoutMs);
      };
      const { outbox: box } = outbox({ postJson: recording });
      const shared = message(
        'the report',
        buttons(encodeActionValue(pick(`Billing ${'very long skill name '.repeat(20)}`), 100)),
      );
      const privately = { ...shared, response_type: 'ephemeral' as const, replace_original: true };
      for (const id of ['a1', 'a2', 'a3'])
        assert.deepEqual(await box.respond(fake.responseUrl(id), { ...privately }), { ok: true });
      await box.respond(fake.responseUrl('a4'), {
        ...shared,
        response_type: 'in_channel',
        replace_original: false,
      });
      assert.equal(bodies.length, 4);
      assert.ok(bodies[1] === bodies[0] && bodies[2] === bodies[0], 'made once, sent three times');
      assert.notEqual(bodies[3], bodies[0]);
      // Each asker got the whole answer, its over-long button state sealed as for one.
      for (const id of ['a1', 'a2', 'a3']) {
        const [got] = fake.responsesTo(id);
        assert.equal(got!.body.response_type, 'ephemeral');
        assert.match(buttonValues(got!.body.blocks)[0]!, /^1@/);
      }
      assert.equal(fake.responsesTo('a4')[0]!.body.response_type, 'in_channel');
    });

    it('respond: a delete_original needs no text and is sent as is', async () => {
      const { outbox: box } = outbox();
      const r = await box.respond(fake.responseUrl('r1'), { delete_original: true });
      assert.deepEqual(r, { ok: true });
      assert.deepEqual(
        fake.responsesTo('r1').map((p) => p.body),
        [{ delete_original: true }],
      );
    });
  });

  describe("Slack's limits, checked before every send", () => {
    const sends: [string, (box: Outbox, msg: SlackMessage) => Promise<SendResult>][] = [
      ['post', (box, msg) => box.post('C1', msg)],
      ['dm', (box, msg) => box.dm('U1', msg)],
      ['ephemeral', (box, msg) => box.ephemeral('C1', 'U1', msg)],
      ['update', (box, msg) => box.update('C1', '1.000001', msg)],
      ['respond', (box, msg) => box.respond(fake.responseUrl('r1'), { ...msg, replace_original: true })],
    ];

    for (const [kind, send] of sends) {
      it(`${kind}: 60 blocks are not sent; limits, with the violation in detail`, async () => {
        const { outbox: box } = outbox();
        const r = await send(box, sixtyBlocks());
        assertFailure(r, 'limits');
        assert.match(r.detail, /blocks: 60 blocks; Slack allows 50/);
        assert.equal(fake.calls.length, 0, 'no Web API call reached Slack');
        assert.equal(fake.responses.length, 0, 'no response_url post reached Slack');
      });

      it(`${kind}: a 3001-character section is not sent; limits, with the violation in detail`, async () => {
        const { outbox: box } = outbox();
        const r = await send(box, longSection());
        assertFailure(r, 'limits');
        assert.match(r.detail, /blocks\[0\]\.text\.text: text is 3001 characters; Slack allows 3000/);
        assert.equal(fake.calls.length, 0, 'no Web API call reached Slack');
        assert.equal(fake.responses.length, 0, 'no response_url post reached Slack');
      });
    }

    it('a message at the limits (50 blocks, 3000-character section) is sent', async () => {
      const { outbox: box } = outbox();
      const blocks: KnownBlock[] = Array.from({ length: 50 }, (_, i) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: i === 0 ? 'y'.repeat(3000) : `row ${i}` },
      }));
      const r = await box.post('C1', message('fits', blocks));
      assert.equal(r.ok, true, JSON.stringify(r));
      assert.equal(fake.callsTo('chat.postMessage').length, 1);
    });

    it('a message refused for its limits does not hold up the next post to the channel', async () => {
      const { outbox: box, sleeps } = outbox({ channelIntervalMs: 1_000 });
      assertFailure(await box.post('C1', sixtyBlocks()), 'limits');
      assert.equal((await box.post('C1', message())).ok, true);
      assert.deepEqual(sleeps, []);
    });
  });

  describe('sealing button state', () => {
    const longName = `Billing ${'very long skill name '.repeat(20)}`;

    it('post: an over-long state reaches Slack as 1@<key>, which decodes back to the ref', async () => {
      const { outbox: box, repo } = outbox();
      const ref = pick(longName);
      const unsealed = encodeActionValue(ref, 100);
      assert.ok(unsealed.startsWith('1~'), 'the view marked it for the store');
      const r = await box.post('C1', message('pick one', buttons(unsealed)));
      assert.equal(r.ok, true, JSON.stringify(r));
      const [value] = buttonValues(fake.callsTo('chat.postMessage')[0]!.args.blocks);
      assert.match(value!, /^1@[\w-]{8,64}$/);
      assert.equal(repo.data.size, 1);
      assert.deepEqual(await decodeActionValue(value, repo), ref);
    });

    it('an inline value is sent unchanged next to a sealed one; the message passed in is not mutated', async () => {
      const { outbox: box, repo } = outbox();
      const small = pick('Billing');
      const inline = encodeActionValue(small);
      assert.ok(inline.startsWith('1|'));
      const unsealed = encodeActionValue(pick(longName), 100);
      const msg = message('pick one', buttons(inline, unsealed));
      const before = structuredClone(msg);
      assert.equal((await box.post('C1', msg)).ok, true);
      const [sentInline, sentSealed] = buttonValues(fake.callsTo('chat.postMessage')[0]!.args.blocks);
      assert.equal(sentInline, inline);
      assert.match(sentSealed!, /^1@/);
      assert.deepEqual(await decodeActionValue(sentInline, repo), small);
      assert.deepEqual(msg, before, 'the caller’s message is untouched');
      assert.equal(repo.data.size, 1, 'only the over-long state went to the store');
    });

    it('a message with inline values only stores nothing', async () => {
      const { outbox: box, repo } = outbox();
      const inline = encodeActionValue(pick('Billing'));
      assert.equal((await box.post('C1', message('pick', buttons(inline)))).ok, true);
      assert.deepEqual(buttonValues(fake.callsTo('chat.postMessage')[0]!.args.blocks), [inline]);
      assert.equal(repo.data.size, 0);
    });

    it('respond and ephemeral seal too (nothing marked 1~ ever reaches Slack)', async () => {
      const { outbox: box, repo } = outbox();
      const ref = pick(longName);
      const msg = message('pick one', buttons(encodeActionValue(ref, 100)));
      assert.equal((await box.respond(fake.responseUrl('r1'), { ...msg, replace_original: true })).ok, true);
      assert.equal((await box.ephemeral('C1', 'U1', msg)).ok, true);
      assert.equal((await box.update('C1', '1.000001', msg)).ok, true);
      const values = [
        ...buttonValues(fake.responsesTo('r1')[0]!.body.blocks),
        ...buttonValues(fake.callsTo('chat.postEphemeral')[0]!.args.blocks),
        ...buttonValues(fake.callsTo('chat.update')[0]!.args.blocks),
      ];
      assert.equal(values.length, 3);
      for (const v of values) {
        assert.match(v, /^1@/);
        assert.deepEqual(await decodeActionValue(v, repo), ref);
      }
      assert.equal(new Set(values).size, 1, 'the same state is one record, however many messages carry it');
      assert.equal(repo.data.size, 1);
    });

    it('when the store fails, the message goes without the buttons it could not back, and says so in the log', async () => {
      const { outbox: box, repo, lines } = outbox();
      repo.set = () => Promise.reject(new Error('store is down'));
      const inline = encodeActionValue(pick('Billing'));
      const big = encodeActionValue(pick(longName), 100);
      const r = await box.post('C1', message('pick one', buttons(inline, big)));
      assert.equal(r.ok, true, JSON.stringify(r));
      assert.deepEqual(buttonValues(fake.callsTo('chat.postMessage')[0]!.args.blocks), [inline]);
      const warn = lines
        .map((l) => JSON.parse(l) as { level: string; msg: string; error?: string })
        .find((l) => l.level === 'warn');
      assert.match(warn?.msg ?? '', /could not store button state/);
      assert.equal(warn?.error, 'store is down');
    });

    it('one message sent to many askers: the store that failed for the first is tried again for the next', async () => {
      const { outbox: box, repo } = outbox();
      const set = repo.set.bind(repo);
      let down = true;
      repo.set = (...args) => (down ? Promise.reject(new Error('store is down')) : set(...args));
      const inline = encodeActionValue(pick('Billing'));
      // One message object, as answers shared by identical asks are (slack/answer.ts).
      const shared = message('pick one', buttons(inline, encodeActionValue(pick(longName), 100)));
      assert.equal((await box.post('C1', shared)).ok, true);
      down = false;
      assert.equal((await box.post('C2', shared)).ok, true);
      assert.equal((await box.post('C3', shared)).ok, true);
      const [first, second, third] = fake.callsTo('chat.postMessage').map((c) => buttonValues(c.args.blocks));
      assert.deepEqual(first, [inline], 'the store was down: without the button it could not back');
      assert.match(second![1]!, /^1@/, 'the store is back: the button is sealed');
      assert.deepEqual(third, second);
      assert.equal(repo.data.size, 1);
    });

    it('one message sent to many askers is sealed once: the sealed blocks are reused, not copied and walked again', async () => {
      const { outbox: box, repo } = outbox();
      // One message object, as answers shared by identical asks are (slack/answer.ts).
      const shared = message('pick one', buttons(encodeActionValue(pick(longName), 100)));
      const first = await box.prepareMessage(shared);
      const second = await box.prepareMessage(shared);
      assert.ok(first.ok && second.ok);
      assert.match(buttonValues(first.message.blocks)[0]!, /^1@/);
      assert.equal(second.message.blocks, first.message.blocks, 'the same sealed copy, for every asker');
      assert.notEqual(first.message.blocks, shared.blocks, 'the caller’s blocks are not sealed in place');
      // A message built anew (another answer) is sealed anew, to the same stored state.
      const again = await box.prepareMessage(
        message('pick one', buttons(encodeActionValue(pick(longName), 100))),
      );
      assert.ok(again.ok);
      assert.notEqual(again.message.blocks, first.message.blocks);
      assert.deepEqual(again.message.blocks, first.message.blocks);
      assert.equal(repo.data.size, 1);
    });

    it('when the store fails and every button needed it, the empty actions block goes too', async () => {
      const { outbox: box, repo } = outbox();
      repo.set = () => Promise.reject(new Error('store is down'));
      const r = await box.post('C1', message('pick one', buttons(encodeActionValue(pick(longName), 100))));
      assert.equal(r.ok, true, JSON.stringify(r));
      const blocks = fake.callsTo('chat.postMessage')[0]!.args.blocks as KnownBlock[];
      assert.deepEqual(
        blocks.map((b) => b.type),
        ['section'],
      );
    });
  });

  describe('429 (rate limited)', () => {
    it('waits Retry-After and sends again; the message is delivered exactly once', async () => {
      const { outbox: box, sleeps, lines } = outbox();
      fake.rateLimits.set('chat.postMessage', { times: 2, retryAfterSeconds: 1 });
      const r = await box.post('C1', message('after the 429s'));
      assert.equal(r.ok, true, JSON.stringify(r));
      assert.equal(sleeps.length, 2);
      for (const ms of sleeps) assert.ok(ms >= 1000, `slept ${ms} ms`);
      assert.equal(fake.callsTo('chat.postMessage').length, 3);
      assert.equal(delivered('chat.postMessage').length, 1);
      assert.equal(delivered('chat.postMessage')[0]!.args.text, 'after the 429s');
      const warns = lines.map((l) => JSON.parse(l) as { level: string; msg: string; retryAfterMs?: number });
      assert.equal(warns.filter((l) => l.level === 'warn' && /rate-limited/.test(l.msg)).length, 2);
    });

    it('honours the Retry-After Slack sends (3 s → 3000 ms)', async () => {
      const { outbox: box, sleeps } = outbox();
      fake.rateLimits.set('chat.postMessage', { times: 1, retryAfterSeconds: 3 });
      assert.equal((await box.post('C1', message())).ok, true);
      assert.deepEqual(sleeps, [3000]);
    });

    it('ephemeral, update and delete are sent again after a 429 too', async () => {
      const { outbox: box, sleeps } = outbox();
      for (const m of ['chat.postEphemeral', 'chat.update', 'chat.delete'])
        fake.rateLimits.set(m, { times: 1, retryAfterSeconds: 1 });
      assert.equal((await box.ephemeral('C1', 'U1', message())).ok, true);
      assert.equal((await box.update('C1', '1.000001', message())).ok, true);
      assert.equal((await box.delete('C1', '1.000001')).ok, true);
      assert.deepEqual(sleeps, [1000, 1000, 1000]);
      for (const m of ['chat.postEphemeral', 'chat.update', 'chat.delete']) {
        assert.equal(fake.callsTo(m).length, 2, m);
        assert.equal(delivered(m).length, 1, m);
      }
    });

    it('after more 429s than maxRateLimitRetries, gives up with rate_limited', async () => {
      const { outbox: box, sleeps } = outbox({ maxRateLimitRetries: 2 });
      fake.rateLimits.set('chat.postMessage', { times: 5, retryAfterSeconds: 1 });
      const r = await box.post('C1', message());
      assertFailure(r, 'rate_limited');
      assert.match(r.detail, /chat\.postMessage: rate limited after 3 tries/);
      assert.equal(fake.callsTo('chat.postMessage').length, 3, 'the first try and 2 retries');
      assert.equal(delivered('chat.postMessage').length, 0);
      assert.deepEqual(sleeps, [1000, 1000]);
    });

    it('as many 429s as maxRateLimitRetries still get through on the last try', async () => {
      const { outbox: box, sleeps } = outbox({ maxRateLimitRetries: 2 });
      fake.rateLimits.set('chat.postMessage', { times: 2, retryAfterSeconds: 1 });
      assert.equal((await box.post('C1', message())).ok, true);
      assert.equal(delivered('chat.postMessage').length, 1);
      assert.equal(sleeps.length, 2);
    });

    it('a Retry-After longer than maxRetryAfterMs gives up at once, without sleeping', async () => {
      const { outbox: box, sleeps } = outbox({ maxRetryAfterMs: 30_000 });
      fake.rateLimits.set('chat.postMessage', { times: 1, retryAfterSeconds: 31 });
      const r = await box.post('C1', message());
      assertFailure(r, 'rate_limited');
      assert.deepEqual(sleeps, []);
      assert.equal(fake.callsTo('chat.postMessage').length, 1);
    });

    it('a 429 from a response_url is waited out and the post made again', async () => {
      let answered429 = 0;
      const post429Once: PostJson = (url, body, timeoutMs) =>
        answered429++ === 0
          ? Promise.resolve({ status: 429, retryAfter: '2', text: 'rate limited' })
          : postJson(url, body, timeoutMs);
      const { outbox: box, sleeps } = outbox({ postJson: post429Once });
      const r = await box.respond(fake.responseUrl('r1'), message('again'));
      assert.deepEqual(r, { ok: true });
      assert.deepEqual(sleeps, [2000]);
      assert.equal(fake.responsesTo('r1').length, 1);
    });
  });

  describe('failed posts are not retried', () => {
    for (const code of ['not_in_channel', 'channel_not_found', 'is_archived'] as const) {
      it(`chat.postMessage answering ${code}: one call, reason ${code}`, async () => {
        const { outbox: box, sleeps } = outbox();
        fake.failures['chat.postMessage'] = code;
        const r = await box.post('C1', message());
        assertFailure(r, code);
        assert.equal(r.detail, `chat.postMessage: ${code}`);
        assert.equal(fake.callsTo('chat.postMessage').length, 1);
        assert.deepEqual(sleeps, []);
      });
    }

    it('chat.postEphemeral answering not_in_channel: one call, reason not_in_channel', async () => {
      const { outbox: box } = outbox();
      fake.failures['chat.postEphemeral'] = 'not_in_channel';
      assertFailure(await box.ephemeral('C1', 'U1', message()), 'not_in_channel');
      assert.equal(fake.callsTo('chat.postEphemeral').length, 1);
    });

    it('chat.update answering message_not_found: one call, reason message_not_found', async () => {
      const { outbox: box } = outbox();
      fake.failures['chat.update'] = 'message_not_found';
      assertFailure(await box.update('C1', '1.000001', message()), 'message_not_found');
      assert.equal(fake.callsTo('chat.update').length, 1);
    });

    it('chat.delete answering message_not_found: one call, reason message_not_found', async () => {
      const { outbox: box } = outbox();
      fake.failures['chat.delete'] = 'message_not_found';
      assertFailure(await box.delete('C1', '1.000001'), 'message_not_found');
      assert.equal(fake.callsTo('chat.delete').length, 1);
    });

    it('any other Slack error: one call, reason failed, with the code in detail', async () => {
      const { outbox: box } = outbox();
      fake.failures['chat.postMessage'] = 'invalid_blocks';
      const r = await box.post('C1', message());
      assertFailure(r, 'failed');
      assert.equal(r.detail, 'chat.postMessage: invalid_blocks');
      assert.equal(fake.callsTo('chat.postMessage').length, 1);
    });

    it('a call Slack takes and never answers: given up at the client timeout, maybe delivered', async () => {
      const client = new WebClient('xoxb-test', {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        logLevel: LogLevel.ERROR,
        timeout: 300,
      });
      const { outbox: box } = outbox({ client });
      fake.delays.set('chat.postMessage', 20_000);
      const started = performance.now();
      const r = await box.post('C1', message());
      assert.ok(performance.now() - started < 5_000, 'not held until Slack answered');
      assertFailure(r, 'failed');
      assert.equal(r.maybeDelivered, true, 'it went out: look before posting again');
    });

    it('Slack unreachable: failed, no throw', async () => {
      const { outbox: box } = outbox();
      await fake.close();
      const r = await box.post('C1', message());
      assertFailure(r, 'failed');
    });
  });

  describe('channelAccess: whether the bot is in a channel', () => {
    it('member, not in the channel, hidden from the bot; one history read of one message each', async () => {
      const { outbox: box } = outbox();
      fake.channelErrors.set('C0OUT', 'not_in_channel');
      fake.channelErrors.set('G0PRIV', 'channel_not_found');
      assert.equal(await box.channelAccess('C0IN'), 'member');
      assert.equal(await box.channelAccess('C0OUT'), 'not-in-channel');
      assert.equal(await box.channelAccess('G0PRIV'), 'not-found');
      const reads = fake.callsTo('conversations.history');
      assert.deepEqual(
        reads.map((c) => [c.args.channel, Number(c.args.limit)]),
        [
          ['C0IN', 1],
          ['C0OUT', 1],
          ['G0PRIV', 1],
        ],
      );
    });

    it('any other answer, or none, is unknown, with a warning naming the channel and the error', async () => {
      const { outbox: box, lines } = outbox();
      fake.failures['conversations.history'] = 'missing_scope';
      assert.equal(await box.channelAccess('C0X'), 'unknown');
      assert.ok(
        lines.some(
          (l) =>
            /could not check whether the bot is in a channel/.test(l) &&
            /missing_scope/.test(l) &&
            /C0X/.test(l),
        ),
      );
      delete fake.failures['conversations.history'];
      await fake.close();
      assert.equal(await box.channelAccess('C0X'), 'unknown');
    });
  });

  describe('pacing: one post a channel interval', () => {
    it('a second post to the same channel waits out the interval on the clock', async () => {
      const clock = { now: 5_000 };
      const sleeps: number[] = [];
      const sentAtSleep: number[] = [];
      const { outbox: paced } = outbox({
        channelIntervalMs: 1_000,
        clock: () => clock.now,
        sleep: (ms) => {
          sentAtSleep.push(fake.callsTo('chat.postMessage').length);
          sleeps.push(ms);
          clock.now += ms;
          return Promise.resolve();
        },
      });
      assert.equal((await paced.post('C1', message('one'))).ok, true);
      clock.now += 250;
      assert.equal((await paced.post('C1', message('two'))).ok, true);
      assert.deepEqual(sleeps, [750]);
      assert.deepEqual(sentAtSleep, [1], 'the second post left only after the wait');
      assert.deepEqual(
        fake.callsTo('chat.postMessage').map((c) => c.args.text),
        ['one', 'two'],
      );
    });

    it('back-to-back posts to one channel are spaced by the full interval each', async () => {
      const { outbox: box, sleeps } = outbox({ channelIntervalMs: 1_000 });
      for (const t of ['a', 'b', 'c']) assert.equal((await box.post('C1', message(t))).ok, true);
      assert.deepEqual(sleeps, [1000, 1000]);
    });

    it('concurrent posts to one channel queue up: 0, 1, 2 intervals', async () => {
      const sleeps: number[] = [];
      const { outbox: box } = outbox({
        channelIntervalMs: 500,
        clock: () => 42,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      });
      const rs = await Promise.all(['a', 'b', 'c'].map((t) => box.post('C1', message(t))));
      assert.ok(rs.every((r) => r.ok));
      assert.deepEqual(sleeps, [500, 1000]);
    });

    it('posts to different channels are not delayed', async () => {
      const { outbox: box, sleeps } = outbox({ channelIntervalMs: 1_000 });
      assert.equal((await box.post('C1', message())).ok, true);
      assert.equal((await box.post('C2', message())).ok, true);
      assert.equal((await box.dm('U1', message())).ok, true);
      assert.deepEqual(sleeps, []);
    });

    it('a post after the interval has passed is not delayed', async () => {
      const { outbox: box, sleeps, clock } = outbox({ channelIntervalMs: 1_000 });
      assert.equal((await box.post('C1', message())).ok, true);
      clock.now += 1_000;
      assert.equal((await box.post('C1', message())).ok, true);
      assert.deepEqual(sleeps, []);
    });

    it('an ephemeral note shares the channel’s pace with posts', async () => {
      const { outbox: box, sleeps } = outbox({ channelIntervalMs: 1_000 });
      assert.equal((await box.post('C1', message())).ok, true);
      assert.equal((await box.ephemeral('C1', 'U1', message())).ok, true);
      assert.deepEqual(sleeps, [1000]);
    });
  });

  describe('response_url outcomes', () => {
    it('an expired response_url (404): expired, nothing recorded', async () => {
      const { outbox: box } = outbox();
      fake.expiredResponseUrls.add('gone');
      const r = await box.respond(fake.responseUrl('gone'), message());
      assertFailure(r, 'expired');
      assert.match(r.detail, /HTTP 404/);
      assert.equal(fake.responsesTo('gone').length, 0);
    });

    it('a 2xx: ok', async () => {
      const { outbox: box } = outbox();
      assert.deepEqual(await box.respond(fake.responseUrl('live'), message()), { ok: true });
      assert.equal(fake.responsesTo('live').length, 1);
    });
  });

  describe('response_url outcomes from a custom Slack', () => {
    let odd: FakeSlack;
    let hits: string[];
    beforeEach(async () => {
      hits = [];
      odd = await new FakeSlack({
        routes: async (_req, res, url) => {
          hits.push(url.pathname);
          if (url.pathname === '/used-up') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":false,"error":"used_url"}');
            return true;
          }
          if (url.pathname === '/broken') {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('oops');
            return true;
          }
          if (url.pathname === '/refused') {
            res.writeHead(400, { 'content-type': 'text/plain' });
            res.end('invalid_blocks');
            return true;
          }
          if (url.pathname === '/slow') {
            await new Promise((resolve) => setTimeout(resolve, 500));
            res.end('ok');
            return true;
          }
          return false;
        },
      }).start();
    });
    afterEach(async () => {
      await odd.close();
    });

    it('a 200 answering ok:false (used up): expired', async () => {
      const { outbox: box } = outbox();
      assertFailure(await box.respond(`${odd.url}/used-up`, message()), 'expired');
    });

    it('a 5xx: failed (not expired), and not posted again', async () => {
      const { outbox: box } = outbox();
      const r = await box.respond(`${odd.url}/broken`, message());
      assertFailure(r, 'failed');
      assert.match(r.detail, /HTTP 500/);
      assert.equal(!r.ok && r.maybeDelivered, undefined, 'Slack answered: it did not post it');
      assert.deepEqual(hits, ['/broken']);
    });

    it('a 400 (the payload refused) is a failure, not an expiry', async () => {
      const { outbox: box } = outbox();
      const r = await box.respond(`${odd.url}/refused`, message());
      assertFailure(r, 'failed');
      assert.match(r.detail, /HTTP 400 invalid_blocks/);
    });

    it('a response_url slower than responseTimeoutMs: failed', async () => {
      const { outbox: box } = outbox({ responseTimeoutMs: 50 });
      const r = await box.respond(`${odd.url}/slow`, message());
      assertFailure(r, 'failed');
      assert.equal(!r.ok && r.maybeDelivered, true, 'no answer: it may have arrived');
    });

    it('a response_url whose host refuses the connection: failed, and surely not delivered', async () => {
      const { outbox: box } = outbox();
      const r = await box.respond(`http://127.0.0.1:${await closedPort()}/r`, message());
      assertFailure(r, 'failed');
      assert.match(r.detail, /ECONNREFUSED/);
      assert.equal(!r.ok && r.maybeDelivered, undefined, 'nothing left the bot');
    });
  });

  describe('Web API calls that get no answer', () => {
    function client(slackApiUrl: string, timeout?: number): WebClient {
      return new WebClient('xoxb-test', {
        slackApiUrl,
        retryConfig: { retries: 0 },
        logLevel: LogLevel.ERROR,
        ...(timeout ? { timeout } : {}),
      });
    }

    it('a connection refused: failed, surely not delivered (another way is safe)', async () => {
      const { outbox: box } = outbox({ client: client(`http://127.0.0.1:${await closedPort()}/api/`) });
      const r = await box.post('C1', message());
      assertFailure(r, 'failed');
      assert.equal(!r.ok && r.maybeDelivered, undefined);
    });

    it('a timeout: failed, and it may have arrived (not sent again)', async () => {
      fake.delays.set('chat.postMessage', 2_000);
      const { outbox: box } = outbox({ client: client(fake.apiUrl, 100) });
      const r = await box.post('C1', message());
      assertFailure(r, 'failed');
      assert.equal(!r.ok && r.maybeDelivered, true);
    });

    it('an HTTP 5xx: failed, once, and it may have arrived (Slack: part of it may have happened)', async () => {
      fake.serverErrors.set('chat.postMessage', { times: 1, status: 503 });
      const r = await outbox().outbox.post('C1', message());
      assertFailure(r, 'failed');
      assert.equal(!r.ok && r.maybeDelivered, true);
      assert.equal(fake.callsTo('chat.postMessage').length, 1, 'not sent again');
    });
  });
});
