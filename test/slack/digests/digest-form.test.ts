import { strict as assert } from 'node:assert';
import type { Digest } from '../../../src/domain/digest';
import {
  readDigestForm,
  readDigestMetadata,
  type FormProblems,
  type FormReading,
} from '../../../src/slack/digests/digest-form';
import { splitNames } from '../../../src/slack/digests/name-list';
import { resolveScope } from '../../../src/slack/digests/resolve-scope';
import {
  COMMON_ZONES,
  DIGEST_CALLBACK_ID,
  digestInputOf,
  newDigestInput,
  renderDigestLoadingModal,
  renderDigestMessageModal,
  renderDigestModal,
} from '../../../src/slack/views/digest-modal';
import { renderFormErrors } from '../../../src/slack/views/digest-problems';
import { checkView } from '../../../src/slack/views/limits';
import { matchName } from '../../../src/liveperson/name-match';
import { GROUPS, SKILLS } from '../listeners/support';
import { option, stateOf, withField } from './form-state';

const DIGEST: Digest = {
  id: 'k3x9q2',
  teamId: 'T1',
  channelId: 'C0123',
  createdBy: 'U1',
  createdAt: 0,
  updatedAt: 0,
  schedule: { days: { kind: 'days', days: [1, 3, 5] }, hour: 8, minute: 30, zone: 'Asia/Kathmandu' },
  windowMs: 90 * 60_000,
  scope: {
    kind: 'skills',
    items: [
      { id: '1001', name: 'Billing' },
      { id: '1002', name: 'Sales' },
    ],
  },
  audience: 'humans',
  chart: false,
  paused: false,
};

function problemsOf(r: FormReading): FormProblems {
  assert.ok(!r.ok, 'the form should not read as valid');
  return r.problems;
}

const directory = {
  findSkill: (q: string) => Promise.resolve(matchName(q, SKILLS)),
  findGroup: (q: string) => Promise.resolve(matchName(q, GROUPS)),
};

