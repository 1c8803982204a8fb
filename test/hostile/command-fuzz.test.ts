/**
 * Hostile input, generated: 10,000 command strings (random unicode, control characters, a
 * 20,000-character line, unbalanced quotes, mrkdwn specials, `<!channel>`, `<@U…>`, URLs, digest
 * forms), each as typed and as Slack escapes it. The parser never throws, and the answer /queue
 * gives inside its ack (help, a usage message, the "Fetching…" placeholder) passes Slack's limits
 * and carries nothing unescaped: no ping, no link, no markup it did not make itself.
 */
import { strict as assert } from 'node:assert';
import { isDigestCommand } from '../../src/domain/digest-command';
import type { ParsedCommand } from '../../src/domain/query';
import { parseCommand } from '../../src/grammar/parser';
import { renderFetching, renderHelp, renderUsage, type SlackMessage } from '../../src/slack/views';
import { renderDigestUsage } from '../../src/slack/views/digest-notes';
import { checkMessage } from '../../src/slack/views/limits';
import { rngFrom } from '../../src/simulator/random';
import { assertNoRawMarkup } from './safety';

const PIECES = [
  'skill',
  'group',
  'skills',
  'groups',
  'by',
  'wait',
  'load',
  'top',
  '5',
  '0',
  '-3',
  '999999',
  'last',
  '4h',
  '30m',
  '25h',
  'since',
  '08:00',
  '25:99',
  'today',
  'yesterday',
  'humans',
  'bots',
  'public',
  'vs',
  'last week',
  'digest',
  'add',
  'list',
  'remove',
  'edit',
  'weekdays',
  'mon,wed,fri',
  '17:00',
  '5pm',
  'Europe/Berlin',
  'EST',
  'window',
  '8h',
  'chart',
  'off',
  'billing',
  '"Tier 1"',
  '"unclosed',
  "'single",
  '“curly”',
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<@U0123ABC>',
  '<#C0123|general>',
  '<https://evil.example|click>',
  'https://evil.example/x?a=<b>',
  '*bold*',
  '_it_',
  '~s~',
  '`code`',
  '```block```',
  '&amp;',
  '&lt;b&gt;',
  '<b>',
  '&',
  '<',
  '>',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u200b',
  '\u202e',
  '\ud83d\ude00',
  '\ud800',
  'Ω≈ç√',
  'ﷺ',
  '𝔘𝔫𝔦',
  '\t',
  '\n',
  '\r\n',
  '\\',
  '%00',
  '${x}',
  '{{x}}',
  'DROP TABLE;',
  '__proto__',
  'constructor',
];

function randomString(next: () => number): string {
  const kind = next();
  if (kind < 0.05) {
    // Random code points, including lone surrogates and controls.
    return Array.from({ length: 1 + Math.floor(next() * 80) }, () =>
      String.fromCharCode(Math.floor(next() * 0xffff)),
    ).join('');
  }
  const words = Array.from(
    { length: 1 + Math.floor(next() * 12) },
    () => PIECES[Math.floor(next() * PIECES.length)]!,
  );
  return words.join(next() < 0.8 ? ' ' : '');
}

/** What Slack does to command text before the bot sees it (should_escape). */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The answer /queue gives inside its ack for a parsed command (what a user sees first). */
function ackAnswer(parsed: ParsedCommand): SlackMessage | undefined {
  if (parsed.kind === 'help') return renderHelp();
  if (parsed.kind === 'usage')
    return parsed.topic === 'digest' ? renderDigestUsage(parsed) : renderUsage(parsed);
  if (isDigestCommand(parsed)) return undefined; // answered after name lookups, by its own views
  return renderFetching(parsed);
}

function assertSafe(message: SlackMessage, input: string): void {
  assert.deepEqual(checkMessage(message), [], `limits for ${JSON.stringify(input.slice(0, 80))}`);
  assertNoRawMarkup(JSON.stringify(message), JSON.stringify(input.slice(0, 80)));
}

describe('hostile command text (10,000 generated strings)', function () {
  this.timeout(60_000);
  it('never throws, and every ack answer is within limits with nothing unescaped', () => {
    // Seeded: the same 10,000 strings on every run, so a failure can be replayed.
    const next = rngFrom(20261202);
    const inputs = [
      'x'.repeat(20_000),
      `skill ${'"'.repeat(5_001)}`,
      ...Array.from({ length: 10_000 }, () => randomString(next)),
    ];
    const kinds = new Map<string, number>();
    for (const input of inputs) {
      for (const text of [input, slackEscape(input)]) {
        let parsed: ParsedCommand;
        try {
          parsed = parseCommand(text);
        } catch (err) {
          assert.fail(
            `parseCommand threw on ${JSON.stringify(text.slice(0, 80))}: ${(err as Error).message}`,
          );
        }
        kinds.set(parsed.kind, (kinds.get(parsed.kind) ?? 0) + 1);
        const answer = ackAnswer(parsed);
        if (answer) assertSafe(answer, text);
      }
    }
    // The generator reaches the interesting paths, not only usage errors.
    for (const kind of ['usage', 'help', 'skill', 'ranking', 'overview'])
      assert.ok((kinds.get(kind) ?? 0) > 0, `no ${kind} among ${JSON.stringify([...kinds])}`);
  });
});
