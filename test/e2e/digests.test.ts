/**
 * Managing digests from Slack, through the real Bolt app: signed slash commands, clicks and modal
 * submissions; a fake Slack recording views.open / views.update / postEphemeral; the in-memory
 * digest service standing in for the scheduler's.
 */
import { strict as assert } from 'node:assert';
import type { Digest, DigestDraft } from '../../src/domain/digest';
import { formSubmissionBody } from '../../src/sandbox/payloads';
import { DIGEST_CALLBACK_ID, newDigestInput, renderDigestModal } from '../../src/slack/views/digest-modal';
import { MemoryDigestService } from '../fixtures/memory-digests';
import { option, stateOf, withField } from '../slack/digests/form-state';
import { BUSY_NOW, buttons, startHarness, texts, type Harness } from './harness';

const DRAFT: DigestDraft = {
  channelId: 'C0123',
  schedule: { days: { kind: 'weekdays' }, hour: 17, minute: 0, zone: 'Europe/Berlin' },
  windowMs: 8 * 3_600_000,
  scope: { kind: 'account' },
  chart: true,
};

describe('e2e: managing digests from Slack', function () {
  this.timeout(60_000);
  let h: Harness;
  let digests: MemoryDigestService;

  beforeEach(async () => {
    digests = new MemoryDigestService(() => BUSY_NOW);
    h = await startHarness({ env: { DIGEST_ADMINS: 'U0ADMIN' }, start: { digests } });
  });
  afterEach(() => h.close());

  const only = (): Digest => {
    const all = [...digests.digests.values()];
    assert.equal(all.length, 1, JSON.stringify(all));
    return all[0]!;
  };

  async function submit(values: unknown, privateMetadata = '{"origin":"C0123"}', userId = 'U0456') {
    const res = await h.post(
      formSubmissionBody({
        callbackId: DIGEST_CALLBACK_ID,
        values: values as never,
        privateMetadata,
        userId,
      }),
      'application/x-www-form-urlencoded',
    );
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  /** The list's button `text` on the digest's row, as the asker got it. */
  async function listButton(text: string, userId = 'U0456') {
    const r = await h.command('digest list', { userId });
    const [list] = await h.responses(r.responseId);
    const b = buttons(list!.body).find((x) => x.text === text);
    assert.ok(b, `no ${text} button in ${JSON.stringify(buttons(list!.body))}`);
    return b;
  }

  it('a one-line add creates the digest: channel, days, time, zone, skills resolved by the directory', async () => {
    const r = await h.command(
      'digest add <#C0777|leads> weekdays 17:00 Europe/Berlin skill billing,sales window 6h chart off',
    );
    assert.equal(r.status, 200);
    assert.match(JSON.stringify(r.ack), /Setting up the digest/);
    const [done] = await h.responses(r.responseId);
    const d = only();
    assert.deepEqual(
      { channelId: d.channelId, schedule: d.schedule, windowMs: d.windowMs, scope: d.scope, chart: d.chart },
      {
        channelId: 'C0777',
        schedule: { days: { kind: 'weekdays' }, hour: 17, minute: 0, zone: 'Europe/Berlin' },
        windowMs: 6 * 3_600_000,
        scope: {
          kind: 'skills',
          items: [
            { id: '1001', name: 'Billing' },
            { id: '1002', name: 'Sales' },
          ],
        },
        chart: false,
      },
    );
    assert.equal(d.createdBy, 'U0456');
    assert.equal(d.teamId, 'T0001');
    const said = texts(done!.body).join('\n');
    assert.match(
      said,
      new RegExp(`Digest \`${d.id}\` set up: posts in <#C0777>, Weekdays at 17:00 \\(Europe/Berlin\\)`),
    );
    assert.match(said, /First post: <!date\^\d+\^/);
  });

  it('without a zone, the one-liner uses the asker’s Slack timezone', async () => {
    h.slack.userTimezones.set('U0456', 'America/St_Johns');
    const r = await h.command('digest add 08:30');
    await h.responses(r.responseId);
    assert.equal(only().schedule.zone, 'America/St_Johns');
    assert.equal(only().channelId, 'C0123');
  });

  it('a one-line add with an unknown skill answers with suggestions and adds nothing', async () => {
    const r = await h.command('digest add 17:00 skill biling');
    const [answer] = await h.responses(r.responseId);
    assert.match(texts(answer!.body).join('\n'), /No skill is called “biling”\. Did you mean “Billing”/);
    assert.equal(digests.digests.size, 0);
  });

  it('a one-line add for a channel the bot is not in saves nothing and says how to fix it', async () => {
    h.slack.channelErrors.set('C0OUT', 'not_in_channel');
    h.slack.channelErrors.set('G0HIDDEN', 'channel_not_found');
    const r = await h.command('digest add <#C0OUT|night-shift> weekdays 17:00 skill billing');
    const said = texts((await h.responses(r.responseId))[0]!.body).join('\n');
    assert.match(said, /Nothing saved: Queue Pulse is not in <#C0OUT>/);
    assert.match(said, /\/invite @Queue Pulse/);
    // The command comes back as it can be sent again (Slack links a typed #night-shift).
    assert.match(said, /send it again: `\/queue digest add #night-shift weekdays 17:00 skill billing`/);
    const hidden = await h.command('digest add <#G0HIDDEN> 08:00');
    assert.match(
      texts((await h.responses(hidden.responseId))[0]!.body).join('\n'),
      /Queue Pulse cannot see <#G0HIDDEN>/,
    );
    // A DM between two people is hidden from the bot: it could never post the summary there.
    h.slack.channelErrors.set('D0TWO', 'channel_not_found');
    const dm = await h.command('digest add 08:00', { channelId: 'D0TWO' });
    assert.match(
      texts((await h.responses(dm.responseId))[0]!.body).join('\n'),
      /Nothing saved: Queue Pulse cannot see/,
    );
    assert.equal(digests.digests.size, 0);
    // Invited: the same command saves it.
    h.slack.channelErrors.delete('C0OUT');
    const again = await h.command('digest add <#C0OUT|night-shift> weekdays 17:00 skill billing');
    assert.match(
      texts((await h.responses(again.responseId))[0]!.body).join('\n'),
      /set up: posts in <#C0OUT>/,
    );
    assert.equal(only().channelId, 'C0OUT');
  });

  it('bad one-liners are answered in the ack with what is wrong', async () => {
    for (const [text, want] of [
      ['digest add weekdays 25:00', /isn't a time of day/],
      ['digest add 17:00 Europe/Berln', /did you mean `Europe\/Berlin`/],
      ['digest add 17:00 window 30h', /at most 24 h/],
      ['digest add 17:00 mon,fry', /“fry” isn't a day/],
    ] as const) {
      const r = await h.command(text);
      assert.equal(r.status, 200);
      const ack = JSON.stringify(r.ack);
      assert.match(ack, want);
      assert.match(ack, /digest add/, 'the digest forms are the examples');
    }
    assert.equal(digests.digests.size, 0);
  });

  it('`/queue digest add` acks, opens the form with the trigger_id, then preselects the asker’s zone', async () => {
    h.slack.userTimezones.set('U0456', 'Asia/Kathmandu');
    const r = await h.command('digest add');
    assert.equal(r.status, 200);
    assert.equal(r.ack, null, 'an empty ack: the form is the answer');
    const update = await h.slack.waitFor(() => h.slack.callsTo('views.update')[0]);
    const open = h.slack.callsTo('views.open')[0]!;
    assert.equal(open.args.trigger_id, '1234.5678.abcd');
    assert.ok(h.slack.calls.indexOf(open) < h.slack.calls.indexOf(update), 'opened before updated');
    const opened = open.args.view as {
      callback_id: string;
      blocks: { block_id: string; element: Record<string, unknown> }[];
    };
    assert.equal(opened.callback_id, DIGEST_CALLBACK_ID);
    const zoneOf = (v: typeof opened) =>
      (v.blocks.find((b) => b.block_id === 'zone')!.element.initial_option as { value: string }).value;
    assert.equal(zoneOf(opened), 'UTC', 'DEFAULT_TIMEZONE until users.info answers');
    assert.equal(zoneOf(update.args.view as typeof opened), 'Asia/Kathmandu');
    assert.equal(opened.blocks.find((b) => b.block_id === 'channel')!.element.initial_conversation, 'C0123');
  });

  it('a submission with a bad field answers response_action errors in the HTTP body; nothing is saved', async () => {
    const state = stateOf(renderDigestModal(newDigestInput({ channelId: 'C0123', zone: 'UTC' })));
    const unknown = withField(withField(state, 'scope', { selected_option: option('skills') }), 'names', {
      value: 'biling',
    });
    const a = await submit(unknown);
    assert.equal(a.status, 200);
    assert.equal(a.body?.response_action, 'errors');
    assert.match((a.body?.errors as Record<string, string>).names!, /Did you mean “Billing”/);
    const b = await submit(withField(state, 'channel', { selected_conversation: null }));
    assert.deepEqual(b.body, { response_action: 'errors', errors: { channel: 'Please fill this in.' } });
    assert.equal(digests.digests.size, 0);
  });

  it('a submission for a channel the bot is not in is refused inline, beside a bad name', async () => {
    h.slack.channelErrors.set('C0OUT', 'not_in_channel');
    const state = stateOf(renderDigestModal(newDigestInput({ channelId: 'C0OUT', zone: 'UTC' })));
    const a = await submit(state);
    assert.deepEqual(Object.keys(a.body?.errors as object), ['channel']);
    assert.match(
      (a.body?.errors as Record<string, string>).channel!,
      /Queue Pulse is not in this channel.*Save again/,
    );
    const bad = withField(withField(state, 'scope', { selected_option: option('skills') }), 'names', {
      value: 'biling',
    });
    const b = await submit(bad);
    assert.deepEqual(Object.keys(b.body?.errors as object).sort(), ['channel', 'names']);
    assert.equal(digests.digests.size, 0);
    // Slack not answering the check does not stand in the way: the digest is saved.
    h.slack.channelErrors.delete('C0OUT');
    h.slack.serverErrors.set('conversations.history', { times: 1 });
    const c = await submit(state);
    assert.equal(c.body, undefined, 'an empty ack closes the modal');
    assert.equal(only().channelId, 'C0OUT');
  });

  it('a valid submission closes the form, saves the digest and confirms where the form was opened', async () => {
    const state = stateOf(
      renderDigestModal(newDigestInput({ channelId: 'C0999', zone: 'Australia/Lord_Howe' })),
    );
    const values = withField(withField(state, 'scope', { selected_option: option('groups') }), 'names', {
      value: 'tier 1, Tier 2',
    });
    const r = await submit(values);
    assert.equal(r.status, 200);
    assert.equal(r.body, undefined, 'an empty ack closes the modal');
    const note = await h.slack.waitFor(() => h.slack.callsTo('chat.postEphemeral')[0]);
    const d = only();
    assert.equal(d.channelId, 'C0999');
    assert.equal(d.schedule.zone, 'Australia/Lord_Howe');
    assert.deepEqual(d.scope, {
      kind: 'groups',
      items: [
        { id: '502', name: 'Tier 1' },
        { id: '503', name: 'Tier 2' },
      ],
    });
    assert.equal(note.args.channel, 'C0123');
    assert.equal(note.args.user, 'U0456');
    assert.match(String(note.args.text), new RegExp(`Digest \`${d.id}\` set up`));
  });

  it('list → Pause: the service pauses it and the list shows Resume, days, time, zone and next fire', async () => {
    const d = await digests.add(DRAFT, { teamId: 'T0001', userId: 'U0456' });
    const r = await h.command('digest list');
    const [list] = await h.responses(r.responseId);
    const shown = texts(list!.body).join('\n');
    assert.match(shown, new RegExp(`Digest \`${d.id}\``));
    assert.match(shown, /Weekdays at 17:00 \(Europe\/Berlin\) · the account · 8 h shift/);
    assert.match(shown, /Next: <!date\^\d+\^\{date_short_pretty\} at \{time\}\|/);
    const pause = buttons(list!.body).find((b) => b.text === 'Pause')!;
    const click = await h.click({ actionId: pause.actionId, value: pause.value });
    assert.equal(click.status, 200);
    const [relisted, note] = await h.responses(click.responseId, 2);
    assert.equal(digests.digests.get(d.id)!.paused, true);
    assert.ok(buttons(relisted!.body).some((b) => b.text === 'Resume'));
    assert.match(texts(relisted!.body).join('\n'), /Paused\./);
    assert.match(texts(note!.body).join('\n'), /paused/);
  });

  it('pause and resume by id: the creator may, someone else is refused, an unknown id is not found', async () => {
    const d = await digests.add(DRAFT, { teamId: 'T0001', userId: 'U0456' });
    const said = async (text: string, userId = 'U0456') => {
      const r = await h.command(text, { userId });
      assert.equal(r.status, 200);
      return texts((await h.responses(r.responseId))[0]!.body).join('\n');
    };
    assert.match(
      await said(`digest pause ${d.id}`),
      new RegExp(`Digest \`${d.id}\` paused\\. Resume it with \`/queue digest resume ${d.id}\``),
    );
    assert.equal(digests.digests.get(d.id)!.paused, true);
    assert.match(await said(`digest resume ${d.id}`, 'U0NOBODY'), /Only <@U0456>, who set up digest/);
    assert.equal(digests.digests.get(d.id)!.paused, true, 'unchanged');
    assert.match(await said(`digest resume ${d.id}`), /resumed; next post <!date\^\d+\^/);
    assert.equal(digests.digests.get(d.id)!.paused, false);
    assert.match(await said('digest pause nosuch1'), /There is no digest `nosuch1`/);
  });

  it('someone else is refused politely, and nothing changes', async () => {
    const d = await digests.add({ ...DRAFT }, { teamId: 'T0001', userId: 'U0OWNER' });
    const pause = await listButton('Pause', 'U0NOBODY');
    const click = await h.click({ actionId: pause.actionId, value: pause.value, userId: 'U0NOBODY' });
    const [note] = await h.responses(click.responseId);
    assert.match(texts(note!.body).join('\n'), /Only <@U0OWNER>, who set up digest `\w+`, workspace admins/);
    assert.equal(digests.digests.get(d.id)!.paused, false);
    const r = await h.command(`digest remove ${d.id}`, { userId: 'U0NOBODY' });
    const [refused] = await h.responses(r.responseId);
    assert.match(texts(refused!.body).join('\n'), /Only <@U0OWNER>/);
    assert.ok(digests.digests.has(d.id));
  });

  it('a DIGEST_ADMINS user may pause it; a workspace admin may delete it', async () => {
    const d = await digests.add(DRAFT, { teamId: 'T0001', userId: 'U0OWNER' });
    const pause = await listButton('Pause', 'U0ADMIN');
    const paused = await h.click({ actionId: pause.actionId, value: pause.value, userId: 'U0ADMIN' });
    await h.responses(paused.responseId, 2);
    assert.equal(digests.digests.get(d.id)!.paused, true);
    h.slack.userAdmins.add('U0BOSS');
    const del = await listButton('Delete', 'U0BOSS');
    const deleted = await h.click({ actionId: del.actionId, value: del.value, userId: 'U0BOSS' });
    const [, note] = await h.responses(deleted.responseId, 2);
    assert.equal(digests.digests.has(d.id), false);
    assert.match(texts(note!.body).join('\n'), /deleted/);
  });

  it('the creator removes one by id; Run now posts it; Edit opens the form prefilled', async () => {
    const d = await digests.add(
      { ...DRAFT, scope: { kind: 'skills', items: [{ id: '1001', name: 'Billing' }] } },
      { teamId: 'T0001', userId: 'U0456' },
    );
    const run = await listButton('Run now');
    const ran = await h.click({ actionId: run.actionId, value: run.value });
    const [ranNote] = await h.responses(ran.responseId);
    assert.deepEqual(digests.ran, [d.id]);
    assert.match(texts(ranNote!.body).join('\n'), /posted to <#C0123> now/);

    const edit = await listButton('Edit');
    await h.click({ actionId: edit.actionId, value: edit.value });
    const update = await h.slack.waitFor(() => h.slack.callsTo('views.update')[0]);
    const view = update.args.view as {
      private_metadata: string;
      blocks: { block_id: string; element: Record<string, unknown> }[];
    };
    assert.equal(JSON.parse(view.private_metadata).id, d.id);
    assert.equal(view.blocks.find((b) => b.block_id === 'names')!.element.initial_value, 'Billing');

    const r = await h.command(`digest remove ${d.id}`);
    const [removed] = await h.responses(r.responseId);
    assert.match(texts(removed!.body).join('\n'), /deleted; it will not post again/);
    assert.equal(digests.digests.size, 0);
  });
});
