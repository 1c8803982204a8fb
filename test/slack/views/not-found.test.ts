import { strict as assert } from 'node:assert';
import { checkMessage } from '../../../src/slack/views/limits';
import { renderAmbiguous, renderNotFound } from '../../../src/slack/views/not-found';
import { kindOfActionId } from '../../../src/slack/action-ref';
import { allText, buttons, groupQuery, refOf, skillQuery } from '../../fixtures/reports';
import { agentsQuery } from '../../fixtures/agents';

describe('renderNotFound', () => {
  const query = skillQuery('biling');

  it('suggests the closest name with a button that carries the id and the original query', () => {
    const m = renderNotFound(query, [{ id: '1001', name: 'Billing' }]);
    assert.equal(m.text, "No skill called 'biling'. Did you mean *Billing*?");
    const [b, ...rest] = buttons(m.blocks);
    assert.equal(rest.length, 0);
    assert.equal(b!.action_id, 'qp:pick:0');
    assert.equal(kindOfActionId(b!.action_id), 'pick');
    assert.equal(b!.text, 'Billing');
    assert.deepEqual(refOf(b!.value), { kind: 'pick', query, id: '1001' });
    assert.equal(m.response_type, 'ephemeral');
    assert.deepEqual(checkMessage(m), []);
  });

  it('lists several suggestions, escaped, with unique action ids', () => {
    const m = renderNotFound(skillQuery('r&e'), [
      { id: '1005', name: 'Returns & Exchanges' },
      { id: '1007', name: 'Loyalty <Gold>' },
      { id: '1001', name: 'Billing' },
    ]);
    assert.equal(
      m.text,
      "No skill called 'r&amp;e'. Did you mean *Returns &amp; Exchanges*, *Loyalty &lt;Gold&gt;* or *Billing*?",
    );
    const bs = buttons(m.blocks);
    assert.deepEqual(
      bs.map((b) => b.action_id),
      ['qp:pick:0', 'qp:pick:1', 'qp:pick:2'],
    );
    assert.deepEqual(
      bs.map((b) => b.text),
      ['Returns &amp; Exchanges', 'Loyalty &lt;Gold&gt;', 'Billing'],
    );
    assert.deepEqual(
      bs.map((b) => {
        const r = refOf(b.value);
        return r?.kind === 'pick' ? r.id : undefined;
      }),
      ['1005', '1007', '1001'],
    );
  });

  it('uses group wording for groups', () => {
    const m = renderNotFound(groupQuery('tier one'), [{ id: '502', name: 'Tier 1' }]);
    assert.equal(m.text, "No agent group called 'tier one'. Did you mean *Tier 1*?");
    assert.deepEqual(refOf(buttons(m.blocks)[0]!.value), {
      kind: 'pick',
      query: groupQuery('tier one'),
      id: '502',
    });
  });

  it('without suggestions, says what to try and shows no buttons', () => {
    const m = renderNotFound(skillQuery('<!channel>'), []);
    assert.equal(m.text, "No skill called '&lt;!channel&gt;'. Check the spelling, or type part of the name.");
    assert.equal(buttons(m.blocks).length, 0);
    assert.ok(!allText(m.blocks).includes('<!channel>'));
    assert.deepEqual(checkMessage(m), []);
  });

  it('offers at most five suggestions', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ id: String(2001 + i), name: `Campaign ${i}` }));
    assert.equal(buttons(renderNotFound(skillQuery('campain'), many).blocks).length, 5);
  });
});

describe('renderAmbiguous', () => {
  it('lists every match with a button each', () => {
    const q = skillQuery('tech support');
    const m = renderAmbiguous(q, [
      { id: '1003', name: 'Tech Support - Hardware' },
      { id: '1004', name: 'Tech Support - Software' },
    ]);
    assert.equal(
      m.text,
      "'tech support' matches several skills: *Tech Support - Hardware*, *Tech Support - Software*. Which one?",
    );
    assert.deepEqual(
      buttons(m.blocks).map((b) => [b.action_id, refOf(b.value)]),
      [
        ['qp:pick:0', { kind: 'pick', query: q, id: '1003' }],
        ['qp:pick:1', { kind: 'pick', query: q, id: '1004' }],
      ],
    );
    assert.deepEqual(checkMessage(m), []);
  });

  it('caps the buttons at ten and counts the rest instead of hiding them', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: String(2001 + i),
      name: `Campaign ${String(i + 1).padStart(3, '0')}`,
    }));
    const m = renderAmbiguous(skillQuery('campaign'), many);
    assert.equal(buttons(m.blocks).length, 10);
    assert.ok(m.text.includes('…and 290 more; type more of the name to narrow it down.'));
    assert.deepEqual(checkMessage(m), []);
  });

  it('an agents query names its skill or group as a report would, and a pick re-runs the agents query', () => {
    const q = agentsQuery({ of: 'group', name: 'teir 1' });
    const missing = renderNotFound(q, [{ id: '502', name: 'Tier 1' }]);
    assert.equal(missing.text, "No agent group called 'teir 1'. Did you mean *Tier 1*?");
    assert.deepEqual(refOf(buttons(missing.blocks)[0]!.value), { kind: 'pick', query: q, id: '502' });
    const several = renderAmbiguous(agentsQuery({ name: 'tech' }), [
      { id: '1003', name: 'Tech Support - Hardware' },
      { id: '1004', name: 'Tech Support - Software' },
    ]);
    assert.match(several.text, /^'tech' matches several skills: /);
    assert.equal(refOf(buttons(several.blocks)[1]!.value)?.kind, 'pick');
    assert.deepEqual(checkMessage(several), []);
  });
});
