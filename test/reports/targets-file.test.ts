import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import { DEFAULT_TARGETS, thresholdsForSkill } from '../../src/domain/targets';
import { loadTargets, parseTargets } from '../../src/reports/targets-file';

function problems(text: string): string[] {
  try {
    parseTargets(text);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  assert.fail('accepted');
}

describe('targets file', () => {
  it('reads account and skill targets in a lead’s words; the rest keep their defaults', () => {
    const t = parseTargets(
      JSON.stringify({
        account: {
          queueWait: { target: '90s', critical: '4m' },
          humanLoad: { target: '80%', critical: '90%' },
          csat: { target: '85%', critical: '75%' },
          waitingWithNoFreeSlots: 'warn',
        },
        skills: {
          VIP: { queueWait: { target: 30, critical: '1m' } },
          '1005': { overdue: { target: 2, critical: 10 } },
        },
      }),
    );
    assert.deepEqual(t.account.byMetric.queueWaitP90, { worse: 'higher', warn: 90_000, critical: 240_000 });
    assert.deepEqual(t.account.byMetric.humanLoad, { worse: 'higher', warn: 0.8, critical: 0.9 });
    assert.deepEqual(t.account.byMetric.csat, { worse: 'lower', warn: 0.85, critical: 0.75 });
    assert.deepEqual(t.account.byMetric.avgWait, DEFAULT_TARGETS.account.byMetric.avgWait);
    assert.equal(t.account.waitingWithNoSlots, 'warn');
    assert.equal(thresholdsForSkill(t, { id: '1006', name: 'vip' }).byMetric.queueWaitP90?.warn, 30_000);
    assert.equal(
      thresholdsForSkill(t, { id: '1005', name: 'Returns' }).byMetric.overdueInQueue?.critical,
      10,
    );
  });

  it('names the problems, with where each is and what to write (unknown keys first, then every limit)', () => {
    const found = problems(
      JSON.stringify({
        account: { queueWait: { target: 'soon', critical: '5m' }, csat: { target: '70%', critical: '80%' } },
        skills: { Sales: { loadd: { target: 1, critical: 2 } } },
      }),
    );
    assert.equal(found.length, 1, found.join('\n')); // unknown keys are refused before limits are read
    assert.match(found[0]!, /skills\.Sales: unknown key loadd \(targets: queueWait, /);
    const limits = problems(
      JSON.stringify({
        account: { queueWait: { target: 'soon', critical: '5m' }, csat: { target: '70%', critical: '80%' } },
      }),
    );
    assert.deepEqual(limits, [
      'TARGETS_FILE account.queueWait: target and critical must each be a duration such as "90s", "2m" or "1m30s".',
      'TARGETS_FILE account.csat: critical must be at or below the target.',
    ]);
  });

  it('refuses CSAT over 100%, an overdue target of 0, a skill named twice, and a "__proto__" skill', () => {
    assert.deepEqual(
      problems(
        JSON.stringify({
          account: { csat: { target: '150%', critical: '70%' }, overdue: { target: 0, critical: 3 } },
          skills: { Billing: {}, ' billing ': {} },
        }),
      ),
      [
        'TARGETS_FILE account.overdue: target and critical must each be a whole number, 1 or more.',
        'TARGETS_FILE account.csat: target and critical must each be a percentage from 0% to 100%.',
        'TARGETS_FILE skills. billing : the same skill is named twice (names match in any case).',
      ],
    );
    assert.deepEqual(problems('{"skills":{"__proto__":{}}}'), [
      'TARGETS_FILE skills: "__proto__" cannot name a skill.',
    ]);
  });

  it("a skill's limits by name and by id both apply, the id's winning", () => {
    const t = parseTargets(
      JSON.stringify({
        skills: {
          VIP: { queueWait: { target: '30s', critical: '1m' }, avgWait: { target: '20s', critical: '40s' } },
          '1006': { queueWait: { target: '45s', critical: '90s' } },
        },
      }),
    );
    const vip = thresholdsForSkill(t, { id: '1006', name: 'VIP' }).byMetric;
    assert.equal(vip.queueWaitP90?.warn, 45_000);
    assert.equal(vip.avgWait?.warn, 20_000);
  });

  it('refuses a file that is not JSON, or that cannot be read, in one line', async () => {
    assert.match(problems('{ nope')[0]!, /^TARGETS_FILE is not valid JSON/);
    await assert.rejects(loadTargets('/nonexistent/targets.json'), (e: ConfigError) =>
      /TARGETS_FILE '\/nonexistent\/targets.json' cannot be read \(ENOENT\)/.test(e.message),
    );
  });

  it('is optional: no file, the defaults', async () => {
    assert.equal(await loadTargets(undefined), DEFAULT_TARGETS);
    const dir = mkdtempSync(join(tmpdir(), 'qp-targets-'));
    const file = join(dir, 'targets.json');
    writeFileSync(file, '{"skills":{"Billing":{"avgWait":{"target":"45s","critical":"2m"}}}}');
    const t = await loadTargets(file);
    assert.equal(thresholdsForSkill(t, { id: '1', name: 'Billing' }).byMetric.avgWait?.warn, 45_000);
  });
});

describe('targets.example.json', () => {
  it('is a valid targets file that says what the README says', async () => {
    const t = await loadTargets(join(__dirname, '..', '..', 'targets.example.json'));
    assert.deepEqual(t.account, DEFAULT_TARGETS.account);
    assert.equal(thresholdsForSkill(t, { id: '1006', name: 'VIP' }).byMetric.queueWaitP90?.warn, 30_000);
  });
});
