import { strict as assert } from 'node:assert';
import {
  fuzzyThreshold,
  looseName,
  matchName,
  normalizeName,
  type NameMatch,
} from '../../src/liveperson/name-match';

interface Item {
  id: string;
  name: string;
}

// The simulator's account (src/simulator/contact-center.ts builds it; defaults in src/simulator/defaults.ts), deleted "Legacy Billing" excluded as the directory does.
const SKILLS: Item[] = [
  ['1001', 'Billing'],
  ['1002', 'Sales'],
  ['1003', 'Tech Support - Hardware'],
  ['1004', 'Tech Support - Software'],
  ['1005', 'Returns & Exchanges'],
  ['1006', 'VIP'],
  ['1007', 'Loyalty <Gold>'],
  ['1008', 'Billing Disputes'],
  ['1009', 'Onboarding'],
  ['1010', 'Bot Triage'],
].map(([id, name]) => ({ id: id!, name: name! }));

const GROUPS: Item[] = [
  ['-1', 'Main Group'],
  ['502', 'Tier 1'],
  ['503', 'Tier 2'],
  ['504', 'Tier 1 Night'],
  ['505', 'Billing Team'],
  ['506', 'VIP Desk'],
  ['507', 'Bots'],
].map(([id, name]) => ({ id: id!, name: name! }));

/** A compact, comparable rendering of a match. */
function show(m: NameMatch<Item>): string {
  switch (m.kind) {
    case 'found':
      return `found ${m.item.name} (${m.how})`;
    case 'ambiguous':
      return `ambiguous [${m.candidates.map((c) => c.name).join(' | ')}]`;
    case 'not-found':
      return `not-found [${m.suggestions.map((c) => c.name).join(' | ')}]`;
  }
}

