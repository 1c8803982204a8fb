/**
 * Forged digest-form submissions, signed and sent to the real bot with its own digest service and
 * store: tampered hidden state, someone else's or another workspace's digest, a form the bot never
 * opened, values the form never offered. Each is refused in the HTTP answer (field errors or a
 * message in place of the form), nothing is saved, and no stack trace reaches the user.
 */
import { strict as assert } from 'node:assert';
import type { Digest, DigestDraft } from '../../src/domain/digest';
import { formSubmissionBody } from '../../src/sandbox/payloads';
import { DIGEST_CALLBACK_ID, newDigestInput, renderDigestModal } from '../../src/slack/views/digest-modal';
import { option, stateOf, withField } from '../slack/digests/form-state';
import { startHarness, type Harness } from '../e2e/harness';

const DRAFT: DigestDraft = {
  channelId: 'C0123',
  schedule: { days: { kind: 'weekdays' }, hour: 17, minute: 0, zone: 'Europe/Berlin' },
  windowMs: 8 * 3_600_000,
  scope: { kind: 'account' },
  chart: true,
};

type Values = ReturnType<typeof stateOf>;

/** A form as the bot renders it for a new digest in C0999, its values as Slack sends them back. */
const VALID: Values = stateOf(renderDigestModal(newDigestInput({ channelId: 'C0999', zone: 'UTC' })));

