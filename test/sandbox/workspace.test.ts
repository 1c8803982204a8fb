import { strict as assert } from 'node:assert';
import { SandboxWorkspace, type WorkspaceChange } from '../../src/sandbox/workspace';

/** The order Slack would show, decided by the sequence of events, not by which HTTP call ended first. */
describe('sandbox workspace: what Slack would show', () => {
  const ack = {
    text: 'Fetching',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Fetching billing…' } },
    ],
  };
  const answer = {
    replace_original: true,
    text: 'Billing',
    blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Skill Billing' } }],
  };
  const visible = (w: SandboxWorkspace) => w.snapshot().messages.filter((m) => m.from === 'bot');

  it('an answer that arrives before its ack is never overwritten by the ack', () => {
    const w = new SandboxWorkspace();
    w.command({ responseId: 'cmd1', channel: 'C0123', text: '/queue skill billing' });
    w.responsePost('cmd1', answer);
    w.ack('cmd1', ack);
    const [msg] = visible(w);
    assert.equal(visible(w).length, 1);
    assert.equal(msg!.text, 'Billing');
  });

  it('an ack that arrives first is replaced by the answer, in place', () => {
    const w = new SandboxWorkspace();
    w.command({ responseId: 'cmd1', channel: 'C0123', text: '/queue skill billing' });
    w.ack('cmd1', ack);
    assert.equal(visible(w)[0]!.text, 'Fetching');
    w.responsePost('cmd1', answer);
    assert.deepEqual(
      visible(w).map((m) => m.text),
      ['Billing'],
    );
  });

  it('a deleted placeholder stays deleted when its ack comes late; the public answer follows it', () => {
    const w = new SandboxWorkspace();
    w.command({ responseId: 'cmd1', channel: 'C0123', text: '/queue skill billing public' });
    w.responsePost('cmd1', { delete_original: true });
    w.responsePost('cmd1', { ...answer, replace_original: false, response_type: 'in_channel' });
    w.ack('cmd1', ack);
    const bots = visible(w);
    assert.deepEqual(
      bots.map((m) => [m.text, m.ephemeral]),
      [['Billing', false]],
    );
  });

  it('a new message posted before the ack arrived still comes after the ack, where the command was typed', () => {
    const w = new SandboxWorkspace();
    w.command({ responseId: 'cmd1', channel: 'C0123', text: '/queue skill billing' });
    w.responsePost('cmd1', { text: 'a note', replace_original: false });
    w.ack('cmd1', ack);
    assert.deepEqual(
      visible(w).map((m) => m.text),
      ['Fetching', 'a note'],
    );
  });

  it('every change bumps the version, so a page drops what is older than it shows', () => {
    const w = new SandboxWorkspace();
    const seen: WorkspaceChange[] = [];
    w.onChange((c) => seen.push(c));
    w.command({ responseId: 'cmd1', channel: 'C0123', text: '/queue skill billing' });
    w.ack('cmd1', ack);
    w.responsePost('cmd1', answer);
    const versions = seen.flatMap((c) =>
      c.type === 'message' && c.message.key === 'cmd1' ? [c.message.version] : [],
    );
    assert.deepEqual(versions, [2, 3]);
  });

  it('posts to a user id go to the DM pane, channel posts to the channel; chat.update edits by ts', () => {
    const w = new SandboxWorkspace({ dm: { channel: 'D0001', user: 'U0456' } });
    w.apiCall({
      method: 'chat.postMessage',
      args: { channel: 'U0456', text: 'paused' },
      answer: { ok: true, ts: '1.000001' },
    });
    w.apiCall({
      method: 'chat.postMessage',
      args: { channel: 'C0123', text: 'summary' },
      answer: { ok: true, ts: '1.000002' },
    });
    w.apiCall({
      method: 'chat.postMessage',
      args: { channel: 'C0123', text: 'refused' },
      answer: { ok: false, error: 'not_in_channel' },
    });
    w.apiCall({
      method: 'chat.update',
      args: { channel: 'C0123', ts: '1.000002', text: 'summary, edited' },
      answer: { ok: true },
    });
    const msgs = w.snapshot().messages;
    assert.deepEqual(
      msgs.map((m) => [m.pane, m.text, m.edited]),
      [
        ['dm:U0456', 'paused', false],
        ['C0123', 'summary, edited', true],
      ],
    );
    assert.equal(w.paneOf('D0001'), 'dm:U0456');
  });

  it('modals open, push and update in place; a submission shows errors, then closes the view', () => {
    const w = new SandboxWorkspace();
    const view = (title: string) => ({
      type: 'modal',
      title: { type: 'plain_text', text: title },
      blocks: [],
    });
    w.apiCall({ method: 'views.open', args: {}, answer: { ok: true, view: { ...view('One'), id: 'V1' } } });
    w.apiCall({ method: 'views.push', args: {}, answer: { ok: true, view: { ...view('Two'), id: 'V2' } } });
    w.apiCall({
      method: 'views.update',
      args: { view_id: 'V2' },
      answer: { ok: true, view: { ...view('Two, new'), id: 'V2' } },
    });
    assert.deepEqual(
      w.snapshot().modals.map((m) => [m.id, (m.view.title as { text: string }).text]),
      [
        ['V1', 'One'],
        ['V2', 'Two, new'],
      ],
    );
    w.submitted('V2', { response_action: 'errors', errors: { time: 'Use HH:MM, e.g. 17:00' } });
    assert.deepEqual(w.snapshot().modals[1]!.errors, { time: 'Use HH:MM, e.g. 17:00' });
    w.submitted('V2', null);
    assert.deepEqual(
      w.snapshot().modals.map((m) => m.id),
      ['V1'],
    );
    w.submitted('V1', { response_action: 'clear' });
    assert.equal(w.snapshot().modals.length, 0);
  });

  it('keeps each user’s last Home view, and views.update of it replaces it', () => {
    const w = new SandboxWorkspace();
    w.apiCall({
      method: 'views.publish',
      args: { user_id: 'U0456' },
      answer: { ok: true, view: { id: 'VH1', type: 'home', blocks: [] } },
    });
    w.apiCall({
      method: 'views.update',
      args: { view_id: 'VH1' },
      answer: { ok: true, view: { id: 'VH1', type: 'home', blocks: [{ type: 'divider' }] } },
    });
    assert.equal(w.homeOf('U0456')!.version, 2);
    assert.equal((w.homeOf('U0456')!.view.blocks as unknown[]).length, 1);
  });
});