describe('matchName', () => {
  describe('with the account skills', () => {
    const table: [string, string][] = [
      ['billing', 'found Billing (exact)'],
      ['BILLING', 'found Billing (exact)'],
      ['  Billing  ', 'found Billing (exact)'],
      ['biling', 'not-found [Billing | Billing Disputes]'],
      ['tech support', 'ambiguous [Tech Support - Hardware | Tech Support - Software]'],
      ['tech support - hardware', 'found Tech Support - Hardware (exact)'],
      ['Tech Support – Hardware', 'found Tech Support - Hardware (exact)'],
      ['Tech  Support\u00a0—\u00a0Hardware', 'found Tech Support - Hardware (exact)'],
      ['tech support hardware', 'found Tech Support - Hardware (exact)'],
      ['tech support h', 'found Tech Support - Hardware (prefix)'],
      ['returns', 'found Returns & Exchanges (prefix)'],
      ['returns &amp; exchanges', 'found Returns & Exchanges (exact)'],
      ['returns and exchanges', 'found Returns & Exchanges (exact)'],
      ['loyalty <gold>', 'found Loyalty <Gold> (exact)'],
      ['loyalty &lt;gold&gt;', 'found Loyalty <Gold> (exact)'],
      ['xyzzy', 'not-found []'],
      ['', 'not-found []'],
      ['   ', 'not-found []'],
      ['1001', 'found Billing (id)'],
      [' 1007 ', 'found Loyalty <Gold> (id)'],
      ['bill', 'ambiguous [Billing | Billing Disputes]'],
      ['billing d', 'found Billing Disputes (prefix)'],
      ['gold', 'found Loyalty <Gold> (substring)'],
      ['hardware', 'found Tech Support - Hardware (substring)'],
      ['support', 'ambiguous [Tech Support - Hardware | Tech Support - Software]'],
      ['tech soft', 'found Tech Support - Software (substring)'],
      ['riage', 'found Bot Triage (substring)'],
      ['ware', 'ambiguous [Tech Support - Hardware | Tech Support - Software]'],
      ['ip', 'not-found [VIP]'],
      ['tech suport', 'not-found [Tech Support - Hardware | Tech Support - Software]'],
      ['saels', 'not-found [Sales]'],
      ['onbaording', 'not-found [Onboarding]'],
      ['disputes billing', 'found Billing Disputes (substring)'],
      ['hardware support', 'found Tech Support - Hardware (substring)'],
      ['support support', 'not-found []'],
    ];
    for (const [query, expected] of table) {
      it(`${JSON.stringify(query)} → ${expected}`, () => {
        assert.equal(show(matchName(query, SKILLS)), expected);
      });
    }
  });

  describe('with the account groups', () => {
    const table: [string, string][] = [
      ['tier 1', 'found Tier 1 (exact)'],
      ['Tier 1 night', 'found Tier 1 Night (exact)'],
      ['tier', 'ambiguous [Tier 1 | Tier 2 | Tier 1 Night]'],
      ['night', 'found Tier 1 Night (substring)'],
      ['teir 1', 'not-found [Tier 1 | Tier 1 Night]'],
      ['bot', 'found Bots (prefix)'],
      ['502', 'found Tier 1 (id)'],
    ];
    for (const [query, expected] of table) {
      it(`${JSON.stringify(query)} → ${expected}`, () => {
        assert.equal(show(matchName(query, GROUPS)), expected);
      });
    }
  });

  it('keeps the query on ambiguous and not-found answers', () => {
    assert.deepEqual(matchName('tech support', SKILLS), {
      kind: 'ambiguous',
      query: 'tech support',
      candidates: [SKILLS[2], SKILLS[3]],
    });
    const miss = matchName('biling', SKILLS);
    assert.equal(miss.kind, 'not-found');
    assert.equal(miss.kind === 'not-found' && miss.query, 'biling');
  });

  it('returns the candidate objects themselves', () => {
    const m = matchName('sales', SKILLS);
    assert.ok(m.kind === 'found' && m.item === SKILLS[1]);
  });

  it('prefers an id over a name that reads the same', () => {
    const items = [
      { id: '7', name: '42' },
      { id: '42', name: 'Answer' },
    ];
    assert.equal(show(matchName('42', items)), 'found Answer (id)');
  });

  it('reports duplicate exact names as ambiguous instead of guessing', () => {
    const items = [
      { id: '1', name: 'Billing' },
      { id: '2', name: 'billing' },
    ];
    const m = matchName('BILLING', items);
    assert.equal(m.kind, 'ambiguous');
    assert.deepEqual(m.kind === 'ambiguous' && m.candidates.map((c) => c.id), ['1', '2']);
  });

  it('prefers the punctuation-exact name over one that only agrees without punctuation', () => {
    const items = [
      { id: '1', name: 'Tier-1' },
      { id: '2', name: 'Tier 1' },
    ];
    assert.equal(show(matchName('tier 1', items)), 'found Tier 1 (exact)');
    assert.equal(show(matchName('tier_1', items)), 'ambiguous [Tier 1 | Tier-1]');
  });

  it('ranks ambiguous prefixes: query on a word boundary first, then the shortest name', () => {
    const items = [
      { id: '1', name: 'Technology Partners' },
      { id: '2', name: 'Tech Desk' },
      { id: '3', name: 'Technical' },
      { id: '4', name: 'Tech Support' },
    ];
    assert.equal(
      show(matchName('tech', items)),
      'ambiguous [Tech Desk | Tech Support | Technical | Technology Partners]',
    );
  });

  it('ranks a word-start substring above a mid-word one', () => {
    const items = [
      { id: '1', name: 'Discarded Orders' },
      { id: '2', name: 'Online Card Help' },
    ];
    assert.equal(show(matchName('card', items)), 'found Online Card Help (substring)');
  });

  it('picks a unique mid-word substring of three letters or more', () => {
    assert.equal(show(matchName('ales', SKILLS)), 'found Sales (substring)');
  });

  it('folds Unicode case and accents', () => {
    const items = [
      { id: '1', name: 'Straße Team' },
      { id: '2', name: 'Atención al Cliente' },
      { id: '3', name: 'ΟΔΥΣΣΕΑΣ' },
    ];
    assert.equal(show(matchName('STRASSE TEAM', items)), 'found Straße Team (exact)');
    assert.equal(show(matchName('atencion al cliente', items)), 'found Atención al Cliente (exact)');
    assert.equal(show(matchName('οδυσσεας', items)), 'found ΟΔΥΣΣΕΑΣ (exact)');
  });

  it('treats curly quotes and straight quotes alike', () => {
    const items = [{ id: '1', name: "Kid's Corner" }];
    assert.equal(show(matchName('kid’s corner', items)), "found Kid's Corner (exact)");
  });

  it('a name with zero-width or bidi characters matches as typed (the grammar drops them)', () => {
    const items = [{ id: '1', name: 'VIP \u202eLTR\u202c zero\u200bwidth\u2066!\u2069' }];
    assert.equal(show(matchName('vip ltr zerowidth!', items)), `found ${items[0]!.name} (exact)`);
  });

  it('matches an all-punctuation query only literally', () => {
    assert.equal(show(matchName('&', SKILLS)), 'found Returns & Exchanges (substring)');
    assert.equal(show(matchName('***', SKILLS)), 'not-found []');
  });

  it('answers not-found for empty candidates', () => {
    assert.equal(show(matchName('billing', [])), 'not-found []');
    assert.equal(show(matchName('', [])), 'not-found []');
  });

  it('caps suggestions at five, best first', () => {
    const items = Array.from({ length: 9 }, (_, i) => ({ id: String(i), name: `Queue ${i}` }));
    items.push({ id: 'q', name: 'Queue' });
    const m = matchName('queeu', items);
    assert.equal(m.kind, 'not-found');
    const names = m.kind === 'not-found' ? m.suggestions.map((s) => s.name) : [];
    assert.equal(names.length, 5);
    assert.equal(names[0], 'Queue');
    assert.equal(matchName('queeu', items, { maxSuggestions: 2 }).kind === 'not-found', true);
    const two = matchName('queeu', items, { maxSuggestions: 2 });
    assert.equal(two.kind === 'not-found' && two.suggestions.length, 2);
    const many = matchName('queeu', items, { maxSuggestions: 50 });
    assert.equal(many.kind === 'not-found' && many.suggestions.length, 5);
  });

  it('never picks a fuzzy match unless asked', () => {
    assert.equal(show(matchName('biling', SKILLS, { acceptFuzzy: true })), 'found Billing (fuzzy)');
    assert.equal(show(matchName('biling', SKILLS)), 'not-found [Billing | Billing Disputes]');
  });

  it('does not pick a fuzzy match that ties, even when asked', () => {
    assert.equal(
      show(matchName('tech suport', SKILLS, { acceptFuzzy: true })),
      'not-found [Tech Support - Hardware | Tech Support - Software]',
    );
  });

  it('handles very long names', () => {
    const long = `${'Escalations '.repeat(30)}Final`;
    const items = [
      { id: '1', name: long },
      { id: '2', name: `${long} Backup` },
      { id: '3', name: 'Billing' },
    ];
    assert.equal(show(matchName(long.toUpperCase(), items)), `found ${long} (exact)`);
    const typo = long.replace('Final', 'Fnal');
    const m = matchName(typo, items);
    assert.equal(m.kind, 'not-found');
    assert.deepEqual(m.kind === 'not-found' && m.suggestions.map((s) => s.id), ['1', '2']);
    assert.equal(show(matchName('x'.repeat(5000), items)), 'not-found []');
  });

  // Its speed is measured by bench/name-match.ts, not asserted here.
  it('suggests the right one and lists them all over a thousand candidates', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: String(2001 + i),
      name: `Campaign ${String(i + 1).padStart(3, '0')}`,
    }));
    const m = matchName('campaing 042', items);
    assert.equal(m.kind === 'not-found' && m.suggestions[0]?.name, 'Campaign 042');
    const all = matchName('campaign', items);
    assert.equal(all.kind === 'ambiguous' && all.candidates.length, 1000);
  });
});

describe('name normalisation', () => {
  it('decodes entities, unifies dashes/quotes/whitespace and folds case', () => {
    assert.equal(normalizeName(' Returns &amp;  Exchanges '), 'returns & exchanges');
    assert.equal(normalizeName('A\u2013B\u2014C\u2212D'), 'a-b-c-d');
    assert.equal(normalizeName('&#65;&#x42;&bogus;'), 'ab&bogus;');
    assert.equal(normalizeName('“Quoted” ‘x’'), '"quoted" \'x\'');
  });

  it('drops punctuation and accents in the loose form', () => {
    assert.equal(looseName(normalizeName('Tech Support - Hardware')), 'tech support hardware');
    assert.equal(looseName(normalizeName('Loyalty <Gold>')), 'loyalty gold');
    assert.equal(looseName(normalizeName('Crème & Brûlée')), 'creme and brulee');
  });

  it('allows more typos for longer queries', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 8, 9, 30].map((n) => fuzzyThreshold(n)),
      [0, 0, 1, 1, 2, 2, 3, 3],
    );
  });
});
