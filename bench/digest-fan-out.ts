/**
 * 1,000 shift summaries due in the same minute: the bot as production builds it (createContainer:
 * scheduler, ledger, runner, real content through the report service and the LivePerson client)
 * against a LivePerson simulator with 50 ms answers and a fake Slack that enforces one message a
 * second per channel and 429s one post in twenty besides. One tick posts them.
 *
 * Figures: time until the last post, against the pacing bound (a channel with k posts cannot be
 * done before k − 1 seconds) and against the same run with 10 digests and the same load per
 * channel; LivePerson requests against the distinct questions among them (each should be asked
 * once: single-flight, then the 5-minute background cache); duplicates and lost digests, counted
 * from the posts' metadata; the bot's RSS. The bot runs as production runs it, compiled, in a
 * process of its own (bench/digests/bot-child.ts) configured only by its environment; the
 * simulator and the fake Slack stay in this process, so its RSS is the bot's alone.
 */
import type { DigestDraft, DigestScope } from '../src/domain/digest';
import { DIGEST_EVENT } from '../src/schedule/digest-runner';
import { FakeSlack } from '../src/sandbox/fake-slack';
import { stableKey } from '../src/shared/stable-key';
import { DEFAULT_OAUTH, ROUTE_NAMES, apiKeyAccountEnv, startSimulator } from '../src/simulator';
import { rngFrom } from '../src/simulator/random';
import { printTable, writeResults, type BenchSummary, type Benchmark } from './benchmark';
import { benchStore } from './digests/bench-store';
import { buildBot, freePort, startBotChild } from './digests/bot-child';
import type { MemorySample } from './digests/bot-process';

const MIN = 60_000;
/** 15:00 UTC on a busy weekday afternoon in the synthetic contact center. */
const FIRE = Date.UTC(2026, 10, 25, 15, 0, 0);
const LP_LATENCY_MS = 50;
/** One post in this many is answered 429 (Retry-After: 1) on top of the channel pacing. */
const EXTRA_429_EVERY = 20;

/** The same instant in the zones teams set their summaries in (November: no DST anywhere here). */
const ZONES: readonly { zone: string; hour: number; minute: number }[] = [
  { zone: 'Europe/Berlin', hour: 16, minute: 0 },
  { zone: 'Europe/London', hour: 15, minute: 0 },
  { zone: 'UTC', hour: 15, minute: 0 },
  { zone: 'America/New_York', hour: 10, minute: 0 },
  { zone: 'Asia/Kolkata', hour: 20, minute: 30 },
  { zone: 'Asia/Kathmandu', hour: 20, minute: 45 },
];

/** Scopes as teams pick them: the account, a team's skill or two, an agent group. */
const SCOPES: readonly DigestScope[] = [
  { kind: 'account' },
  { kind: 'skills', items: [{ id: '1001', name: 'Billing' }] },
  { kind: 'skills', items: [{ id: '1002', name: 'Sales' }] },
  {
    kind: 'skills',
    items: [
      { id: '1001', name: 'Billing' },
      { id: '1008', name: 'Billing Disputes' },
    ],
  },
  {
    kind: 'skills',
    items: [
      { id: '1003', name: 'Tech Support - Hardware' },
      { id: '1004', name: 'Tech Support - Software' },
    ],
  },
  { kind: 'skills', items: [{ id: '1006', name: 'VIP' }] },
  { kind: 'groups', items: [{ id: '502', name: 'Tier 1' }] },
  { kind: 'groups', items: [{ id: '505', name: 'Billing Team' }] },
  {
    kind: 'groups',
    items: [
      { id: '503', name: 'Tier 2' },
      { id: '506', name: 'VIP Desk' },
    ],
  },
];
/** Weights of SCOPES: the account summary is the most common. */
const SCOPE_WEIGHTS = [30, 12, 10, 8, 8, 7, 10, 8, 7];
/** Shift lengths: most teams run 8 h shifts. */
const WINDOWS_H = [8, 8, 8, 8, 8, 8, 4, 12];

