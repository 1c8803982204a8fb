import { strict as assert } from 'node:assert';
import { joinNames, splitNames } from '../../../src/slack/digests/name-list';
import { rngFrom } from '../../../src/simulator/random';

describe('digest form: the list of names', () => {
  it('splits on commas, semicolons and new lines, trims, drops repeats case-insensitively', () => {
    assert.deepEqual(splitNames(' billing, Sales,,billing\nTier 1 ;VIP '), [
      'billing',
      'Sales',
      'Tier 1',
      'VIP',
    ]);
    assert.deepEqual(splitNames(''), []);
    assert.deepEqual(splitNames(' , ;\n '), []);
  });

  it('a quoted name keeps its comma, in straight or typographic quotes', () => {
    assert.deepEqual(splitNames('"Billing, EMEA", Sales'), ['Billing, EMEA', 'Sales']);
    assert.deepEqual(splitNames('Sales; “Tier 1; night” ;VIP'), ['Sales', 'Tier 1; night', 'VIP']);
    assert.deepEqual(splitNames('«Care, VIP»\nSales'), ['Care, VIP', 'Sales']);
  });

  it('a quote that does not wrap a whole name is read as typed', () => {
    // Unclosed: the quote is part of the name, and the comma still separates.
    assert.deepEqual(splitNames('"Billing, Sales'), ['"Billing', 'Sales']);
    // Text after the closing quote: the quotes belong to the name.
    assert.deepEqual(splitNames('"Tier 1" EMEA, Sales'), ['"Tier 1" EMEA', 'Sales']);
    // An apostrophe inside a name is no quote.
    assert.deepEqual(splitNames("Lee's team, Sales"), ["Lee's team", 'Sales']);
  });

  it('writes names the form reads back as the same names', () => {
    assert.equal(joinNames(['Billing', 'Sales']), 'Billing, Sales');
    assert.equal(joinNames(['Billing, EMEA', 'Sales']), '"Billing, EMEA", Sales');
    // “ may be closed by a straight quote too (smart-quote substitution), so « » it is.
    assert.equal(joinNames(['Say "hi", then']), '«Say "hi", then»');
    assert.equal(joinNames(['"Quoted"']), '«"Quoted"»');
    assert.equal(joinNames(['«a», "b"']), '「«a», "b"」');
  });

  it('round trip: 2,000 random lists of awkward names read back unchanged', () => {
    const rng = rngFrom(20261203);
    // Without 」 every name can be quoted one way or another (one holding every closer cannot).
    const alphabet = ['a', 'B', ' ', ',', ';', '"', '“', '”', "'", '«', '»', 'é', '1', '-', '&', '<'];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    for (let run = 0; run < 2000; run++) {
      const names: string[] = [];
      const count = 1 + Math.floor(rng() * 10);
      while (names.length < count) {
        const length = 1 + Math.floor(rng() * 12);
        const name = Array.from({ length }, () => pick(alphabet))
          .join('')
          .trim();
        if (name === '' || names.some((n) => n.toLowerCase() === name.toLowerCase())) continue;
        names.push(name);
      }
      assert.deepEqual(splitNames(joinNames(names)), names, JSON.stringify(names));
    }
  });
});
