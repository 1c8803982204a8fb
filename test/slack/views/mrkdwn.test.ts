import { strict as assert } from 'node:assert';
import { codeSpan, escapeMrkdwn, safeText, truncate } from '../../../src/slack/views/mrkdwn';

describe('mrkdwn', () => {
  describe('escapeMrkdwn', () => {
    it('escapes exactly & < >', () => {
      assert.equal(escapeMrkdwn('Returns & Exchanges'), 'Returns &amp; Exchanges');
      assert.equal(escapeMrkdwn('Loyalty <Gold>'), 'Loyalty &lt;Gold&gt;');
      assert.equal(escapeMrkdwn('<!channel>'), '&lt;!channel&gt;');
      assert.equal(escapeMrkdwn('*bold* _it_ `code` "q" \'a\''), '*bold* _it_ `code` "q" \'a\'');
    });

    it('escapes an existing entity again (input is text, not mrkdwn)', () => {
      assert.equal(escapeMrkdwn('&amp;'), '&amp;amp;');
    });
  });

  describe('truncate', () => {
    it('keeps short strings as they are', () => {
      assert.equal(truncate('Billing', 7), 'Billing');
      assert.equal(truncate('', 3), '');
    });

    it('cuts to max characters including the ellipsis', () => {
      const out = truncate('Tech Support - Hardware', 10);
      assert.equal(out, 'Tech Supp…');
      assert.equal(out.length, 10);
    });

    it('never cuts an entity in half', () => {
      const escaped = escapeMrkdwn('ab&cd');
      // "ab&amp;cd": a cut at 5 would leave "ab&a" + "…".
      for (let max = 1; max < escaped.length; max++) {
        const out = truncate(escaped, max);
        assert.ok(out.length <= max, `${out} longer than ${max}`);
        assert.ok(!/&[a-z]*…$/.test(out), `half entity in ${out}`);
      }
      assert.equal(truncate(escaped, 5), 'ab…');
      assert.equal(truncate(escaped, 8), 'ab&amp;…');
    });

    it('handles runs of entities', () => {
      const escaped = escapeMrkdwn('<<<<<<<<<<');
      for (let max = 1; max < escaped.length; max++) {
        const out = truncate(escaped, max);
        assert.match(out, /^(&lt;)*…$/);
      }
    });

    it('does not split a surrogate pair', () => {
      const out = truncate('ab😀cd', 4);
      assert.equal(out, 'ab…');
    });

    it('returns empty text for a non-positive max', () => {
      assert.equal(truncate('abc', 0), '');
    });
  });

  it('safeText escapes before cutting, so the cut respects entities', () => {
    assert.equal(safeText('A & B & C', 8), 'A &amp;…');
    assert.equal(safeText('A & B & C', 7), 'A …');
  });

  it('codeSpan turns backticks into quotes so the span cannot be closed early', () => {
    assert.equal(codeSpan('a`b'), "`a'b`");
  });
});
