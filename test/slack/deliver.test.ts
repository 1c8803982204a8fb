import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { deliver } from '../../src/slack/deliver';
import type { SlackMessage } from '../../src/slack/views';

function target(
  respond: sinon.SinonStub,
  postEphemeral = sinon.stub().resolves({ ok: true }),
  postMessage = sinon.stub().resolves({ ok: true }),
) {
  const logger = {
    debug: sinon.stub(),
    info: sinon.stub(),
    warn: sinon.stub(),
    error: sinon.stub(),
  } as unknown as Logger;
  const client = { chat: { postEphemeral, postMessage } } as unknown as WebClient;
  return { respond: respond as unknown as RespondFn, client, logger, channelId: 'C0123', userId: 'U0456' };
}

const ok: SlackMessage = {
  text: 'hi',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
  response_type: 'ephemeral',
};

describe('deliver', () => {
  it('replaces the placeholder with an ephemeral answer', async () => {
    const respond = sinon.stub().resolves();
    await deliver(target(respond), ok);
    sinon.assert.calledOnceWithExactly(respond, {
      ...ok,
      response_type: 'ephemeral',
      replace_original: true,
    });
  });

  it('posts a public answer fresh and deletes the ephemeral placeholder', async () => {
    const respond = sinon.stub().resolves();
    await deliver(target(respond), { ...ok, response_type: 'in_channel' });
    assert.deepEqual(respond.firstCall.args[0], { delete_original: true });
    assert.equal(respond.secondCall.args[0].response_type, 'in_channel');
    assert.equal(respond.secondCall.args[0].replace_original, false);
  });

  it('edits in place without changing visibility when asked (paging)', async () => {
    const respond = sinon.stub().resolves();
    await deliver(target(respond), { ...ok, response_type: 'in_channel' }, { inPlace: true });
    assert.equal(respond.firstCall.args[0].replace_original, true);
    assert.equal('response_type' in respond.firstCall.args[0], false);
  });

  it('never sends a message Slack would refuse: it explains instead', async () => {
    const respond = sinon.stub().resolves();
    const t = target(respond);
    const tooMany: SlackMessage = { ...ok, blocks: Array.from({ length: 60 }, () => ok.blocks[0]!) };
    await deliver(t, tooMany);
    const sent = respond.firstCall.args[0] as SlackMessage;
    assert.ok(sent.blocks.length < 50);
    assert.match(sent.text, /too big for one Slack message/);
    sinon.assert.called(t.logger.error as sinon.SinonStub);
  });

  it('falls back to chat.postEphemeral when response_url fails', async () => {
    const respond = sinon.stub().rejects(new Error('expired_url'));
    const post = sinon.stub().resolves({ ok: true });
    await deliver(target(respond, post), ok);
    sinon.assert.calledOnce(post);
    assert.equal(post.firstCall.args[0].channel, 'C0123');
    assert.equal(post.firstCall.args[0].user, 'U0456');
  });

  it('a placeholder that cannot be deleted does not stop a public answer', async () => {
    const respond = sinon.stub();
    respond.onFirstCall().rejects(new Error('message_not_found'));
    respond.onSecondCall().resolves();
    await deliver(target(respond), { ...ok, response_type: 'in_channel' });
    sinon.assert.calledTwice(respond);
    assert.equal(respond.secondCall.args[0].response_type, 'in_channel');
  });

  it('a public answer whose response_url failed stays public via chat.postMessage, else goes to the asker', async () => {
    const respond = sinon.stub().rejects(new Error('expired_url'));
    const eph = sinon.stub().resolves({ ok: true });
    const msg = sinon.stub().resolves({ ok: true });
    await deliver(target(respond, eph, msg), { ...ok, response_type: 'in_channel' });
    sinon.assert.calledOnce(msg);
    sinon.assert.notCalled(eph);
    const eph2 = sinon.stub().resolves({ ok: true });
    const notMember = sinon.stub().rejects(new Error('not_in_channel'));
    await deliver(target(respond, eph2, notMember), { ...ok, response_type: 'in_channel' });
    sinon.assert.calledOnce(eph2);
  });

  it('never throws, even when both paths fail', async () => {
    const t = target(
      sinon.stub().rejects(new Error('expired_url')),
      sinon.stub().rejects(new Error('channel_not_found')),
    );
    await deliver(t, ok);
    sinon.assert.called(t.logger.error as sinon.SinonStub);
  });
});