describe('forged digest-form submissions over HTTP', function () {
  this.timeout(60_000);
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ env: { DIGEST_ADMINS: 'U0ADMIN' } });
  });
  afterEach(() => h.close());

  async function submit(
    values: unknown,
    opts: { privateMetadata?: string; userId?: string; callbackId?: string; teamId?: string } = {},
  ) {
    const res = await h.post(
      formSubmissionBody({
        callbackId: opts.callbackId ?? DIGEST_CALLBACK_ID,
        values: values as never,
        privateMetadata: opts.privateMetadata ?? '{"origin":"C0123"}',
        ...(opts.userId ? { userId: opts.userId } : {}),
        ...(opts.teamId ? { teamId: opts.teamId } : {}),
      }),
      'application/x-www-form-urlencoded',
    );
    const text = await res.text();
    await h.bot.container.inFlight.drain(10_000);
    return {
      status: res.status,
      text,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }

  /** Every digest in the store, in the channels the tests use, for both workspaces. */
  async function stored(): Promise<Digest[]> {
    const d = h.bot.container.digests;
    const out: Digest[] = [];
    for (const team of ['T0001', 'T0002'])
      for (const channel of ['C0123', 'C0999', 'C0777']) out.push(...(await d.listForChannel(team, channel)));
    return out;
  }

  const noTrace = (text: string) => assert.doesNotMatch(text, /Error:|\bat \w+ \(|node_modules|\.ts:\d+/);

  /** The refusal shown in place of the form. */
  function messageModal(body: Record<string, unknown> | undefined): string {
    assert.equal(body?.response_action, 'update', JSON.stringify(body));
    return JSON.stringify((body.view as { blocks: unknown[] }).blocks);
  }

  it('a valid submission is saved (the baseline the forgeries differ from)', async () => {
    const r = await submit(VALID);
    assert.equal(r.body, undefined, r.text);
    assert.equal((await stored()).length, 1);
  });

  describe('tampered private_metadata: refused with a message, nothing saved', () => {
    for (const [what, metadata] of [
      ['garbage', '{{{<!channel>'],
      ['a JSON string', '"C0123"'],
      ['an edit id that is not an id', '{"id":"../../etc/passwd","origin":"C0123"}'],
      ['a field the bot never writes', '{"origin":"C0123","createdBy":"U0ADMIN"}'],
      ['an origin that is not a channel', '{"origin":"<!channel>"}'],
      ['over 3000 characters', `{"origin":"C0123","x":"${'x'.repeat(3100)}"}`],
    ] as const) {
      it(what, async () => {
        const r = await submit(VALID, { privateMetadata: metadata });
        assert.equal(r.status, 200);
        assert.match(messageModal(r.body), /This form could not be read, so nothing was saved/);
        noTrace(r.text);
        assert.deepEqual(await stored(), []);
        assert.equal(h.slack.callsTo('chat.postEphemeral').length, 0, 'no confirmation');
      });
    }
  });

  it("someone who may not manage another's digest cannot save an edit of it", async () => {
    const theirs = await h.bot.container.digests.add(DRAFT, { teamId: 'T0001', userId: 'U0OWNER' });
    const r = await submit(VALID, { privateMetadata: JSON.stringify({ id: theirs.id }), userId: 'U0NOBODY' });
    assert.match(messageModal(r.body), /Only <@U0OWNER>, who set up digest/);
    noTrace(r.text);
    assert.deepEqual(await h.bot.container.digests.get(theirs.id), theirs, 'unchanged');
    assert.equal((await stored()).length, 1);
  });

  it('an edit of a digest of another workspace, or of none, is "no such digest"', async () => {
    const other = await h.bot.container.digests.add(DRAFT, { teamId: 'T0002', userId: 'U0456' });
    for (const id of [other.id, 'zz99']) {
      const r = await submit(VALID, { privateMetadata: JSON.stringify({ id }) });
      assert.match(messageModal(r.body), new RegExp(`There is no digest \`${id}\` \\(any more\\)`));
      noTrace(r.text);
    }
    assert.deepEqual(await h.bot.container.digests.get(other.id), other, 'unchanged');
    assert.equal((await stored()).length, 1);
  });

  it('a callback_id the bot never issued runs no handler and saves nothing', async () => {
    const r = await submit(VALID, { callbackId: 'qp:admin-form' });
    // Bolt answers what no listener acknowledged with 404, after its 3 s wait.
    assert.equal(r.status, 404);
    assert.deepEqual(await stored(), []);
    assert.equal(h.slack.callsTo('chat.postEphemeral').length, 0);
  });

  describe('values the form never offered: field errors in the answer, nothing saved', () => {
    const cases: [string, Record<string, Record<string, unknown>>, string, RegExp][] = [
      ['a channel id missing', { channel: { selected_conversation: null } }, 'channel', /fill this in/],
      [
        'a channel that is not one',
        { channel: { selected_conversation: '<!channel>' } },
        'channel',
        /fill this in/,
      ],
      ['a time that does not parse', { time: { selected_time: 'noon' } }, 'time', /00:00 to 23:59/],
      ['a time past midnight', { time: { selected_time: '24:30' } }, 'time', /00:00 to 23:59/],
      [
        'days the menu does not offer',
        { days: { selected_option: option('hourly') } },
        'days',
        /fill this in/,
      ],
      [
        'a zone that is none',
        { zone: { selected_option: option('Mars/Olympus') } },
        'zone',
        /Pick a timezone/,
      ],
      [
        'a shift the menu does not offer',
        { shift: { selected_option: option('99999') } },
        'shift',
        /1 h to 24 h/,
      ],
      [
        'a scope the menu does not offer',
        { scope: { selected_option: option('everything') } },
        'scope',
        /fill this in/,
      ],
      [
        'a skill id not in the account',
        { scope: { selected_option: option('skills') }, names: { value: '9999' } },
        'names',
        /No skill is called “9999”/,
      ],
      [
        'a deleted skill',
        { scope: { selected_option: option('skills') }, names: { value: 'Legacy Billing' } },
        'names',
        /No skill is called “Legacy Billing”/,
      ],
    ];
    for (const [what, changes, block, want] of cases) {
      it(what, async () => {
        let values = VALID;
        for (const [b, state] of Object.entries(changes)) values = withField(values, b, state);
        const r = await submit(values);
        assert.equal(r.status, 200);
        assert.equal(r.body?.response_action, 'errors', r.text);
        const errors = r.body.errors as Record<string, string>;
        assert.deepEqual(Object.keys(errors), [block]);
        assert.match(errors[block]!, want);
        noTrace(r.text);
        assert.deepEqual(await stored(), []);
      });
    }
  });
});
