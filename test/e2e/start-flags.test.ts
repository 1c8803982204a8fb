/**
 * `npm start` gives Node a small young generation and a slower-growing old one: the README's
 * peak-RSS figures and every benchmark's bot depend on them (the benchmarks read the flags from
 * package.json through startFlags), so a start script that loses one, or a flag this Node
 * refuses, fails here.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { startFlags } from '../../bench/start-flags';

/** Allocates garbage for a while in a fresh node with `flags`; answers its young generation's MB. */
function youngGenerationMb(flags: string[]): number {
  const script = `
    const v8 = require('node:v8');
    let keep = [];
    for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 5e4) keep = []; }
    const nw = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(nw.physical_space_size / 1048576));`;
  const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return Number(run.stdout);
}

describe('npm start: the Node flags', () => {
  it('reads the flags between node and the script', () => {
    assert.deepEqual(startFlags('node --a=1 --b dist/src/main.js --not-a-node-flag'), ['--a=1', '--b']);
    assert.deepEqual(startFlags('node dist/src/main.js'), []);
  });

  it('refuses a start script that does not run node', () => {
    assert.throws(() => startFlags('tsx src/main.ts'), /does not run node/);
  });

  it("gives both memory flags, and the young generation stays small where Node's default grows it to tens of MB", () => {
    const flags = startFlags();
    for (const flag of ['--max-semi-space-size=', '--heap-growing-percent='])
      assert.ok(
        flags.some((f) => f.startsWith(flag)),
        `${flag} is not among the start flags: ${flags.join(' ')}`,
      );
    const tuned = youngGenerationMb(flags);
    const plain = youngGenerationMb([]);
    assert.ok(tuned <= 8, `young generation with ${flags.join(' ')}: ${tuned} MB`);
    assert.ok(plain > tuned * 2, `default ${plain} MB vs tuned ${tuned} MB`);
  });
});