export interface FanOutFigures {
  digests: number;
  channels: number;
  store: string;
  /** From the tick's start to the last post Slack accepted in that tick. */
  allPostedMs: number;
  /** Digests that tick could not post (429s past the retries): the next minute's tick posted them. */
  leftForNextMinute: number;
  /** (most posts in one channel − 1) seconds: nobody can be faster at one post a second. */
  pacingBoundMs: number;
  ticks: number;
  posts: number;
  duplicates: number;
  lost: number;
  /** Posts answered 429: by the channel pacing, and chosen at random. */
  rateLimited: number;
  /** Of those, the ones chosen at random (the rest broke the channel's one a second). */
  chosen429: number;
  livePersonRequests: number;
  distinctQueries: number;
  /** The bot's process (not this one): from /proc/<pid>/status and its own process.memoryUsage(). */
  bot: {
    /** A second after start, before any digest exists. */
    idleRssMb: number;
    /** VmHWM over the ticks (reset just before the first). */
    peakRssMb: number;
    peakCovers: 'the ticks' | 'the whole process';
    afterRssMb: number;
    idle: MemoryBreakdown;
    /** Each field's highest 10 ms sample over the ticks (not one moment: they peak apart). */
    mostDuringTicks: MemoryBreakdown;
    afterTicks: MemoryBreakdown;
  };
}

function weighted<T>(items: readonly T[], weights: readonly number[], r: number): T {
  let x = r * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) if ((x -= w) < 0) return items[i]!;
  return items[items.length - 1]!;
}

/** The drafts: digest i posts to channel i mod `channels`, so every channel gets the same load. */
export function fanOutDrafts(count: number, channels: number, seed = 7): DigestDraft[] {
  const rng = rngFrom(seed);
  return Array.from({ length: count }, (_, i) => {
    const at = ZONES[Math.floor(rng() * ZONES.length)]!;
    return {
      channelId: `C${String(i % channels).padStart(5, '0')}`,
      schedule: { days: { kind: 'weekdays' }, hour: at.hour, minute: at.minute, zone: at.zone },
      windowMs: WINDOWS_H[Math.floor(rng() * WINDOWS_H.length)]! * 60 * MIN,
      scope: weighted(SCOPES, SCOPE_WEIGHTS, rng()),
      chart: rng() < 0.5,
    };
  });
}

/** Bytes of process.memoryUsage() in MB, rounded to a tenth. */
export interface MemoryBreakdown {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

function inMb(m: NodeJS.MemoryUsage): MemoryBreakdown {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
  };
}

