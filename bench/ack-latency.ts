/**
 * How fast /queue is acked under load, measured from outside: 200 concurrent Slack-signed
 * `/queue skill billing` POSTs to /slack/events, each timed to its HTTP answer (the ack), against
 * (a) the floor, a bare Bolt app whose handler only acks, (b) a naive handler that awaits a
 * LivePerson KMM call before acking (simulator latency 500 ms and 4 s), and (c) the real bot
 * (startBot, configured by environment: LivePerson through CSDS at a simulator, Slack at the fake
 * Slack). Every app runs compiled in a child process of its own, with its simulator and fake Slack
 * in another, so RSS and event loop are the app's own. Then 100 identical concurrent asks: the
 * LivePerson requests the simulator received, and the time until the last final answer reached
 * its response_url, bot against naive.
 *
 * QP_ACK_PROFILE=1 also profiles the bot's CPU over the rounds and prints its top self-time
 * functions; with QP_ACK_HEAP=1 as well, a sampling heap profile of every allocation (collected or
 * not) is written beside it (.heapprofile: what each request allocates, and where). The row
 * "floor again" is the floor's app measured a second time: its ratio is the noise of the run.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test/e2e/harness';
import { printTable, writeResults, type BenchSummary, type Benchmark } from './benchmark';
import type { AppConfig } from './ack/app-child';
import { buildChildren } from './ack/build';
import type { InfraConfig } from './ack/infra-child';
import { fireAll, percentiles, quantile, sendCommand, type Ask, type Percentiles } from './ack/load';
import { startChild, type Child } from './ack/proc';
import { burstsFileOf, summarizeProfile } from './ack/profile-summary';
import { startFlags } from './start-flags';
import type { FinalsResult } from './ack/protocol';
import { ratio } from './timing';

const CONCURRENT = 200;
/** QP_ACK_ROUNDS=<n> runs more rounds, for comparisons finer than the rounds' own spread. */
const ROUNDS = Number(process.env.QP_ACK_ROUNDS) > 0 ? Math.floor(Number(process.env.QP_ACK_ROUNDS)) : 5;
const WARM_ASKS = 10;
const IDENTICAL = 100;
const SECRET = 'bench-signing-secret';
const TEXT = 'skill billing';

interface Subject {
  label: string;
  kind: AppConfig['kind'];
  /** Simulator latency (ms) added to every LivePerson answer. */
  latencyMs: number;
  env?: Record<string, string>;
  /** CHARTS=upload drawn on the bot's main thread (as before the worker thread), for comparison. */
  mainThreadCharts?: boolean;
  /** Node flags for the app's process; a bot gets those of `npm start` unless told otherwise. */
  nodeFlags?: string[];
  profile?: boolean;
}

interface AckFigures {
  label: string;
  kind: Subject['kind'];
  latencyMs: number;
  /** Pooled over every round. */
  ack: Percentiles;
  rounds: Percentiles[];
  /**
   * CPU ms the app used (all threads) from each round's first request to its last ack: the work a
   * burst costs, less noisy than its latency, which also shows whatever else the machine ran.
   */
  ackCpuMs: number[];
  /** Acks that were not HTTP 200 (Bolt answers an unacked request itself after 3 s). */
  notOk: number;
  /** Sampled VmRSS peak while the rounds ran, VmHWM at the end, VmRSS once idle after the load. */
  peakRssMb: number;
  /** Sampled RssAnon peak: RSS without mapped files' pages (see bench/ack/proc Memory.anonMb). */
  peakAnonMb: number;
  hwmMb: number;
  idleRssMb: number;
  rssBeforeLoadMb: number;
  exitedByItself: boolean;
}

interface Rig {
  name: string;
  infra: Child;
  app: Child;
  eventsUrl: string;
  responseUrl(id: string): string;
  close(): Promise<boolean>;
}

interface Scripts {
  app: string;
  infra: string;
  logDir: string;
  profileDir: string;
}

