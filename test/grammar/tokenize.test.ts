import { strict as assert } from 'node:assert';
import {
  keyOf,
  parseEntity,
  sanitize,
  tokenize,
  unescapeSlack,
  type Token,
} from '../../src/grammar/tokenize';

function tokens(text: string): Token[] {
  const r = tokenize(text);
  assert.ok(r.ok, `expected ${JSON.stringify(text)} to tokenize`);
  return r.tokens;
}
const texts = (text: string) =>
  tokens(text).map((t) => (t.type === 'entity' ? `<${t.entity.type}>` : t.text));

describe('tokenize', () => {
  it('unescapes Slack’s &amp; &lt; &gt; in one pass', () => {
    assert.equal(unescapeSlack('Returns &amp; Exchanges'), 'Returns & Exchanges');
    assert.equal(unescapeSlack('Loyalty &lt;Gold&gt;'), 'Loyalty <Gold>');
    // The user typed "&lt;" literally: Slack sent "&amp;lt;".
    assert.equal(unescapeSlack('&amp;lt;'), '&lt;');
    assert.equal(unescapeSlack('&quot; &nbsp;'), '&quot; &nbsp;');
  });

  it('splits on any whitespace and keeps words as typed, with a comparable key', () => {
    assert.deepEqual(tokens('Skill\tBilling\n last'), [
      { type: 'word', text: 'Skill', key: 'skill' },
      { type: 'word', text: 'Billing', key: 'billing' },
      { type: 'word', text: 'last', key: 'last' },
    ]);
    assert.equal(keyOf('ＳＫＩＬＬＳ,'), 'skills');
  });

  it('reads Slack entities with and without labels', () => {
    assert.deepEqual(tokens('<#C123|support-leads> <@U456> <!here> <https://x.test/a?b=1&amp;c=2|docs>'), [
      { type: 'entity', entity: { type: 'channel', target: 'C123', label: 'support-leads' } },
      { type: 'entity', entity: { type: 'user', target: 'U456' } },
      { type: 'entity', entity: { type: 'special', target: 'here' } },
      { type: 'entity', entity: { type: 'link', target: 'https://x.test/a?b=1&c=2', label: 'docs' } },
    ]);
    assert.deepEqual(parseEntity('!subteam^S1|@leads'), {
      type: 'special',
      target: 'subteam^S1',
      label: '@leads',
    });
  });

  it('separates an entity glued to a word, and keeps a lone < as text', () => {
    assert.deepEqual(texts('skill<@U1>'), ['skill', '<user>']);
    assert.deepEqual(texts('a < b'), ['a', '<', 'b']);
  });

  it('groups quoted names: straight, smart, German and guillemets', () => {
    for (const q of [
      '"Tech Support - Hardware"',
      "'Tech Support - Hardware'",
      '“Tech Support - Hardware”',
      '‘Tech Support - Hardware’',
      '„Tech Support - Hardware“',
      '«Tech Support - Hardware»',
      '"Tech Support - Hardware”',
    ]) {
      assert.deepEqual(texts(`skill ${q} last 4h`), ['skill', 'Tech Support - Hardware', 'last', '4h'], q);
    }
  });

  it('keeps apostrophes inside words and inside quotes', () => {
    assert.deepEqual(texts("skill Lee's team"), ['skill', "Lee's", 'team']);
    assert.deepEqual(texts("skill 'Lee's team' today"), ['skill', "Lee's team", 'today']);
    assert.deepEqual(texts('skill ‘Lee’s team’, today'), ['skill', 'Lee’s team', 'today']);
  });

  it('unescapes quoted names and notices an entity inside quotes', () => {
    assert.deepEqual(tokens('"Returns &amp; Exchanges"'), [{ type: 'quoted', text: 'Returns & Exchanges' }]);
    assert.deepEqual(tokens('"<@U1|lee>"'), [
      { type: 'quoted', text: '<@U1|lee>', entity: { type: 'user', target: 'U1', label: 'lee' } },
    ]);
  });

  it('refuses an unterminated quote, naming the quote', () => {
    for (const text of ['skill "billing', 'skill “billing', "skill 'billing", 'skill "billing"x']) {
      const r = tokenize(text);
      assert.equal(r.ok, false, text);
      if (!r.ok) assert.equal(r.quote, text.charAt(6));
    }
  });

  it('turns control characters into spaces and drops invisible ones', () => {
    assert.equal(sanitize('skill\u0000billing\u0007x\u009f'), 'skill billing x ');
    assert.equal(sanitize('sk\u200bill\ufeff \u202ebilling'), 'skill billing');
    assert.equal(sanitize('a\tb\nc'), 'a\tb\nc');
  });
});
