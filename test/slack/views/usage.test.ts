import { strict as assert } from 'node:assert';
import { checkMessage } from '../../../src/slack/views/limits';
import { USAGE_EXAMPLES } from '../../../src/slack/views/help';
import { renderHelp, renderUsage } from '../../../src/slack/views/usage';
import { allText, headerText } from '../../fixtures/reports';

describe('renderUsage', () => {
  it('says why, echoes the input escaped in a code span, and shows examples', () => {
    const m = renderUsage({
      kind: 'usage',
      message: "I don't know the time word 'fortnight'.",
      input: 'skill billing last fortnight <!here>',
    });
    assert.equal(
      m.text,
      ":thinking_face: I couldn't read `skill billing last fortnight &lt;!here&gt;`: I don't know the time word 'fortnight'.",
    );
    const text = allText(m.blocks);
    assert.ok(!text.includes('<!here>'));
    for (const e of USAGE_EXAMPLES) assert.ok(text.includes(`\`${e.command}\``), e.command);
    assert.equal(m.response_type, 'ephemeral');
    assert.deepEqual(checkMessage(m), []);
  });

  it("takes the grammar's own examples when given", () => {
    const m = renderUsage({ kind: 'usage', message: 'Unknown word.', input: 'x' }, [
      { command: '/queue agents', meaning: 'agents & <loads>' },
    ]);
    assert.ok(allText(m.blocks).includes('• `/queue agents` — agents &amp; &lt;loads&gt;'));
    assert.ok(!allText(m.blocks).includes(USAGE_EXAMPLES[1]!.command));
  });

  it('keeps backticks in the input from closing the code span', () => {
    const m = renderUsage({ kind: 'usage', message: 'No.', input: 'a`b' });
    assert.ok(m.text.includes("`a'b`"));
  });

  it('stays within limits for a very long input', () => {
    const m = renderUsage({ kind: 'usage', message: 'm'.repeat(5000), input: '<&>'.repeat(3000) });
    assert.deepEqual(checkMessage(m), []);
  });
});

describe('renderHelp', () => {
  it('explains the command with examples and the ranking metrics', () => {
    const m = renderHelp();
    assert.equal(headerText(m.blocks), '/queue — contact-center metrics in Slack');
    const text = allText(m.blocks);
    assert.ok(text.includes('`queue`, `wait`, `load`, `closed`, `response`, `csat`, `overdue`'));
    for (const e of USAGE_EXAMPLES) assert.ok(text.includes(`\`${e.command}\``), e.command);
    assert.ok(text.includes('`public`'));
    assert.deepEqual(checkMessage(m), []);
  });
});