async function startRig(scripts: Scripts, subject: Subject): Promise<Rig> {
  const name = `${subject.label}-${subject.latencyMs}`.replace(/\W+/g, '-');
  const log = openSync(path.join(scripts.logDir, `${name}.log`), 'a');
  const infraCfg: InfraConfig = { latencyMs: subject.latencyMs, oauth: subject.kind === 'bot' };
  const infra = await startChild(scripts.infra, {
    env: { QP_ACK_INFRA: JSON.stringify(infraCfg) },
    logFd: log,
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qp-ack-'));
  const appCfg: AppConfig = {
    kind: subject.kind,
    port: await freePort(),
    signingSecret: SECRET,
    simUrl: infra.info.simUrl!,
    accountId: infra.info.accountId!,
    slackApiUrl: infra.info.slackApiUrl!,
    dataDir,
    ...(subject.env ? { env: subject.env } : {}),
    ...(subject.mainThreadCharts ? { mainThreadCharts: true } : {}),
  };
  // The bot with the Node flags `npm start` gives it; the floor and the naive app as Node starts them.
  const app = await startChild(scripts.app, {
    env: { QP_ACK_APP: JSON.stringify(appCfg) },
    execArgv: subject.nodeFlags ?? (subject.kind === 'bot' ? startFlags() : []),
    logFd: log,
  });
  return {
    name,
    infra,
    app,
    eventsUrl: app.info.url!,
    responseUrl: (id) => `${infra.info.slackUrl!}/response/${encodeURIComponent(id)}`,
    async close() {
      const exited = await app.stop();
      await infra.stop();
      rmSync(dataDir, { recursive: true, force: true });
      return exited;
    },
  };
}

/** Microseconds on the monotonic clock, the clock of a V8 CPU profile's timestamps (both CLOCK_MONOTONIC). */
const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function asks(rig: Rig, prefix: string, count: number, text = TEXT): Ask[] {
  return Array.from({ length: count }, (_, i) => ({ text, responseUrl: rig.responseUrl(`${prefix}-${i}`) }));
}

/** Waits until every ask got its final answer (the floor answers none). */
async function settle(
  rig: Rig,
  subject: Subject,
  batch: readonly Ask[],
  timeoutMs = 60_000,
): Promise<FinalsResult> {
  if (subject.kind === 'floor') return { lastAt: NaN, missing: 0 };
  const ids = batch.map((a) => decodeURIComponent(a.responseUrl.slice(a.responseUrl.lastIndexOf('/') + 1)));
  return rig.infra.request<FinalsResult>('waitFinals', { ids, timeoutMs });
}

/** Warm-up: JIT, sockets, CSDS, the directory, the token; not measured. */
async function warmUp(rig: Rig, subject: Subject): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const warm = asks(rig, `warm${i}`, WARM_ASKS);
    await fireAll(rig.eventsUrl, SECRET, warm);
    await settle(rig, subject, warm);
  }
}

/**
 * Every subject's rounds, interleaved (floor, naive, bot, floor, naive, bot …) with all apps up:
 * whatever else the machine does during the run falls on all of them alike.
 */
async function measureAcks(scripts: Scripts, subjects: readonly Subject[]): Promise<AckFigures[]> {
  const rigs: Rig[] = [];
  try {
    for (const s of subjects) {
      const rig = await startRig(scripts, s);
      rigs.push(rig);
      await warmUp(rig, s);
    }
    await sleep(300);
    const before = rigs.map((r) => r.app.memory().rssMb);
    const stopSampling = rigs.map((r) => r.app.sampleRss());
    for (const [i, s] of subjects.entries()) if (s.profile) await rigs[i]!.app.request('profileStart');
    const rounds: number[][][] = subjects.map(() => []);
    const cpu: number[][] = subjects.map(() => []);
    const notOk = subjects.map(() => 0);
    // Each round's burst (first request sent to last ack read), on the monotonic clock V8's profiles use.
    const bursts: [number, number][][] = subjects.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, subject] of subjects.entries()) {
        const rig = rigs[i]!;
        const batch = asks(rig, `r${r}`, CONCURRENT);
        const cpuBefore = rig.app.cpuMs();
        const burstStart = monotonicMicros();
        const samples = await fireAll(rig.eventsUrl, SECRET, batch);
        bursts[i]!.push([burstStart, monotonicMicros()]);
        cpu[i]!.push(Math.round((rig.app.cpuMs() - cpuBefore) * 10) / 10);
        rounds[i]!.push(samples.map((x) => x.ms));
        notOk[i]! += samples.filter((x) => x.status !== 200).length;
        // Rounds do not overlap: the next starts once every answer of this one is delivered.
        const done = await settle(rig, subject, batch);
        if (done.missing) console.warn(`${subject.label}: ${done.missing} answers missing in round ${r + 1}`);
        await sleep(200);
      }
    }
    const peaks = stopSampling.map((stop) => stop());
    for (const [i, s] of subjects.entries())
      if (s.profile) {
        const file = path.join(scripts.profileDir, `${rigs[i]!.name}.cpuprofile`);
        await rigs[i]!.app.request('profileStop', { file });
        writeFileSync(burstsFileOf(file), JSON.stringify(bursts[i]));
      }
    await sleep(1_000);
    const out: AckFigures[] = [];
    for (const [i, subject] of subjects.entries()) {
      const { rssMb: idleRssMb, hwmMb } = rigs[i]!.app.memory();
      out.push({
        label: subject.label,
        kind: subject.kind,
        latencyMs: subject.latencyMs,
        ack: percentiles(rounds[i]!.flat()),
        rounds: rounds[i]!.map((x) => percentiles(x)),
        ackCpuMs: cpu[i]!,
        notOk: notOk[i]!,
        peakRssMb: peaks[i]!.rssMb,
        peakAnonMb: peaks[i]!.anonMb,
        hwmMb,
        idleRssMb,
        rssBeforeLoadMb: before[i]!,
        exitedByItself: false,
      });
    }
    for (const [i, rig] of rigs.entries()) out[i]!.exitedByItself = await rig.close();
    rigs.length = 0;
    return out;
  } finally {
    for (const rig of rigs) await rig.close();
  }
}

