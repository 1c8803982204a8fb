/**
 * Five bot instances on one Redis over ten fire minutes, one killed with SIGKILL and restarted in
 * every minute (bench/digests/chaos.ts). Exactly once means duplicates 0 and lost 0 whatever the
 * kills hit; late posts are the price of a kill between a claim and its post (the claim is taken
 * over after its lease), and the worst lateness should stay near the lease.
 */
import { DEFAULT_LEASE_MS, LATE_AFTER_MS } from '../src/schedule/scheduler';
import { printTable, writeResults, type BenchSummary, type Benchmark } from './benchmark';
import { BENCH_REDIS_URL, redisReachable } from './digests/bench-store';
import { runChaos } from './digests/chaos';

const MIN = 60_000;
/** A fire minute lasts this long in real time; the lease (5 min) then lasts 10 s. */
const REAL_MINUTE_MS = 2_000;

async function run(): Promise<BenchSummary> {
  if (!(await redisReachable(BENCH_REDIS_URL))) {
    console.log(`Skipped: no Redis at ${BENCH_REDIS_URL} (set BENCH_REDIS_URL); the instances share one.`);
    return { headline: 'skipped: no Redis' };
  }
  // One post per channel per fire minute: Slack's pacing is real time, so more would make posts
  // late through the compressed clock alone, not through the kills.
  const f = await runChaos({
    redisUrl: BENCH_REDIS_URL,
    instances: 5,
    minutes: 10,
    digestsPerMinute: 20,
    channels: 20,
    realMinuteMs: REAL_MINUTE_MS,
  });
  console.log(
    `A minute lasts ${REAL_MINUTE_MS / 1000} s; lease ${DEFAULT_LEASE_MS / MIN} min (scaled); Slack paces 1 post/s per ` +
      `channel and 429s 1 post in 20 besides. Late = posted more than ${LATE_AFTER_MS / MIN} min after its fire time ` +
      `(scaled: a real second is ${MIN / REAL_MINUTE_MS} s here, so Retry-After waits count too).\n`,
  );
  printTable([
    [
      'instances',
      'fire minutes',
      'digests',
      'SIGKILLs',
      'posts',
      'duplicates',
      'lost',
      'late',
      'worst late',
      '429s',
      'wall s',
    ],
    [
      String(f.instances),
      String(f.minutes),
      String(f.digests),
      String(f.kills),
      String(f.posts),
      String(f.duplicates),
      String(f.lost),
      String(f.late),
      `${(f.worstLateMs / MIN).toFixed(1)} min`,
      String(f.rateLimited),
      (f.wallMs / 1000).toFixed(1),
    ],
  ]);
  console.log(
    `\nworst lateness / lease: ${(f.worstLateMs / DEFAULT_LEASE_MS).toFixed(2)}× (a post taken over from a killed ` +
      `holder waits out the lease, then the next tick)`,
  );
  const { stderrTail, ...figures } = f;
  const file = writeResults('digest-chaos', figures);
  console.log(`(figures in ${file})`);
  if (f.duplicates || f.lost) {
    console.log(`\nlast instance warnings:\n${stderrTail.join('\n')}`);
    process.exitCode = 1;
  }
  return {
    headline:
      `${f.digests} digests, ${f.kills} SIGKILLs: dup ${f.duplicates}, lost ${f.lost}, ` +
      `worst late ${(f.worstLateMs / MIN).toFixed(1)} min`,
    file,
  };
}

export const benchmark: Benchmark = {
  name: 'digest-chaos',
  description:
    'Five instances on one Redis over ten fire minutes, one SIGKILLed and restarted every minute: duplicates, lost, late posts.',
  run,
};
