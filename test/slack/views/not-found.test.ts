import { strict as assert } from 'node:assert';
import { checkMessage } from '../../../src/slack/views/limits';
import { decodeButtonValue } from '../../../src/slack/views/button-value';
import { PICK_ACTION_PATTERN, renderAmbiguous, renderNotFound } from '../../../src/slack/views/not-found';
import { allText, buttons, groupQuery, skillQuery } from '../../fixtures/reports';

describe('renderNotFound', () => {
  const query = skillQuery('biling');

  it('suggests the closest name with a button that carries the id and the original query', () => {
    const m = renderNotFound(query, [{ id: '1001', name: 'Billing' }]);
    assert.equal(m.text, "No skill called 'biling'. Did you mean *Billing*?");
    const [b, ...rest] = buttons(m.blocks);
    assert.equal(rest.length, 0);
    assert.equal(b!.action_id, 'pick_skill_0');
    assert.match(b!.action_id, PICK_ACTION_PATTERN);
    assert.equal(b!.text, 'Billing');
    assert.deepEqual(decodeButtonValue(b!.value), { q: query, id: '1001' });
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
      ['pick_skill_0', 'pick_skill_1', 'pick_skill_2'],
    );
    assert.deepEqual(
      bs.map((b) => b.text),
      ['Returns &amp; Exchanges', 'Loyalty &lt;Gold&gt;', 'Billing'],
    );
    assert.deepEqual(
      bs.map((b) => decodeButtonValue(b.value)?.id),
      ['1005', '1007', '1001'],
    );
  });

  it('uses group wording and pick_group ids for groups', () => {
    const m = renderNotFound(groupQuery('tier one'), [{ id: '502', name: 'Tier 1' }]);
    assert.equal(m.text, "No agent group called 'tier one'. Did you mean *Tier 1*?");
    assert.equal(buttons(m.blocks)[0]!.action_id, 'pick_group_0');
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
      buttons(m.blocks).map((b) => [b.action_id, decodeButtonValue(b.value)]),
      [
        ['pick_skill_0', { q, id: '1003' }],
        ['pick_skill_1', { q, id: '1004' }],
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
});
