import { strict as assert } from 'node:assert';
import { assertWithinLimits, checkMessage, LIMITS, SlackLimitError } from '../../../src/slack/views/limits';

const s = (n: number): string => 'x'.repeat(n);
const text = (t: string, type = 'mrkdwn'): Record<string, string> => ({ type, text: t });
const btn = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'button',
  text: text('Next', 'plain_text'),
  action_id: 'page_next',
  value: '{}',
  ...over,
});

/** The paths of the violations of a message with these blocks (and valid top-level text). */
function problems(blocks: unknown[], top: unknown = 'fallback'): string[] {
  return checkMessage({ text: top, blocks }).map((v) => v.path);
}

describe('slack-limits', () => {
  it('accepts a message within every limit', () => {
    const msg = {
      text: 'ok',
      blocks: [
        { type: 'header', text: text(s(150), 'plain_text') },
        { type: 'section', text: text(s(2000)), fields: Array.from({ length: 10 }, () => text(s(100))) },
        {
          type: 'actions',
          block_id: 'a',
          elements: Array.from({ length: 25 }, (_, i) =>
            btn({ action_id: `b${i}`, text: text(s(75), 'plain_text') }),
          ),
        },
        { type: 'context', elements: Array.from({ length: 10 }, () => text('c')) },
        { type: 'image', image_url: `https://x/${s(2990)}`, alt_text: s(500) },
        { type: 'image', slack_file: { id: 'F1' }, alt_text: 'chart', title: text('t', 'plain_text') },
      ],
    };
    assert.deepEqual(checkMessage(msg), []);
    assert.doesNotThrow(() => assertWithinLimits(msg));
  });

  it('requires top-level text and keeps it within 4000', () => {
    assert.deepEqual(
      checkMessage({ blocks: [] }).map((v) => v.path),
      ['text'],
    );
    assert.deepEqual(problems([], '  '), ['text']);
    assert.deepEqual(problems([], s(4000)), []);
    assert.deepEqual(problems([], s(4001)), ['text']);
  });

  it('allows at most 50 blocks', () => {
    const block = { type: 'divider' };
    assert.deepEqual(problems(Array(50).fill(block)), []);
    assert.deepEqual(problems(Array(51).fill(block)), ['blocks']);
  });

  it('checks section text (3000), fields (10, each 2000) and empty text', () => {
    assert.deepEqual(problems([{ type: 'section', text: text(s(3000)) }]), []);
    assert.deepEqual(problems([{ type: 'section', text: text(s(3001)) }]), ['blocks[0].text.text']);
    assert.deepEqual(problems([{ type: 'section', fields: Array(11).fill(text('f')) }]), [
      'blocks[0].fields',
    ]);
    assert.deepEqual(problems([{ type: 'section', fields: [text(s(2001))] }]), ['blocks[0].fields[0].text']);
    assert.deepEqual(problems([{ type: 'section', text: text('') }]), ['blocks[0].text.text']);
    assert.deepEqual(problems([{ type: 'section' }]), ['blocks[0]']);
  });

  it('checks header length (150) and type (plain_text)', () => {
    assert.deepEqual(problems([{ type: 'header', text: text(s(151), 'plain_text') }]), [
      'blocks[0].text.text',
    ]);
    assert.deepEqual(problems([{ type: 'header', text: text('h') }]), ['blocks[0].text.type']);
  });

  it('checks actions (25 elements) and buttons (text 75, value 2000, url 3000)', () => {
    const many = Array.from({ length: 26 }, (_, i) => btn({ action_id: `b${i}` }));
    assert.deepEqual(problems([{ type: 'actions', elements: many }]), ['blocks[0].elements']);
    assert.deepEqual(problems([{ type: 'actions', elements: [btn({ text: text(s(76), 'plain_text') })] }]), [
      'blocks[0].elements[0].text.text',
    ]);
    assert.deepEqual(problems([{ type: 'actions', elements: [btn({ value: s(2001) })] }]), [
      'blocks[0].elements[0].value',
    ]);
    assert.deepEqual(problems([{ type: 'actions', elements: [btn({ url: s(3001) })] }]), [
      'blocks[0].elements[0].url',
    ]);
    assert.deepEqual(problems([{ type: 'actions', elements: [btn({ action_id: s(256) })] }]), [
      'blocks[0].elements[0].action_id',
    ]);
    assert.deepEqual(problems([{ type: 'actions', elements: [] }]), ['blocks[0].elements']);
  });

  it('wants action_id unique within a block, block_id unique in the message and ≤ 255', () => {
    assert.deepEqual(problems([{ type: 'actions', elements: [btn(), btn()] }]), [
      'blocks[0].elements[1].action_id',
    ]);
    assert.deepEqual(
      problems([
        { type: 'actions', elements: [btn()] },
        { type: 'actions', elements: [btn()] },
      ]),
      [],
    );
    assert.deepEqual(
      problems([
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ]),
      ['blocks[1].block_id'],
    );
    assert.deepEqual(problems([{ type: 'divider', block_id: s(256) }]), ['blocks[0].block_id']);
  });

  it('checks context (10 elements)', () => {
    assert.deepEqual(problems([{ type: 'context', elements: Array(11).fill(text('c')) }]), [
      'blocks[0].elements',
    ]);
  });

  it('checks images: url 3000, alt 2000 and required, exactly one source', () => {
    assert.deepEqual(problems([{ type: 'image', image_url: s(3001), alt_text: 'a' }]), [
      'blocks[0].image_url',
    ]);
    assert.deepEqual(problems([{ type: 'image', image_url: 'u', alt_text: s(2001) }]), [
      'blocks[0].alt_text',
    ]);
    assert.deepEqual(problems([{ type: 'image', image_url: 'u' }]), ['blocks[0].alt_text']);
    assert.deepEqual(problems([{ type: 'image', alt_text: 'a' }]), ['blocks[0]']);
    assert.deepEqual(problems([{ type: 'image', image_url: 'u', slack_file: { id: 'F' }, alt_text: 'a' }]), [
      'blocks[0]',
    ]);
    assert.deepEqual(
      problems([{ type: 'context', elements: [{ type: 'image', image_url: s(3001), alt_text: 'a' }] }]),
      ['blocks[0].elements[0].image_url'],
    );
  });

  it('checks static_select options (100, text 75, value 75) and overflow (5)', () => {
    const opt = (t = 'o', v = 'v'): unknown => ({ text: text(t, 'plain_text'), value: v });
    const select = (options: unknown[]): unknown[] => [
      { type: 'actions', elements: [{ type: 'static_select', action_id: 's', options }] },
    ];
    assert.deepEqual(problems(select(Array(100).fill(opt()))), []);
    assert.deepEqual(problems(select(Array(101).fill(opt()))), ['blocks[0].elements[0].options']);
    assert.deepEqual(problems(select([opt(s(76))])), ['blocks[0].elements[0].options[0].text.text']);
    assert.deepEqual(problems(select([opt('o', s(76))])), ['blocks[0].elements[0].options[0].value']);
    // Slack takes only plain text in a select's or an overflow's options.
    const mrkdwnOption = { text: text('*o*', 'mrkdwn'), value: 'v' };
    assert.deepEqual(problems(select([mrkdwnOption])), ['blocks[0].elements[0].options[0].text.type']);
    const grouped = [
      {
        type: 'section',
        text: text('t'),
        accessory: {
          type: 'static_select',
          action_id: 's',
          option_groups: [{ options: Array(60).fill(opt()) }, { options: Array(41).fill(opt()) }],
        },
      },
    ];
    assert.deepEqual(problems(grouped), ['blocks[0].accessory.options']);
    const overflow = (n: number): unknown[] => [
      {
        type: 'section',
        text: text('t'),
        accessory: { type: 'overflow', action_id: 'o', options: Array(n).fill(opt()) },
      },
    ];
    assert.deepEqual(problems(overflow(5)), []);
    assert.deepEqual(problems(overflow(6)), ['blocks[0].accessory.options']);
    const radio = [
      { type: 'actions', elements: [{ type: 'radio_buttons', action_id: 'r', options: [mrkdwnOption] }] },
    ];
    assert.deepEqual(problems(radio), [], 'radio buttons may be mrkdwn');
  });

  it('checks a text input: lengths 0/1 to 3000, its prefill within max_length, placeholders 150', () => {
    const inputBlock = (element: Record<string, unknown>): unknown[] => [
      {
        type: 'input',
        label: text('Names', 'plain_text'),
        element: { type: 'plain_text_input', ...element },
      },
    ];
    const placeholder = (n: number) => text(s(n), 'plain_text');
    assert.deepEqual(
      problems(
        inputBlock({
          max_length: 3000,
          min_length: 0,
          initial_value: s(3000),
          placeholder: placeholder(150),
        }),
      ),
      [],
    );
    assert.deepEqual(problems(inputBlock({ max_length: 3001 })), ['blocks[0].element.max_length']);
    assert.deepEqual(problems(inputBlock({ max_length: 0 })), ['blocks[0].element.max_length']);
    assert.deepEqual(problems(inputBlock({ min_length: -1 })), ['blocks[0].element.min_length']);
    assert.deepEqual(problems(inputBlock({ max_length: 500, initial_value: s(501) })), [
      'blocks[0].element.initial_value',
    ]);
    assert.deepEqual(problems(inputBlock({ initial_value: s(3001) })), ['blocks[0].element.initial_value']);
    assert.deepEqual(problems(inputBlock({ min_length: 10, max_length: 5 })), [
      'blocks[0].element.min_length',
    ]);
    // An invalid max_length does not stretch what the prefill may hold.
    assert.deepEqual(problems(inputBlock({ max_length: 5000, initial_value: s(3001) })), [
      'blocks[0].element.max_length',
      'blocks[0].element.initial_value',
    ]);
    assert.deepEqual(problems(inputBlock({ placeholder: placeholder(151) })), [
      'blocks[0].element.placeholder.text',
    ]);
    // Any element's placeholder: a select's too.
    const select = [
      {
        type: 'actions',
        elements: [{ type: 'static_select', action_id: 's', placeholder: placeholder(151), options: [] }],
      },
    ];
    assert.deepEqual(problems(select), ['blocks[0].elements[0].placeholder.text']);
  });

  it('keeps the blocks inside the total-size budget', () => {
    const section = { type: 'section', text: text(s(2900)) };
    assert.deepEqual(problems(Array(4).fill(section)), []);
    assert.deepEqual(problems(Array(5).fill(section)), ['blocks']);
    assert.ok(LIMITS.blocksJson >= 12_000);
  });

  it('assertWithinLimits throws a SlackLimitError naming every violation', () => {
    try {
      assertWithinLimits({ text: '', blocks: [{ type: 'header', text: text(s(151), 'plain_text') }] });
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof SlackLimitError);
      assert.equal(e.violations.length, 2);
      assert.match(e.message, /blocks\[0\]\.text\.text/);
    }
  });
});
