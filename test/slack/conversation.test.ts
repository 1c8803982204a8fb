/**
 * How an answer reaches the asker: the conversation's delivery policy over a real outbox, a real
 * WebClient and real HTTP to the fake Slack (its response_url sink and Web API). Pacing sleeps are
 * injected, so nothing waits in real time.
 */
import { strict as assert } from 'node:assert';
import type { KnownBlock } from '@slack/types';
import { LogLevel, WebClient } from '@slack/web-api';
import sinon from 'sinon';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { createLogger } from '../../src/shared/logger';
import { ACTION_STATE_CODEC, type StoredState } from '../../src/slack/action-ref';
import { Conversation, RESPONSE_URL_USES, type ConversationTarget } from '../../src/slack/conversation';
import { Outbox, type SendResult } from '../../src/slack/outbox';
import { postJson, type PostJson } from '../../src/slack/response-post';
import type { SlackMessage } from '../../src/slack/views/message';
import { MemoryRepository } from '../fixtures/memory-store';

interface LogRecord {
  level: string;
  msg: string;
  detail?: string;
}
const WARN = 'warn';
const ERROR = 'error';

function message(text: string, responseType?: 'ephemeral' | 'in_channel'): SlackMessage {
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    ...(responseType ? { response_type: responseType } : {}),
  };
}

function tooBig(responseType?: 'ephemeral' | 'in_channel'): SlackMessage {
  const blocks: KnownBlock[] = Array.from({ length: 60 }, (_, i) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `row ${i}` },
  }));
  return { text: 'too big', blocks, ...(responseType ? { response_type: responseType } : {}) };
}

function assertFailure(r: SendResult, reason: string): asserts r is Extract<SendResult, { ok: false }> {
  assert.equal(r.ok, false, `expected a ${reason} failure, got ${JSON.stringify(r)}`);
  assert.equal(r.reason, reason, JSON.stringify(r));
}

