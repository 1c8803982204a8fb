import { strict as assert } from 'node:assert';
import type { Digest } from '../../../src/domain/digest';
import { decodeActionValue, parseActionRef } from '../../../src/slack/action-ref';
import { MAX_LISTED, renderDigestList } from '../../../src/slack/views/digest-list';
import {
  renderDigestHelp,
  renderDigestRefused,
  renderDigestSaved,
  renderDraftProblem,
} from '../../../src/slack/views/digest-notes';
import { checkMessage } from '../../../src/slack/views/limits';
import { MemoryRepository } from '../../fixtures/memory-store';

const NEXT = Date.UTC(2026, 10, 25, 16, 0);

function digest(i: number, over: Partial<Digest> = {}): Digest {
  return {
    id: `d${i}`,
    teamId: 'T1',
    channelId: 'C0123',
    createdBy: 'U0OWNER',
    createdAt: 0,
    updatedAt: 0,
    schedule: { days: { kind: 'days', days: [1, 3, 5] }, hour: 7, minute: 5, zone: 'America/St_Johns' },
    windowMs: 8 * 3_600_000,
    scope: { kind: 'groups', items: [{ id: '1', name: '<!channel> & Tier 1' }] },
    chart: true,
    paused: false,
    ...over,
  };
}

describe('digest views', () => {
  it('the list shows days, time and zone, shift, scope (escaped), next fire, pause reason, and its buttons', async () => {
    const m = renderDigestList({
      of: { kind: 'channel', channelId: 'C0123' },
      items: [
        { digest: digest(1), next: NEXT },
        { digest: digest(2, { paused: true, pausedReason: 'not_in_channel' }), next: undefined },
      ],
    });
    assert.deepEqual(checkMessage(m), []);
    const text = JSON.stringify(m.blocks);
    assert.match(
      text,
      /Mon, Wed, Fri at 07:05 \(America\/St_Johns\) · agent group &lt;!channel&gt; &amp; Tier 1 · 8 h shift/,
    );
    assert.ok(
      text.includes(`Next: <!date^${NEXT / 1000}^{date_short_pretty} at {time}|2026-11-25 16:00 UTC>`),
    );
    assert.match(text, /Paused: Queue Pulse is not in that channel any more/);
    assert.ok(!text.includes('<!channel>'), 'names are escaped');
    const repo = new MemoryRepository<never>();
    const values = (
      m.blocks as unknown as { elements?: { value?: string; text: { text: string }; confirm?: unknown }[] }[]
    )
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.value);
    const refs = await Promise.all(values.map((e) => decodeActionValue(e.value, repo)));
    assert.deepEqual(refs, [
      { kind: 'digest', op: 'pause', id: 'd1' },
      { kind: 'digest', op: 'run', id: 'd1' },
      { kind: 'digest', op: 'edit', id: 'd1' },
      { kind: 'digest', op: 'delete', id: 'd1' },
      { kind: 'digest', op: 'resume', id: 'd2' },
      { kind: 'digest', op: 'run', id: 'd2' },
      { kind: 'digest', op: 'edit', id: 'd2' },
      { kind: 'digest', op: 'delete', id: 'd2' },
      { kind: 'digest-add' },
    ]);
    assert.ok(values.find((e) => e.text.text === 'Delete')!.confirm, 'Delete asks first');
  });

  it('a long list stays within 50 blocks and says how many are not shown; an empty one says how to add', () => {
    const items = Array.from({ length: MAX_LISTED + 7 }, (_, i) => ({ digest: digest(i), next: NEXT }));
    const m = renderDigestList({ of: { kind: 'user' }, items });
    assert.deepEqual(checkMessage(m), []);
    const text = JSON.stringify(m.blocks);
    // Those without room for buttons are still listed by id, to edit or remove by command.
    for (const { digest: d } of items) assert.ok(text.includes(`\`${d.id}\``), d.id);
    assert.match(text, /`\/queue digest edit <id>`/);
    const empty = renderDigestList({ of: { kind: 'channel', channelId: 'C1' }, items: [] });
    assert.match(JSON.stringify(empty.blocks), /None post here yet/);
  });

  it('digest action refs are strict: unknown ops, extra fields and odd ids do not decode', () => {
    assert.deepEqual(parseActionRef({ kind: 'digest', op: 'pause', id: 'k3x9q2' }), {
      kind: 'digest',
      op: 'pause',
      id: 'k3x9q2',
    });
    assert.equal(parseActionRef({ kind: 'digest', op: 'explode', id: 'k3x9q2' }), undefined);
    assert.equal(parseActionRef({ kind: 'digest', op: 'pause', id: 'k3x9q2', createdBy: 'U1' }), undefined);
    assert.equal(parseActionRef({ kind: 'digest', op: 'pause', id: '<!channel>' }), undefined);
    assert.equal(parseActionRef({ kind: 'digest-add', id: 'x' }), undefined);
  });

  it('notes are within limits and say what happened', () => {
    for (const m of [
      renderDigestSaved(digest(1), NEXT, 'added'),
      renderDigestRefused(digest(1)),
      renderDigestHelp(),
      renderDraftProblem({ kind: 'channel-name', name: 'leads' }, 'digest add #leads 17:00'),
    ])
      assert.deepEqual(checkMessage(m), []);
    assert.match(renderDigestRefused(digest(1)).text, /Only <@U0OWNER>/);
  });
});
