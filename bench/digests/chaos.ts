/**
 * The chaos run: several bot instances (child processes, bench/digests/chaos-instance.ts) on one
 * Redis, a compressed clock, digests due in every fire minute, and one instance killed with SIGKILL
 * and restarted every minute at a random moment, often between a claim and its post. All of them
 * post to one fake Slack in this process, which paces each channel at one post a second and 429s
 * some posts besides. Afterwards the posts' metadata says what happened: duplicates (an occurrence
 * posted twice), lost (a digest never posted), late posts and the worst lateness.
 *
 * Shared by the benchmark (bench/digest-chaos.ts) and a reduced run in the tests.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Digest } from '../../src/domain/digest';
import { DIGEST_EVENT } from '../../src/schedule/digest-runner';
import { DIGEST_CODEC, DIGEST_INDEX_CODEC, DigestStore } from '../../src/schedule/digest-store';
import { DEFAULT_LEASE_MS, LATE_AFTER_MS } from '../../src/schedule/scheduler';
import { FakeSlack, type ApiCall } from '../../src/sandbox/fake-slack';
import { rngFrom } from '../../src/simulator/random';
import { openStore } from '../../src/store/keyv-store';
import { startFlags } from '../start-flags';
import { benchNamespace, deleteNamespace, quietLog } from './bench-store';
import type { ChaosInstanceConfig } from './chaos-instance';

const MIN = 60_000;
/** The first fire minute (scaled clock): 09:00 UTC on an ordinary June Monday. */
const FIRST_FIRE = Date.UTC(2026, 5, 1, 9, 0, 0);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu'];

export interface ChaosOptions {
  redisUrl: string;
  instances: number;
  /** Fire minutes; one instance is killed and restarted in each. */
  minutes: number;
  digestsPerMinute: number;
  channels: number;
  /** How long one scaled minute lasts in real time. */
  realMinuteMs: number;
  /** The claim's lease in scaled ms (default: production's, DEFAULT_LEASE_MS). */
  leaseMs?: number;
  /** One post in this many is answered 429 besides the channel pacing (0: none). */
  extra429Every?: number;
  seed?: number;
  /** Stop waiting for stragglers this long (scaled) after the last fire minute. */
  tailMs?: number;
}

export interface ChaosFigures {
  instances: number;
  minutes: number;
  digests: number;
  kills: number;
  posts: number;
  duplicates: number;
  lost: number;
  /** Posts that reached Slack more than LATE_AFTER_MS (scaled) after their fire time. */
  late: number;
  /** Scaled ms from a fire time to its post, the worst one. */
  worstLateMs: number;
  rateLimited: number;
  /** Real ms the run took. */
  wallMs: number;
  /** The last lines an instance wrote (warnings), to explain a failed run. */
  stderrTail: string[];
}

/** The local wall-clock time of `at` in `zone`: a daily schedule that fires then. */
function scheduleAt(at: number, zone: string): Digest['schedule'] {
  const local = DateTime.fromMillis(at, { zone });
  return { days: { kind: 'daily' }, hour: local.hour, minute: local.minute, zone };
}

