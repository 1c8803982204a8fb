import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summarizeProfile } from '../../bench/ack/profile-summary';

// A hand-made V8 profile starting, as real ones do, far from zero on the monotonic clock: node 2
// runs at START + 1000..3000 µs, node 3 at START + 11000..13000 µs.
const START = 5_000_000_000;
const profile = {
  startTime: START,
  endTime: START + 13_000,
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
    { id: 2, callFrame: { functionName: 'parse', url: 'file:///app/src/grammar/parse.js', lineNumber: 9 } },
    { id: 3, callFrame: { functionName: 'idleWork', url: 'file:///app/node_modules/x/y.js', lineNumber: 0 } },
  ],
  samples: [2, 2, 2, 3, 3, 3],
  timeDeltas: [1000, 1000, 1000, 8000, 1000, 1000],
};

describe('bench: CPU profile summary', function () {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'qp-profile-'));
    file = path.join(dir, 'p.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const totalOf = (rows: string[][]) => rows.at(-1)![0];
  const functions = (rows: string[][]) => rows.slice(1, -1).map((r) => r[2]);

  it('counts every sample when no windows are given', () => {
    const { byFunction, byModule } = summarizeProfile(file, 10);
    assert.equal(totalOf(byFunction), '13');
    assert.deepEqual(functions(byFunction), ['idleWork', 'parse']);
    assert.deepEqual(
      byModule.slice(1, -1).map((r) => r[2]),
      ['x', 'src/grammar'],
    );
  });

  it('keeps only the samples whose timestamps fall inside a burst window', () => {
    const { byFunction } = summarizeProfile(file, 10, [[START + 500, START + 3500]]);
    assert.equal(totalOf(byFunction), '3');
    assert.deepEqual(functions(byFunction), ['parse']);
  });

  it('adds up several windows and ignores the time between them', () => {
    const { byFunction } = summarizeProfile(file, 10, [
      [START + 2500, START + 3000],
      [START + 12_500, START + 13_000],
    ]);
    assert.equal(totalOf(byFunction), '2');
    assert.deepEqual(functions(byFunction).sort(), ['idleWork', 'parse']);
  });
});
