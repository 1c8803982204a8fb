/**
 * A reduced chaos run (the benchmark's is bench/digest-chaos.ts): three bot instances as child
 * processes on the Redis at TEST_REDIS_URL over three compressed fire minutes, one SIGKILLed and
 * restarted in each; every digest posted exactly once. Without the ledger's atomic claim the
 * instances ticking together post the same occurrence twice, and this fails.
 */
import { strict as assert } from 'node:assert';
import { runChaos } from '../../bench/digests/chaos';

const REDIS_URL = process.env.TEST_REDIS_URL;

describe(`chaos: instances killed and restarted on one Redis ${REDIS_URL ? '' : '— skipped: set TEST_REDIS_URL'}`, function () {
  this.timeout(30_000);
  before(function () {
    if (!REDIS_URL) this.skip();
  });

  it('3 instances, 3 fire minutes, one SIGKILL a minute: duplicates 0, lost 0', async () => {
    const f = await runChaos({
      redisUrl: REDIS_URL!,
      instances: 3,
      minutes: 3,
      digestsPerMinute: 6,
      channels: 6,
      realMinuteMs: 1_000,
      // Short, so an occurrence a killed holder claimed is taken over within the run.
      leaseMs: 2 * 60_000,
    });
    const why = `\n${f.stderrTail.join('\n')}`;
    assert.equal(f.kills, 3);
    assert.equal(f.duplicates, 0, `duplicates${why}`);
    assert.equal(f.lost, 0, `lost${why}`);
    assert.equal(f.posts, f.digests);
  });
});
