/**
 * Issue #7 end to end: at the daily peak the headline tells a lead to act on the understaffed
 * skill and not on a healthy one; at a quiet hour nothing is red. Real Bolt, real simulator.
 */
import { strict as assert } from 'node:assert';
import { startHarness, texts, type Harness } from './harness';

const PEAK = Date.UTC(2026, 10, 25, 11, 17, 0);
const QUIET = Date.UTC(2026, 10, 25, 3, 0, 0);

function headlineOf(message: Record<string, unknown>): string {
  // The headline block's text, which the notification text starts with.
  const line = texts(message).find((t) => t.length > 0 && String(message.text).startsWith(t));
  assert.ok(line, `no headline block leads the text: ${String(message.text).slice(0, 200)}`);
  return line;
}

/** Every field text of the message's sections. */
function fieldTexts(message: Record<string, unknown>): string[] {
  const blocks = (message.blocks ?? []) as { type: string; fields?: { text: string }[] }[];
  return blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : []));
}

async function ask(h: Harness, text: string): Promise<Record<string, unknown>> {
  const r = await h.command(text);
  const posts = await h.responses(r.responseId);
  return posts[posts.length - 1]!.body;
}

describe('e2e: a headline a lead can act on', function () {
  this.timeout(60_000);

  it('at the peak: Billing is red with its wait against the target and no free human slots; Sales is not', async () => {
    const h = await startHarness({ now: PEAK });
    try {
      const billing = headlineOf(await ask(h, 'skill billing'));
      assert.match(billing, /^:red_circle: \d+ waiting, p90 wait \S+( \S+)? \(target 2m\)/);
      assert.match(billing, /no free human slots/);
      const sales = headlineOf(await ask(h, 'skill sales'));
      assert.match(sales, /^:large_green_circle: Nobody waiting, \d+ free human slots?/);
      const ranking = await ask(h, 'skills by wait');
      assert.match(
        headlineOf(ranking),
        /^:(red_circle|large_yellow_circle): \d+ of \d+ skills past target on queue wait · worst: \*/,
      );
    } finally {
      await h.close();
    }
  });

  it('at a quiet hour: a staffed skill is green, and no mark anywhere is red for missing data', async () => {
    const h = await startHarness({ now: QUIET });
    try {
      const billing = await ask(h, 'skill billing');
      assert.match(headlineOf(billing), /^:large_green_circle: Nobody waiting/);
      // Field by field: the mark sits on the label line, the value ("—") on the next one.
      const fields = fieldTexts(billing);
      assert.ok(fields.length >= 10, `fields: ${fields.length}`);
      for (const f of fields) {
        const value = f.split('\n')[1] ?? '';
        if (/^(—|no answers)/.test(value)) assert.ok(!/:(red|large_yellow|large_green)_circle:/.test(f), f);
      }
      const group = await ask(h, 'group "Tier 1"');
      assert.ok(!texts(group).join('\n').includes('Queue now'), 'a group has no queue block');
    } finally {
      await h.close();
    }
  });
});
