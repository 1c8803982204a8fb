import { strict as assert } from 'node:assert';
import type { KnownBlock } from '@slack/types';
import { createLogger } from '../../src/shared/logger';
import { fitMessage } from '../../src/slack/fit-message';
import { checkView } from '../../src/slack/views/limits';
import { renderProblem } from '../../src/slack/views/problem';

function log() {
  const lines: string[] = [];
  return {
    lines,
    log: createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } }),
  };
}
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('fitting a message that skips the outbox', () => {
  it('passes a message Slack takes through untouched, quietly', () => {
    const l = log();
    const msg = { text: 'ok', blocks: [section('ok')] };
    assert.equal(fitMessage(msg, l.log), msg);
    assert.equal(l.lines.length, 0);
  });

  it('swaps one Slack would refuse for the too-big note, and logs where it broke', () => {
    const l = log();
    const out = fitMessage({ text: 'big', blocks: [section('x'.repeat(3001))] }, l.log);
    assert.deepEqual(out, renderProblem({ kind: 'too-big' }));
    const line = JSON.parse(l.lines[0]!) as { level: string; violations: string };
    assert.equal(line.level, 'error');
    assert.match(line.violations, /blocks\[0\]\.text/);
  });
});

describe('checkView (Home tab, modals)', () => {
  it('allows up to 100 blocks and needs no top-level text', () => {
    assert.deepEqual(checkView({ blocks: Array.from({ length: 100 }, (_, i) => section(`row ${i}`)) }), []);
  });

  it('refuses 101 blocks, an oversized block, or no block list', () => {
    assert.equal(checkView({ blocks: Array.from({ length: 101 }, () => section('r')) }).length, 1);
    assert.match(checkView({ blocks: [section('x'.repeat(3001))] })[0]!.path, /blocks\[0\]/);
    assert.equal(checkView({}).length, 1);
  });
});