interface IdenticalFigures {
  label: string;
  livePersonRequests: number;
  byRoute: Record<string, number>;
  /** From the first POST to the last final answer at a response_url. */
  lastAnswerMs: number;
  missing: number;
  ackP99Ms: number;
}

async function identicalAsks(scripts: Scripts, subject: Subject): Promise<IdenticalFigures> {
  const rig = await startRig(scripts, subject);
  try {
    // Warm on another skill: CSDS, the token and the skill list are known, Billing's numbers are not.
    const warm = asks(rig, 'warm', 5, 'skill sales');
    await fireAll(rig.eventsUrl, SECRET, warm);
    await settle(rig, subject, warm);
    await sendCommand(rig.eventsUrl, SECRET, asks(rig, 'warm-one', 1, 'skill sales')[0]!);
    await sleep(500);
    await rig.infra.request('reset');
    const batch = asks(rig, 'same', IDENTICAL);
    const started = Date.now();
    const acks = await fireAll(rig.eventsUrl, SECRET, batch);
    const done = await settle(rig, subject, batch);
    const byRoute = await rig.infra.request<Record<string, number>>('stats');
    return {
      label: subject.label,
      livePersonRequests: Object.values(byRoute).reduce((a, n) => a + n, 0),
      byRoute: Object.fromEntries(Object.entries(byRoute).filter(([, n]) => n > 0)),
      lastAnswerMs: done.lastAt - started,
      missing: done.missing,
      ackP99Ms: percentiles(acks.map((a) => a.ms)).p99,
    };
  } finally {
    await rig.close();
  }
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');

/**
 * The median of the rounds' own p99s. The pooled p99 is the 10th slowest of 1,000 acks, so one
 * round slowed by the machine (three processes on two cores) can supply all ten; the median round
 * says what a typical burst sees.
 */
const medianRoundP99 = (f: AckFigures): number =>
  quantile(
    f.rounds.map((r) => r.p99),
    0.5,
  );

/** The median round's CPU (all threads) from first request to last ack, in ms. */
const medianAckCpu = (f: AckFigures): number => quantile(f.ackCpuMs, 0.5);

async function run(): Promise<BenchSummary> {
  const profiling = process.env.QP_ACK_PROFILE === '1';
  const work = mkdtempSync(path.join(tmpdir(), 'qp-ack-bench-'));
  const logDir = path.join(work, 'logs');
  const profileDir = path.join(work, 'profiles');
  mkdirSync(logDir);
  mkdirSync(profileDir);
  const [app, infra] = buildChildren(['bench/ack/app-child.ts', 'bench/ack/infra-child.ts']);
  const scripts: Scripts = { app: app!, infra: infra!, logDir, profileDir };

  const subjects: Subject[] = [
    { label: 'floor: bare Bolt, ack only', kind: 'floor', latencyMs: 0, profile: profiling },
    // The same bare Bolt app again: its ratio to the floor is the noise of the measurement itself.
    { label: 'floor again (A/A control)', kind: 'floor', latencyMs: 0 },
    { label: 'naive: KMM before ack', kind: 'naive', latencyMs: 500 },
    { label: 'naive: KMM before ack', kind: 'naive', latencyMs: 4_000 },
    { label: 'bot (CHARTS=quickchart)', kind: 'bot', latencyMs: 500, profile: profiling },
    // What the start flags buy (RSS) and cost (GC time), in the same run.
    { label: "bot (CHARTS=quickchart), Node's default flags", kind: 'bot', latencyMs: 500, nodeFlags: [] },
    {
      label: 'bot (CHARTS=upload, PNG on main thread)',
      kind: 'bot',
      latencyMs: 500,
      env: { CHARTS: 'upload' },
      mainThreadCharts: true,
      profile: profiling,
    },
    {
      label: 'bot (CHARTS=upload)',
      kind: 'bot',
      latencyMs: 500,
      env: { CHARTS: 'upload' },
      profile: profiling,
    },
  ];
  // QP_ACK_ONLY=<regex> keeps the floor and the subjects whose label matches (quicker reruns).
  const only = process.env.QP_ACK_ONLY ? new RegExp(process.env.QP_ACK_ONLY) : undefined;
  const chosen = subjects.filter((s, i) => i === 0 || !only || only.test(`${s.label} ${s.latencyMs}`));
  const acks = await measureAcks(scripts, chosen);
  const floor = acks[0]!.ack;
  console.log(
    `${CONCURRENT} concurrent signed \`/queue ${TEXT}\` × ${ROUNDS} rounds after a warm-up; ack = time to the HTTP ` +
      `answer; percentiles pooled over all ${CONCURRENT * ROUNDS} requests. RSS of the app's own process. ` +
      `The bot runs with the Node flags of \`npm start\` (${startFlags().join(' ') || 'none'}).\n`,
  );
  printTable([
    [
      'app',
      'LP latency ms',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'p50 / floor',
      'p95 / floor',
      'p99 / floor',
      'round p99 / floor (median)',
      'burst CPU ms (median)',
      'burst CPU / floor',
      'not 200',
      'peak RSS MB',
      'of it private MB',
      'RSS after MB',
    ],
    ...acks.map((f) => [
      f.label,
      f.kind === 'floor' ? '–' : String(f.latencyMs),
      ms(f.ack.p50),
      ms(f.ack.p95),
      ms(f.ack.p99),
      ratio(f.ack.p50, floor.p50),
      ratio(f.ack.p95, floor.p95),
      ratio(f.ack.p99, floor.p99),
      ratio(medianRoundP99(f), medianRoundP99(acks[0]!)),
      medianAckCpu(f).toFixed(0),
      ratio(medianAckCpu(f), medianAckCpu(acks[0]!)),
      String(f.notOk),
      f.hwmMb.toFixed(0),
      f.peakAnonMb.toFixed(0),
      f.idleRssMb.toFixed(0),
    ]),
  ]);

  const identical = [
    await identicalAsks(scripts, { label: 'bot (CHARTS=quickchart)', kind: 'bot', latencyMs: 500 }),
    await identicalAsks(scripts, { label: 'naive: KMM before ack', kind: 'naive', latencyMs: 500 }),
  ];
  console.log(
    `\n${IDENTICAL} identical concurrent \`/queue ${TEXT}\` (same team and channel), LivePerson latency 500 ms:\n`,
  );
  printTable([
    ['app', 'LivePerson requests', 'last answer ms', 'answers missing', 'ack p99 ms'],
    ...identical.map((f) => [
      f.label,
      String(f.livePersonRequests),
      ms(f.lastAnswerMs),
      String(f.missing),
      ms(f.ackP99Ms),
    ]),
  ]);

  if (profiling) {
    for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
      const burstsFile = burstsFileOf(path.join(profileDir, file));
      const bursts = existsSync(burstsFile)
        ? (JSON.parse(readFileSync(burstsFile, 'utf8')) as [number, number][])
        : undefined;
      const { byFunction, byModule } = summarizeProfile(path.join(profileDir, file), 20, bursts);
      console.log(
        `\nCPU profile of the rounds' bursts (first request to last ack), ${path.join(profileDir, file)}: top self time`,
      );
      printTable(byFunction);
      console.log('');
      printTable(byModule);
    }
  }
  const file = writeResults('ack-latency', { ackLatency: acks, identicalAsks: identical });
  console.log(`\n(figures in ${file}; app logs in ${logDir})`);
  if (!profiling) rmSync(profileDir, { recursive: true, force: true });
  const bot = acks.find((f) => f.kind === 'bot');
  const [quick, naive] = identical;
  return {
    headline: bot
      ? `bot ack p99 ${ratio(bot.ack.p99, floor.p99)} the floor (target ≤ 1.3×; median round ${ratio(medianRoundP99(bot), medianRoundP99(acks[0]!))}; burst CPU ${ratio(medianAckCpu(bot), medianAckCpu(acks[0]!))}), peak RSS ${bot.hwmMb.toFixed(0)} MB; ` +
        `100 identical asks: ${quick?.livePersonRequests ?? '?'} LivePerson requests vs ${naive?.livePersonRequests ?? '?'}`
      : 'no bot subject ran',
    file,
  };
}

export const benchmark: Benchmark = {
  name: 'ack-latency',
  description:
    'Ack p50/p95/p99 of 200 concurrent signed /queue requests: the bot vs a bare Bolt app and a handler that awaits LivePerson; peak RSS; LivePerson requests and time to the last answer for 100 identical asks.',
  run,
};