describe('Conversation', () => {
  let fake: FakeSlack;
  let lines: string[];
  /** Every URL the outbox posted to (response_url posts, expired ones included). */
  let posted: string[];
  let outbox: Outbox;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    lines = [];
    posted = [];
    const countingPost: PostJson = (url, body, timeoutMs) => {
      posted.push(url);
      return postJson(url, body, timeoutMs);
    };
    let now = 0;
    outbox = new Outbox({
      client: new WebClient('xoxb-test', {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        logLevel: LogLevel.ERROR,
      }),
      actionState: new MemoryRepository<StoredState>(ACTION_STATE_CODEC),
      log: createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } }),
      clock: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
      postJson: countingPost,
    });
  });
  afterEach(async () => {
    sinon.restore();
    await fake.close();
  });

  function conversation(target: Partial<ConversationTarget> = {}): Conversation {
    const log = createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } });
    return new Conversation(
      outbox,
      { userId: 'U1', channelId: 'C1', responseUrl: fake.responseUrl('r1'), ...target },
      log,
    );
  }

  const records = () => lines.map((l) => JSON.parse(l) as LogRecord);
  const errors = () => records().filter((r) => r.level === ERROR);
  const warnings = () => records().filter((r) => r.level === WARN);
  const bodies = (id = 'r1') => fake.responsesTo(id).map((p) => p.body);
  const methods = () => fake.calls.map((c) => c.method);
  const hitsTo = (id: string) => posted.filter((u) => u === fake.responseUrl(id)).length;

  describe('answer() through the response_url', () => {
    it('an ephemeral answer replaces the placeholder: replace_original, response_type ephemeral', async () => {
      const msg = message('only you see this');
      const r = await conversation().answer(msg);
      assert.deepEqual(r, { ok: true });
      assert.deepEqual(bodies(), [{ ...msg, response_type: 'ephemeral', replace_original: true }]);
      assert.deepEqual(methods(), [], 'no Web API call');
    });

    it('a message marked ephemeral explicitly is answered the same way', async () => {
      const msg = message('private', 'ephemeral');
      assert.deepEqual(await conversation().answer(msg), { ok: true });
      assert.deepEqual(bodies(), [{ ...msg, replace_original: true }]);
    });

    it('a public answer: delete_original of the private placeholder, then a new in_channel post', async () => {
      const msg = message('for everyone', 'in_channel');
      const r = await conversation().answer(msg);
      assert.deepEqual(r, { ok: true });
      assert.deepEqual(bodies(), [
        { delete_original: true },
        { ...msg, response_type: 'in_channel', replace_original: false },
      ]);
      assert.deepEqual(methods(), []);
    });

    it('inPlace replaces the clicked message and keeps no response_type', async () => {
      const msg = message('page 2', 'in_channel');
      const r = await conversation({ messageTs: '1.000001' }).answer(msg, { inPlace: true });
      assert.deepEqual(r, { ok: true });
      const [body, ...more] = bodies();
      assert.equal(more.length, 0);
      assert.equal(body!.replace_original, true);
      assert.equal('response_type' in body!, false, 'visibility is the clicked message’s');
      assert.equal(body!.text, 'page 2');
      assert.deepEqual(body!.blocks, msg.blocks);
      assert.deepEqual(methods(), []);
    });
  });

  describe('fallbacks past the response_url', () => {
    beforeEach(() => {
      fake.expiredResponseUrls.add('r1');
    });

    it('expired: an ephemeral answer goes by chat.postEphemeral to the asker in the channel', async () => {
      const r = await conversation().answer(message('private'));
      assert.ok(r.ok, JSON.stringify(r));
      assert.match(r.ts ?? '', /^\d+\.\d{6}$/);
      assert.deepEqual(methods(), ['chat.postEphemeral']);
      const call = fake.callsTo('chat.postEphemeral')[0]!;
      assert.equal(call.args.channel, 'C1');
      assert.equal(call.args.user, 'U1');
      assert.equal(call.args.text, 'private');
      assert.equal(hitsTo('r1'), 1);
      assert.equal(warnings().filter((w) => /response_url failed/.test(w.msg)).length, 1);
    });

    it('expired: a public answer goes by chat.postMessage to the channel (url tried once only)', async () => {
      const msg = message('for everyone', 'in_channel');
      const r = await conversation().answer(msg);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.channel, 'C1');
      assert.deepEqual(methods(), ['chat.postMessage']);
      assert.equal(fake.callsTo('chat.postMessage')[0]!.args.text, 'for everyone');
      assert.equal(hitsTo('r1'), 1, 'the delete found it expired; the post did not try it again');
    });

    it('expired, and the bot may not post in the channel: the public answer goes to the asker only', async () => {
      fake.failures['chat.postMessage'] = 'not_in_channel';
      const r = await conversation().answer(message('for everyone', 'in_channel'));
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(methods(), ['chat.postMessage', 'chat.postEphemeral']);
      assert.equal(fake.callsTo('chat.postEphemeral')[0]!.args.user, 'U1');
      const warn = warnings().find((w) => /could not post the public answer/.test(w.msg));
      assert.ok(warn, 'the fallback is logged');
      assert.match(warn.detail ?? '', /not_in_channel/);
    });

    it('expired, and chat.postMessage answers 500: the public answer goes to the asker, not lost', async () => {
      fake.serverErrors.set('chat.postMessage', { times: 1 });
      const r = await conversation().answer(message('for everyone', 'in_channel'));
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(methods(), ['chat.postMessage', 'chat.postEphemeral']);
      assert.equal(fake.callsTo('chat.postEphemeral')[0]!.args.text, 'for everyone');
    });

    it('replace() whose chat.update answers 500 goes to the asker, not lost', async () => {
      fake.serverErrors.set('chat.update', { times: 1 });
      const r = await conversation({ messageTs: '1.000001' }).replace(message('page 2'));
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(methods(), ['chat.update', 'chat.postEphemeral']);
    });

    it('replace() of a normal message uses chat.update of messageTs', async () => {
      const r = await conversation({ messageTs: '1700000000.000200' }).replace(message('updated'));
      assert.deepEqual(r, { ok: true, channel: 'C1', ts: '1700000000.000200' });
      assert.deepEqual(methods(), ['chat.update']);
      const call = fake.callsTo('chat.update')[0]!;
      assert.equal(call.args.channel, 'C1');
      assert.equal(call.args.ts, '1700000000.000200');
      assert.equal(call.args.text, 'updated');
    });

    it('replace() of an ephemeral message uses chat.postEphemeral (it cannot be updated)', async () => {
      const c = conversation({ messageTs: '1700000000.000200', messageEphemeral: true });
      const r = await c.replace(message('updated'));
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(methods(), ['chat.postEphemeral']);
      assert.equal(fake.callsTo('chat.postEphemeral')[0]!.args.user, 'U1');
    });

    it('replace() with no messageTs uses chat.postEphemeral', async () => {
      assert.equal((await conversation().replace(message('updated'))).ok, true);
      assert.deepEqual(methods(), ['chat.postEphemeral']);
    });

    it('replace() whose chat.update fails (message_not_found) goes to the asker', async () => {
      fake.failures['chat.update'] = 'message_not_found';
      const r = await conversation({ messageTs: '1.000001' }).replace(message('updated'));
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(methods(), ['chat.update', 'chat.postEphemeral']);
    });

    it('replace(msg, { fallback: false }) does not fall back', async () => {
      const r = await conversation({ messageTs: '1.000001' }).replace(message('Fetching…'), {
        fallback: false,
      });
      assertFailure(r, 'expired');
      assert.deepEqual(methods(), [], 'no Web API call');
      assert.equal(hitsTo('r1'), 1);
    });

    it('replace(msg, { fallback: false }) with no response_url at all: expired, nothing sent', async () => {
      const r = await conversation({ responseUrl: undefined }).replace(message('Fetching…'), {
        fallback: false,
      });
      assertFailure(r, 'expired');
      assert.equal(r.detail, 'no response_url left');
      assert.deepEqual(methods(), []);
      assert.deepEqual(posted, []);
    });

    it('once expired, the response_url is not tried again in the conversation', async () => {
      const c = conversation();
      assert.equal((await c.note(message('one'))).ok, true);
      assert.equal((await c.note(message('two'))).ok, true);
      assert.equal(hitsTo('r1'), 1);
      assert.deepEqual(methods(), ['chat.postEphemeral', 'chat.postEphemeral']);
    });
  });

  describe(`the ${RESPONSE_URL_USES}-use limit of a response_url`, () => {
    it('after 5 posts the 6th goes by the Web API, not to the response_url', async () => {
      const c = conversation();
      for (let i = 1; i <= 5; i++) assert.deepEqual(await c.note(message(`note ${i}`)), { ok: true });
      assert.deepEqual(methods(), []);
      const sixth = await c.note(message('note 6'));
      assert.ok(sixth.ok, JSON.stringify(sixth));
      assert.equal(fake.responsesTo('r1').length, 5);
      assert.equal(hitsTo('r1'), 5, 'the 6th was never posted to the response_url');
      assert.deepEqual(methods(), ['chat.postEphemeral']);
      assert.equal(fake.callsTo('chat.postEphemeral')[0]!.args.text, 'note 6');
    });

    it('a public answer uses two of the five (the delete and the post)', async () => {
      const c = conversation();
      assert.equal((await c.answer(message('one', 'in_channel'))).ok, true);
      assert.equal((await c.answer(message('two', 'in_channel'))).ok, true);
      // Four used: the last use goes to the post; the placeholder's delete is skipped.
      assert.equal((await c.answer(message('three', 'in_channel'))).ok, true);
      assert.equal(hitsTo('r1'), 5);
      assert.deepEqual(bodies().at(-1), { ...message('three', 'in_channel'), replace_original: false });
      assert.deepEqual(methods(), [], 'no Web API fallback was needed');
    });

    it('a message refused for its limits does not use up one of the five (it never reached Slack)', async () => {
      const c = conversation();
      assertFailure(await c.answer(tooBig()), 'limits');
      for (let i = 1; i <= 5; i++) assert.deepEqual(await c.note(message(`note ${i}`)), { ok: true });
      assert.equal(fake.responsesTo('r1').length, 5);
      assert.deepEqual(methods(), [], 'all five notes went through the response_url');
    });
  });

  describe('limits', () => {
    /** What the conversation asked the outbox for: a limits refusal must not be followed by a fallback. */
    function spyOutbox() {
      return {
        respond: sinon.spy(outbox, 'respond'),
        post: sinon.spy(outbox, 'post'),
        ephemeral: sinon.spy(outbox, 'ephemeral'),
        update: sinon.spy(outbox, 'update'),
      };
    }

    it('an ephemeral answer breaking the limits comes back as limits; nothing sent, no fallback', async () => {
      const spies = spyOutbox();
      const r = await conversation().answer(tooBig());
      assertFailure(r, 'limits');
      assert.match(r.detail, /60 blocks/);
      assert.deepEqual(bodies(), []);
      assert.deepEqual(methods(), []);
      assert.equal(spies.respond.callCount, 1);
      assert.equal(spies.ephemeral.callCount + spies.post.callCount, 0, 'no Web API fallback tried');
      assert.deepEqual(warnings(), [], 'a refusal is not a response_url failure');
    });

    it('a public answer breaking the limits: nothing sent, the placeholder kept for the explanation', async () => {
      const spies = spyOutbox();
      const r = await conversation().answer(tooBig('in_channel'));
      assertFailure(r, 'limits');
      assert.deepEqual(bodies(), [], 'nothing reached Slack: the placeholder is not deleted either');
      assert.deepEqual(methods(), []);
      assert.equal(spies.ephemeral.callCount + spies.post.callCount, 0, 'no Web API fallback tried');
    });

    it('past the response_url, a public answer breaking the limits is neither posted nor tried as an ephemeral', async () => {
      const spies = spyOutbox();
      const r = await conversation({ responseUrl: undefined }).answer(tooBig('in_channel'));
      assertFailure(r, 'limits');
      assert.deepEqual(methods(), [], 'nothing reached Slack');
      assert.equal(spies.ephemeral.callCount, 0, 'not tried as an ephemeral');
    });

    it('replace(): limits is returned as is, no chat.update or ephemeral attempted', async () => {
      const spies = spyOutbox();
      const r = await conversation({ messageTs: '1.000001' }).replace(tooBig());
      assertFailure(r, 'limits');
      assert.deepEqual(methods(), []);
      assert.deepEqual(bodies(), []);
      assert.equal(spies.update.callCount + spies.ephemeral.callCount, 0);
    });

    it('replace() past the response_url: chat.update refused for limits is not followed by an ephemeral', async () => {
      const spies = spyOutbox();
      const r = await conversation({ responseUrl: undefined, messageTs: '1.000001' }).replace(tooBig());
      assertFailure(r, 'limits');
      assert.deepEqual(methods(), []);
      assert.equal(spies.update.callCount, 1);
      assert.equal(spies.ephemeral.callCount, 0);
    });

    it('note(): limits is returned as is, no ephemeral attempted', async () => {
      const spies = spyOutbox();
      assertFailure(await conversation().note(tooBig()), 'limits');
      assert.deepEqual(methods(), []);
      assert.deepEqual(bodies(), []);
      assert.equal(spies.ephemeral.callCount, 0);
    });
  });

  describe('note()', () => {
    it('posts a new ephemeral message beside the clicked one (replace_original: false)', async () => {
      const msg = message('heads up');
      assert.deepEqual(await conversation({ messageTs: '1.000001' }).note(msg), { ok: true });
      assert.deepEqual(bodies(), [{ ...msg, response_type: 'ephemeral', replace_original: false }]);
      assert.deepEqual(methods(), []);
    });

    it('without a response_url, goes by chat.postEphemeral', async () => {
      assert.equal((await conversation({ responseUrl: undefined }).note(message('heads up'))).ok, true);
      assert.deepEqual(methods(), ['chat.postEphemeral']);
    });
  });

  describe('lost answers', () => {
    it('no response_url and no channel: an error line, and the result is not ok', async () => {
      const c = conversation({ responseUrl: undefined, channelId: undefined });
      const r = await c.answer(message('into the void'));
      assertFailure(r, 'failed');
      assert.deepEqual(methods(), []);
      assert.deepEqual(posted, []);
      const [error, ...more] = errors();
      assert.equal(more.length, 0);
      assert.match(error!.msg, /answer lost/);
    });

    it('the response_url expired and no channel: an error line, not ok', async () => {
      fake.expiredResponseUrls.add('r1');
      const r = await conversation({ channelId: undefined }).answer(message('into the void', 'in_channel'));
      assert.equal(r.ok, false);
      assert.equal(errors().filter((e) => /answer lost/.test(e.msg)).length, 1);
      assert.deepEqual(methods(), []);
    });

    it('the ephemeral fallback fails too: an error line with the detail, and that reason', async () => {
      fake.expiredResponseUrls.add('r1');
      fake.failures['chat.postEphemeral'] = 'channel_not_found';
      const r = await conversation().answer(message('private'));
      assertFailure(r, 'channel_not_found');
      const error = errors().find((e) => /answer lost/.test(e.msg));
      assert.ok(error);
      assert.match(error.detail ?? '', /chat\.postEphemeral: channel_not_found/);
    });
  });

  describe('a response_url that does not answer (the post may have arrived)', () => {
    const unanswered = () =>
      sinon.stub(outbox, 'respond').resolves({
        ok: false,
        reason: 'failed',
        detail: 'response_url: The operation was aborted due to timeout',
        maybeDelivered: true,
      });
    afterEach(() => sinon.restore());

    for (const [what, run] of [
      ['a private answer', (c: Conversation) => c.answer(message('private'))],
      ['a public answer', (c: Conversation) => c.answer(message('public', 'in_channel'))],
      ['a note', (c: Conversation) => c.note(message('note'))],
      ['a replace', (c: Conversation) => c.replace(message('in place'))],
    ] as const) {
      it(`${what} is not sent again another way (it could show twice)`, async () => {
        unanswered();
        const r = await run(conversation({ messageTs: '1.000001' }));
        assert.equal(r.ok, false);
        assert.deepEqual(methods(), [], 'no Web API fallback');
        assert.ok(warnings().some((w) => /may have arrived/.test(w.msg)));
      });
    }

    it('a public answer whose post may have arrived: the delete and the post, nothing more', async () => {
      const stub = unanswered();
      await conversation().answer(message('public', 'in_channel'));
      assert.equal(stub.callCount, 2, 'delete_original, then the post; no third try');
      assert.deepEqual(methods(), []);
    });
  });
});