/** One fan-out: `count` digests over `channels` channels, all due at FIRE, posted by the bot in its own process. */
export async function runFanOut(count: number, channels: number): Promise<FanOutFigures> {
  let clock = FIRE - 10 * MIN;
  const now = () => clock;
  const sim = await startSimulator({
    now,
    oauth: DEFAULT_OAUTH,
    latencyMs: LP_LATENCY_MS,
    keptRequests: Number.MAX_SAFE_INTEGER,
  });
  const slack = await new FakeSlack({ channelIntervalMs: 1_000 }).start();
  const rng = rngFrom(11);
  let chosen429 = 0;
  slack.rateLimitIf = (call) => {
    if (call.method !== 'chat.postMessage' || rng() >= 1 / EXTRA_429_EVERY) return undefined;
    chosen429 += 1;
    return 1;
  };
  const store = await benchStore('fanout');
  // Production's environment: LivePerson as a real account (the bot's own client, pointed at the
  // simulator through CSDS), Slack through SLACK_API_URL, JSON logs.
  const bot = await startBotChild({
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: slack.apiUrl,
    ...apiKeyAccountEnv(sim.accountId, sim.url),
    LOG_LEVEL: 'error',
    ...store.env,
    QP_BENCH_CLOCK: String(clock),
    QP_BENCH_NAMESPACE: store.namespace,
  });
  try {
    // Settled after start: what the bot holds before it has done anything.
    await new Promise((r) => setTimeout(r, 1_000));
    const idle = bot.rss();
    const idleBreakdown = inMb((await bot.ask<MemorySample>({ kind: 'memory' })).now);
    const ids = new Set(await bot.ask<string[]>({ kind: 'add', drafts: fanOutDrafts(count, channels) }));
    // Warm the directory and the sockets on a query no digest asks, so the figures are the fan-out.
    await bot.ask({ kind: 'warm' });
    sim.resetStats();
    slack.calls.splice(0);
    clock = FIRE + 1_000;
    await bot.ask({ kind: 'clock', at: clock });
    // From here on: the kernel's high-water mark, and the most of each memoryUsage() field.
    await bot.ask({ kind: 'memory' });
    const peakIsTick = bot.resetPeak();
    const started = Date.now();
    await bot.ask({ kind: 'tick' });
    // The fire minute's tick is what is timed. A post Slack kept 429ing past the outbox's retries
    // is released for the next minute's tick: run those ticks at once (the clock moved a minute)
    // so none is lost, and count what waited for them rather than hide it in the time.
    const firstTickEnded = Date.now();
    const leftForNextMinute = ids.size - postedDigests(slack).size;
    let ticks = 1;
    while (ticks < 3 && postedDigests(slack).size < ids.size) {
      ticks += 1;
      clock += MIN;
      await bot.ask({ kind: 'clock', at: clock });
      await bot.ask({ kind: 'tick' });
    }
    const after = bot.rss();
    const during = await bot.ask<MemorySample>({ kind: 'memory' });
    const posts = slack
      .callsTo('chat.postMessage')
      .filter(
        (c) =>
          c.answeredTs &&
          (c.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT,
      );
    const perOccurrence = new Map<string, number>();
    for (const p of posts) {
      const m = (p.args.metadata as { event_payload: { digest: string; occurrence: string } }).event_payload;
      const key = `${m.digest}:${m.occurrence}`;
      perOccurrence.set(key, (perOccurrence.get(key) ?? 0) + 1);
    }
    const posted = postedDigests(slack);
    const perChannel = new Map<string, number>();
    for (const d of fanOutDrafts(count, channels))
      perChannel.set(d.channelId, (perChannel.get(d.channelId) ?? 0) + 1);
    const stats = sim.stats();
    const asked = ROUTE_NAMES.filter((r) => r !== 'csds');
    const distinct = new Set(
      asked.flatMap((route) =>
        sim.recorded(route).map((q) => `${route}|${stableKey(q.query)}|${stableKey(q.body)}`),
      ),
    );
    return {
      digests: count,
      channels,
      store: store.label,
      allPostedMs: Math.max(...posts.filter((p) => p.at <= firstTickEnded).map((p) => p.at)) - started,
      leftForNextMinute,
      pacingBoundMs: (Math.max(...perChannel.values()) - 1) * 1_000,
      ticks,
      posts: posts.length,
      duplicates: [...perOccurrence.values()].reduce((a, n) => a + n - 1, 0),
      lost: [...ids].filter((id) => !posted.has(id)).length,
      rateLimited: slack.callsTo('chat.postMessage').filter((c) => c.rateLimited).length,
      chosen429,
      livePersonRequests: asked.reduce((a, r) => a + stats[r], 0),
      distinctQueries: distinct.size,
      bot: {
        idleRssMb: idle.rssMb,
        peakRssMb: after.peakMb,
        peakCovers: peakIsTick ? 'the ticks' : 'the whole process',
        afterRssMb: after.rssMb,
        idle: idleBreakdown,
        mostDuringTicks: inMb(during.most),
        afterTicks: inMb(during.now),
      },
    };
  } catch (err) {
    console.error(`the bot's last lines:\n${bot.outputTail().join('\n')}`);
    throw err;
  } finally {
    await bot.stop();
    await store.cleanUp();
    await slack.close();
    await sim.close();
  }
}

/** The digests with at least one post Slack accepted. */
function postedDigests(slack: FakeSlack): Set<string> {
  const out = new Set<string>();
  for (const c of slack.callsTo('chat.postMessage')) {
    const m = c.args.metadata as { event_type?: string; event_payload?: { digest?: string } } | undefined;
    if (c.answeredTs && m?.event_type === DIGEST_EVENT && m.event_payload?.digest)
      out.add(m.event_payload.digest);
  }
  return out;
}

/** The bot's RSS target while it fans out (issue: peak RSS under load ≤ 150 MB). */
const RSS_TARGET_MB = 150;

async function run(): Promise<BenchSummary> {
  const builtIn = Date.now();
  buildBot();
  console.log(`(bot compiled to dist/bench-bot in ${((Date.now() - builtIn) / 1000).toFixed(1)} s)\n`);
  // The baseline keeps the load per channel (5 posts) and shrinks everything else.
  const small = await runFanOut(10, 2);
  const big = await runFanOut(1_000, 200);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const mb = (n: number) => n.toFixed(0);
  const row = (f: FanOutFigures) => [
    `${f.digests} digests / ${f.channels} channels`,
    s(f.allPostedMs),
    s(f.pacingBoundMs),
    String(f.leftForNextMinute),
    `${f.rateLimited - f.chosen429} + ${f.chosen429}`,
    `${f.livePersonRequests} / ${f.distinctQueries}`,
    String(f.duplicates),
    String(f.lost),
    mb(f.bot.idleRssMb),
    mb(f.bot.peakRssMb),
    mb(f.bot.afterRssMb),
  ];
  console.log(
    `Store: ${big.store}. LivePerson simulator answers in ${LP_LATENCY_MS} ms; Slack paces 1 post/s per channel ` +
      `(429, Retry-After 1) and 429s 1 post in ${EXTRA_429_EVERY} besides. The bot runs in its own process ` +
      `(compiled, NODE_ENV=production, CHARTS=quickchart); its RSS is read from /proc, the peak over ${big.bot.peakCovers}.\n`,
  );
  printTable([
    [
      'run',
      'posted in tick s',
      'pacing bound s',
      'left for next minute',
      '429s paced + chosen',
      'LP requests / distinct',
      'duplicates',
      'lost',
      'bot idle RSS MB',
      'bot peak RSS MB',
      'bot RSS after MB',
    ],
    row(small),
    row(big),
  ]);
  console.log(
    "\nThe bot's own process.memoryUsage(), MB (no forced GC); 'most during' is each field's highest 10 ms sample:\n",
  );
  const usage = (label: string, m: MemoryBreakdown) => [
    label,
    m.rss.toFixed(1),
    m.heapTotal.toFixed(1),
    m.heapUsed.toFixed(1),
    m.external.toFixed(1),
    m.arrayBuffers.toFixed(1),
  ];
  printTable([
    ['when', 'rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'],
    usage('idle, after start', big.bot.idle),
    usage('most during 10 digests', small.bot.mostDuringTicks),
    usage('most during 1,000 digests', big.bot.mostDuringTicks),
    usage('after 1,000 digests', big.bot.afterTicks),
  ]);
  console.log(
    `\n1,000 vs the pacing bound: ${(big.allPostedMs / big.pacingBoundMs).toFixed(2)}×` +
      `\n1,000 vs 10 digests at the same load per channel (time): ${(big.allPostedMs / small.allPostedMs).toFixed(2)}×` +
      `\nLivePerson requests per distinct query: ${(big.livePersonRequests / big.distinctQueries).toFixed(2)}× ` +
      `(${(big.livePersonRequests / big.digests).toFixed(2)} requests per digest)` +
      `\nbot peak RSS, 1,000 digests: ${mb(big.bot.peakRssMb)} MB (target ≤ ${RSS_TARGET_MB}); ` +
      `over the 10-digest baseline: +${mb(big.bot.peakRssMb - small.bot.peakRssMb)} MB` +
      `\nduplicates ${big.duplicates}, lost ${big.lost}`,
  );
  const file = writeResults('digest-fan-out', { baseline: small, fanOut: big });
  console.log(`(figures in ${file})`);
  if (big.duplicates || big.lost || small.duplicates || small.lost) process.exitCode = 1;
  return {
    headline:
      `1,000 posted in ${s(big.allPostedMs)} s (bound ${s(big.pacingBoundMs)} s), dup ${big.duplicates}, ` +
      `lost ${big.lost}; bot peak RSS ${mb(big.bot.peakRssMb)} MB`,
    file,
  };
}

export const benchmark: Benchmark = {
  name: 'digest-fan-out',
  description:
    "1,000 shift summaries due in one minute over 200 channels: time until all are posted, LivePerson requests vs distinct queries, duplicates, lost, the bot process's RSS.",
  run,
};