describe('digest form (modal view and its reader)', () => {
  const fresh = renderDigestModal(
    newDigestInput({ channelId: 'C0123', zone: 'Europe/Berlin', origin: 'C0123' }),
  );

  it('is within Slack’s limits, new and prefilled, and the checker can fail on it', () => {
    assert.deepEqual(checkView(fresh), []);
    assert.deepEqual(checkView(renderDigestModal(digestInputOf(DIGEST, 'C0123'))), []);
    assert.deepEqual(checkView(renderDigestLoadingModal()), []);
    assert.deepEqual(checkView(renderDigestMessageModal('x')), []);
    const long = {
      ...fresh,
      title: { type: 'plain_text' as const, text: 'A title far longer than twenty-four' },
    };
    assert.match(checkView(long)[0]!.message, /Slack allows 24/);
    const tooMany = structuredClone(fresh);
    const days = tooMany.blocks.find((b) => b.block_id === 'chosen_days') as unknown as {
      element: { options: unknown[] };
    };
    days.element.options = Array.from({ length: 11 }, (_, i) => option(String(i)));
    assert.ok(checkView(tooMany).some((v) => /11 options; Slack allows 10/.test(v.message)));
  });

  it('opens on the current channel, weekdays 17:00, the asker’s zone preselected, 8 h, the account, a chart', () => {
    assert.equal(fresh.callback_id, DIGEST_CALLBACK_ID);
    assert.deepEqual(JSON.parse(fresh.private_metadata!), { origin: 'C0123' });
    const got = readDigestForm(stateOf(fresh));
    assert.deepEqual(got, {
      ok: true,
      form: {
        channelId: 'C0123',
        days: { kind: 'weekdays' },
        hour: 17,
        minute: 0,
        zone: 'Europe/Berlin',
        windowMs: 8 * 3_600_000,
        scope: { kind: 'account' },
        chart: true,
      },
    });
  });

  it('an unlisted zone (the asker’s) is added to the list and preselected', () => {
    const view = renderDigestModal(newDigestInput({ zone: 'America/Adak' }));
    assert.ok(!COMMON_ZONES.includes('America/Adak'));
    assert.equal(
      (
        readDigestForm(withField(stateOf(view), 'channel', { selected_conversation: 'C1X' })) as {
          ok: true;
          form: { zone: string };
        }
      ).form.zone,
      'America/Adak',
    );
  });

  it('edit opens prefilled with the digest, its id and audience in private_metadata', () => {
    const view = renderDigestModal(digestInputOf(DIGEST, 'C0999'));
    assert.equal((view.title as { text: string }).text, 'Edit digest');
    assert.deepEqual(readDigestMetadata(view.private_metadata), {
      id: 'k3x9q2',
      origin: 'C0999',
      audience: 'humans',
    });
    assert.deepEqual(readDigestForm(stateOf(view)), {
      ok: true,
      form: {
        channelId: 'C0123',
        days: { kind: 'days', days: [1, 3, 5] },
        hour: 8,
        minute: 30,
        zone: 'Asia/Kathmandu',
        windowMs: 90 * 60_000,
        scope: { kind: 'skills', names: ['Billing', 'Sales'] },
        chart: false,
      },
    });
  });

  it('an edit of a skill whose name has a comma saves back the same skill, not two halves', () => {
    const commas: Digest = {
      ...DIGEST,
      scope: {
        kind: 'skills',
        items: [
          { id: '1001', name: 'Billing, EMEA' },
          { id: '1002', name: 'Sales' },
        ],
      },
    };
    const view = renderDigestModal(digestInputOf(commas, 'C0999'));
    assert.deepEqual(checkView(view), []);
    const reading = readDigestForm(stateOf(view));
    assert.ok(reading.ok);
    assert.deepEqual(reading.form.scope, { kind: 'skills', names: ['Billing, EMEA', 'Sales'] });
  });

  it('ten long names fit the field they are prefilled into', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      id: String(1000 + i),
      name: `${'x'.repeat(250)} ${i}`,
    }));
    const view = renderDigestModal(digestInputOf({ ...DIGEST, scope: { kind: 'skills', items } }, 'C0999'));
    assert.deepEqual(checkView(view), []);
    const reading = readDigestForm(stateOf(view));
    assert.ok(reading.ok);
    assert.equal(reading.form.scope.kind === 'skills' && reading.form.scope.names.length, 10);
  });

  describe('each invalid field comes back inline, under its own block', () => {
    const base = stateOf(fresh);
    const cases: [string, Record<string, Record<string, unknown>>, string, RegExp][] = [
      ['no channel', { channel: { selected_conversation: null } }, 'channel', /fill this in/],
      [
        'chosen days, none ticked',
        { days: { selected_option: option('days') } },
        'chosen_days',
        /Tick at least one day/,
      ],
      [
        'days ticked under Weekdays',
        { chosen_days: { selected_options: [option('2')] } },
        'chosen_days',
        /only count with “Chosen days”/,
      ],
      ['no time', { time: { selected_time: null } }, 'time', /fill this in/],
      ['25:00', { time: { selected_time: '25:00' } }, 'time', /00:00 to 23:59/],
      ['a zone that is none', { zone: { selected_option: option('Mars/Base') } }, 'zone', /Pick a timezone/],
      ['a 30 h shift', { shift: { selected_option: option('1800') } }, 'shift', /1 h to 24 h/],
      ['skills without names', { scope: { selected_option: option('skills') } }, 'names', /Which skills\?/],
      ['names under the account', { names: { value: 'billing' } }, 'names', /Names go with/],
      [
        'eleven names',
        { scope: { selected_option: option('groups') }, names: { value: 'a,b,c,d,e,f,g,h,i,j,k' } },
        'names',
        /At most 10 names .*that's 11/,
      ],
    ];
    for (const [title, changes, block, want] of cases) {
      it(title, () => {
        let values = base;
        for (const [b, state] of Object.entries(changes)) values = withField(values, b, state);
        const r = readDigestForm(values);
        assert.equal(r.ok, false);
        const errors = renderFormErrors(problemsOf(r));
        assert.deepEqual(Object.keys(errors), [block]);
        assert.match(errors[block]!, want);
      });
    }

    it('reports every bad field at once', () => {
      const values = withField(withField(base, 'time', { selected_time: '99:99' }), 'channel', {
        selected_conversation: null,
      });
      const r = readDigestForm(values);
      assert.deepEqual(Object.keys(renderFormErrors(problemsOf(r))).sort(), ['channel', 'time']);
    });
  });

  it('names resolve through the directory; unknown and ambiguous ones are field errors with suggestions', async () => {
    assert.deepEqual(
      await resolveScope({ kind: 'skills', names: ['billing', 'BILLING', 'sales'] }, directory),
      {
        ok: true,
        scope: {
          kind: 'skills',
          items: [
            { id: '1001', name: 'Billing' },
            { id: '1002', name: 'Sales' },
          ],
        },
      },
    );
    const typo = await resolveScope({ kind: 'skills', names: ['biling'] }, directory);
    assert.ok(!typo.ok);
    assert.match(
      renderFormErrors({ names: typo.problem }).names!,
      /No skill is called “biling”\. Did you mean “Billing”\?/,
    );
    const vague = await resolveScope({ kind: 'skills', names: ['support'] }, directory);
    assert.ok(!vague.ok);
    assert.match(
      renderFormErrors({ names: vague.problem }).names!,
      /“support” fits several skills: “Support Hardware”, “Support Software”\. Type more/,
    );
    const down = await resolveScope(
      { kind: 'groups', names: ['x'] },
      { ...directory, findGroup: () => Promise.reject(new Error('503')) },
    );
    assert.deepEqual(down, { ok: false, problem: { kind: 'lookup-failed' } });
  });

  it('reads names split by commas, drops repeats; metadata from Slack is validated', () => {
    assert.deepEqual(splitNames(' billing, Sales,,billing\nTier 1 '), ['billing', 'Sales', 'Tier 1']);
    assert.deepEqual(readDigestMetadata('{"origin":"C0123","audience":"humans"}'), {
      origin: 'C0123',
      audience: 'humans',
    });
    assert.deepEqual(readDigestMetadata('{}'), {});
    // Anything the bot did not write is refused whole: a mangled edit id must not save as new.
    for (const raw of [
      '{"id":"../../x"}',
      '{"origin":"<!channel>"}',
      '{"audience":"aliens"}',
      '{"id":"abc123","admin":true}',
      'not json',
      '"a string"',
      '[]',
      '',
      `{"origin":"C0123","pad":"${'x'.repeat(3000)}"}`,
      undefined,
    ])
      assert.equal(readDigestMetadata(raw), undefined, String(raw).slice(0, 40));
  });
});