function digestsFor(opts: ChaosOptions): { digest: Digest; at: number }[] {
  const out: { digest: Digest; at: number }[] = [];
  for (let m = 0; m < opts.minutes; m++) {
    const at = FIRST_FIRE + m * MIN;
    for (let j = 0; j < opts.digestsPerMinute; j++) {
      const n = m * opts.digestsPerMinute + j;
      out.push({
        at,
        digest: {
          id: `ch${String(m).padStart(2, '0')}x${String(j).padStart(3, '0')}`,
          teamId: 'T0001',
          channelId: `C${String(n % opts.channels).padStart(4, '0')}`,
          createdBy: 'U0LEAD',
          createdAt: FIRST_FIRE - 60 * MIN,
          updatedAt: FIRST_FIRE - 60 * MIN,
          schedule: scheduleAt(at, ZONES[n % ZONES.length]!),
          windowMs: 8 * 60 * MIN,
          scope: { kind: 'account' },
          chart: false,
          paused: false,
        },
      });
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function runChaos(opts: ChaosOptions): Promise<ChaosFigures> {
  const started = Date.now();
  const rng = rngFrom(opts.seed ?? 2026);
  const scale = MIN / opts.realMinuteMs;
  const namespace = benchNamespace('chaos');
  const slack = await new FakeSlack({ channelIntervalMs: 1_000 }).start();
  const every = opts.extra429Every ?? 20;
  const pick429 = rngFrom((opts.seed ?? 2026) + 1);
  slack.rateLimitIf = (call) =>
    every > 0 && call.method === 'chat.postMessage' && pick429() < 1 / every ? 1 : undefined;
  const planned = digestsFor(opts);
  const store = await openStore({
    redisUrl: opts.redisUrl,
    dataDir: '/nonexistent',
    namespace,
    logger: quietLog,
  });
  const children = new Set<ChildProcess>();
  const stderrTail: string[] = [];
  let kills = 0;
  try {
    const digests = new DigestStore(
      store.repository('digests', DIGEST_CODEC),
      store.repository('digest-index', DIGEST_INDEX_CODEC),
      store,
    );
    for (const { digest } of planned) await digests.put(digest);

    // The scaled clock starts half a minute before the first fire, once every instance is up.
    const config: ChaosInstanceConfig = {
      redisUrl: opts.redisUrl,
      namespace,
      slackApiUrl: slack.apiUrl,
      scaledStart: FIRST_FIRE - MIN / 2,
      scale,
      // The store measures a lease in real time; everything else runs on the scaled clock.
      leaseMs: (opts.leaseMs ?? DEFAULT_LEASE_MS) / scale,
    };
    const spawn = (cfg: ChaosInstanceConfig): { child: ChildProcess; ready: Promise<void> } => {
      const child = fork(path.join(__dirname, 'chaos-instance.ts'), [], {
        execArgv: [...startFlags(), '--import', 'tsx'],
        env: { ...process.env, QP_CHAOS: JSON.stringify(cfg) },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      children.add(child);
      child.stderr?.on('data', (chunk: Buffer) => {
        stderrTail.push(...chunk.toString('utf8').trim().split('\n'));
        stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
      });
      child.on('exit', () => children.delete(child));
      const ready = new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code, signal) =>
          reject(new Error(`instance exited (${code ?? signal}) before it was up`)),
        );
      });
      return { child, ready };
    };
    const first = Array.from({ length: opts.instances }, () => spawn(config));
    await Promise.all(first.map((f) => f.ready));
    const realStart = Date.now();
    for (const f of first) f.child.send({ realStart });
    const restartConfig = { ...config, realStart };
    const realAt = (scaled: number) => realStart + (scaled - config.scaledStart) / scale;

    // Every fire minute: one instance, chosen at random, killed at a random moment in the first
    // two thirds of the minute (when claims are taken and posts made), and started again at once.
    for (let m = 0; m < opts.minutes; m++) {
      await sleep(realAt(FIRST_FIRE + m * MIN + (rng() * (2 * MIN)) / 3) - Date.now());
      const live = [...children];
      const victim = live[Math.floor(rng() * live.length)];
      if (victim) {
        victim.kill('SIGKILL');
        kills += 1;
      }
      spawn(restartConfig).ready.catch(() => undefined);
    }

    // Stragglers: a killed holder's claims are taken over after the lease, at the next tick.
    const until = realAt(
      FIRST_FIRE + opts.minutes * MIN + (opts.tailMs ?? (opts.leaseMs ?? DEFAULT_LEASE_MS) + 3 * MIN),
    );
    while (Date.now() < until && postedIds(slack).size < planned.length) await sleep(50);
    // A moment more, so a duplicate on its way is counted too.
    await sleep(Math.min(1_000, opts.realMinuteMs));

    const fireAt = new Map(planned.map((p) => [p.digest.id, p.at]));
    const posts = digestPosts(slack);
    const perOccurrence = new Map<string, number>();
    for (const p of posts) perOccurrence.set(p.key, (perOccurrence.get(p.key) ?? 0) + 1);
    const lateness = posts.map(
      (p) => config.scaledStart + (p.call.at - realStart) * scale - fireAt.get(p.digest)!,
    );
    const posted = postedIds(slack);
    return {
      instances: opts.instances,
      minutes: opts.minutes,
      digests: planned.length,
      kills,
      posts: posts.length,
      duplicates: [...perOccurrence.values()].reduce((a, n) => a + n - 1, 0),
      lost: planned.filter((p) => !posted.has(p.digest.id)).length,
      late: lateness.filter((ms) => ms > LATE_AFTER_MS).length,
      worstLateMs: Math.max(0, ...lateness),
      rateLimited: slack.callsTo('chat.postMessage').filter((c) => c.rateLimited).length,
      wallMs: Date.now() - started,
      stderrTail,
    };
  } finally {
    await Promise.all(
      [...children].map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    await store.close();
    await deleteNamespace(opts.redisUrl, namespace);
    await slack.close();
  }
}

interface DigestPost {
  call: ApiCall;
  digest: string;
  key: string;
}

/** The digest posts Slack accepted, with the occurrence their metadata names. */
function digestPosts(slack: FakeSlack): DigestPost[] {
  return slack.callsTo('chat.postMessage').flatMap((call) => {
    const m = call.args.metadata as
      { event_type?: string; event_payload?: { digest?: string; occurrence?: string } } | undefined;
    if (!call.answeredTs || m?.event_type !== DIGEST_EVENT || !m.event_payload?.digest) return [];
    return [
      {
        call,
        digest: m.event_payload.digest,
        key: `${m.event_payload.digest}:${m.event_payload.occurrence}`,
      },
    ];
  });
}

function postedIds(slack: FakeSlack): Set<string> {
  return new Set(digestPosts(slack).map((p) => p.digest));
}
