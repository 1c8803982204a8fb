import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMOJI, MARK_COLOURS } from '../../src/sandbox/emoji';

/** Every `:name:` the bot's views write has a glyph on the sandbox page, so none shows as text. */
describe('sandbox emoji map', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  it('covers every shortcode in src/slack/views (where all user-facing copy lives)', () => {
    const used = new Set<string>();
    for (const f of files('src/slack/views')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/:([a-z][a-z0-9_+-]*):/g)) used.add(m[1]!);
    }
    assert.ok(used.has('large_green_circle') && used.has('point_down'), 'the scan finds the views');
    const missing = [...used].filter((n) => !EMOJI[n]);
    assert.deepEqual(missing, []);
  });

  it('draws every status circle as a coloured dot', () => {
    for (const name of Object.keys(EMOJI).filter((n) => n.endsWith('_circle')))
      assert.ok(MARK_COLOURS[name], name);
  });
});
