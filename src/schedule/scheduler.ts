/**
 * The digest scheduler: node-cron ticks every minute on every instance; each tick reads the digests
 * from the shared store (so an added, edited, paused or removed digest counts at once, everywhere),
 * works out which occurrences are due in the digest's own zone, and posts each through the ledger:
 * claimed atomically first, posted by the one holder, recorded with the post's ts.
 *
 * - Late: a fire missed by at most the grace window (15 min) is posted once, marked late; a claim
 *   whose holder died is taken over after its lease, after looking in the channel for the post
 *   the holder may have made just before dying.
 * - Missed: on start, fires older than the grace window since the last tick any instance made
 *   become one "missed" note per digest, never a burst of old summaries.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Digest, Occurrence } from '../domain/digest';
import { occurrencesBetween, sharedOccurrences } from '../domain/occurrences';
import type { AppLogger } from '../shared/logger';
import type { RecordCodec, Repository } from '../store/store';
import type { DigestObserver, DigestOutcome } from './digest-observer';
import type { DigestRunner } from './digest-runner';
import type { DigestStore } from './digest-store';
import { runInLanes } from './lanes';
import type { Ledger } from './ledger';

/** How late a fire may still be posted. */
export const DEFAULT_GRACE_MS = 15 * 60_000;
/** How long a claim keeps others off: longer than building and posting one summary may take. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** A post this long after its fire time says it is late. */
export const LATE_AFTER_MS = 2 * 60_000;
/** How far back a start looks for fires missed while every instance was down. */
export const MISSED_LOOK_BACK_MS = 7 * 24 * 3_600_000;
/**
 * Occurrences worked on at once in a tick. Each channel is a lane (its posts one after another, as
 * Slack takes one a second per channel anyway), so a worker waiting out a channel's pacing or a
 * 429 holds only that channel up; LivePerson's load is capped by its client, not by this.
 */
export const CONCURRENCY = 16;

export const HEARTBEAT_CODEC: RecordCodec<number> = {
  version: 1,
  decode: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined),
};
const HEARTBEAT_KEY = 'last-tick';

export interface SchedulerDeps {
  digests: Pick<DigestStore, 'list'>;
  ledger: Ledger;
  runner: Pick<DigestRunner, 'deliver' | 'findPosted'>;
  /** One note in the channel for fires missed beyond the grace window. */
  missedNote: (digest: Digest, missed: { from: number; to: number; count: number }) => Promise<void>;
  /** When any instance last ticked (shared): what a start measures missed fires from. */
  heartbeat: Repository<number>;
  now: () => number;
  log: AppLogger;
  graceMs?: number;
  leaseMs?: number;
  /** Occurrences posted at once in a tick (default CONCURRENCY). */
  concurrency?: number;
  /** Told what became of each occurrence worked on (/metrics). */
  observer?: DigestObserver;
}

/** What one occurrence came to in a tick: an outcome, a late post, or nothing to do (done before). */
type Step = DigestOutcome | 'late' | 'done';

export interface TickResult {
  posted: Occurrence[];
  late: Occurrence[];
  /** Past the grace window, never started: noted as missed. */
  missed: Occurrence[];
  skipped: number;
}

export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SchedulerDeps) {}

  private get graceMs(): number {
    return this.deps.graceMs ?? DEFAULT_GRACE_MS;
  }

  private get leaseMs(): number {
    return this.deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Catches up, then ticks at the start of every minute until stopped. */
  start(): Promise<void> {
    // Ticking starts at once; the catch-up and the first tick run in the background, so a store
    // or Slack that is slow or away at start-up delays digests, not the bot.
    this.task = cron.schedule('* * * * *', () => this.tickQuietly(), {
      name: 'queue-pulse-digests',
      noOverlap: true,
    });
    this.running = this.catchUp()
      .then(() => this.tick())
      .then(
        () => undefined,
        (err: unknown) => this.deps.log.error('digest catch-up failed', { error: (err as Error).message }),
      );
    return Promise.resolve();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = undefined;
    await this.running;
  }

  private tickQuietly(): Promise<void> {
    const run = this.tick().then(
      () => undefined,
      (err: unknown) => this.deps.log.error('digest tick failed', { error: (err as Error).message }),
    );
    // stop() waits for every tick still running, the start-up one included.
    const earlier = this.running;
    this.running = Promise.all([earlier, run]);
    return run;
  }

  /** Posts every occurrence due now (or within the grace window) that nobody has posted. */
  async tick(now = this.deps.now()): Promise<TickResult> {
    const result: TickResult = { posted: [], late: [], missed: [], skipped: 0 };
    const digests = (await this.deps.digests.list()).filter((d) => !d.paused);
    // A lease outlives the grace window's edge: a claim taken just before it ran out is still
    // taken over when its holder died.
    const from = now - this.graceMs - this.leaseMs;
    // Fires before a digest's last change are not its own: a resumed digest does not post what
    // came due while it was paused, an edited one not what its old schedule would have.
    const firesOf = sharedOccurrences();
    const queue = digests
      .flatMap((d) =>
        firesOf(d.id, d.schedule, Math.max(from, d.updatedAt), now).map((o) => ({
          digest: d,
          occurrence: o,
        })),
      )
      // Oldest fire first in every channel: a late summary goes before the current one.
      .sort((a, b) => a.occurrence.at - b.occurrence.at);
    // Not in fixed batches: a batch waits for its slowest post, and a channel's pacing or a 429
    // (a second or more) would hold up every other channel in it.
    await runInLanes(
      queue,
      (q) => q.digest.channelId,
      this.deps.concurrency ?? CONCURRENCY,
      async ({ digest, occurrence }) => {
        const r = await this.post(digest, occurrence, now);
        if (r !== 'done') this.deps.observer?.outcome(r === 'late' ? 'posted' : r);
        if (r === 'posted') result.posted.push(occurrence);
        else if (r === 'late') result.late.push(occurrence);
        else if (r === 'missed') result.missed.push(occurrence);
        else result.skipped += 1;
      },
    );
    // Fires nobody could post in time (the store was away, every tick failed): one note each.
    for (const digest of digests) {
      const missed = result.missed.filter((o) => o.digestId === digest.id);
      if (missed.length) await this.noteMissed(digest, missed);
    }
    await this.beat(now);
    return result;
  }

  private async beat(now: number): Promise<void> {
    try {
      const last = await this.deps.heartbeat.get(HEARTBEAT_KEY);
      if (last === undefined || now > last) await this.deps.heartbeat.set(HEARTBEAT_KEY, now);
    } catch (err) {
      this.deps.log.warn('could not record the scheduler heartbeat', { error: (err as Error).message });
    }
  }

  /**
   * One occurrence, exactly once: claim, look, post, record. Never throws: a store or Slack that
   * cannot answer leaves the occurrence for the next tick, and the tick goes on with the others.
   */
  private async post(digest: Digest, o: Occurrence, tickAt: number): Promise<Step> {
    const { ledger, log } = this.deps;
    let claimed = false;
    try {
      if (await ledger.delivered(o)) return 'done';
      // Older than the grace window and never started: missed while everyone was down (a start's
      // catch-up notes it); only a claim taken over from a holder that died is still posted.
      const pastGrace = tickAt - o.at > this.graceMs;
      if (!(await ledger.claim(o, this.leaseMs))) return 'claimed_elsewhere';
      claimed = true;
      // Someone may have finished between our look and our claim.
      if (await ledger.delivered(o)) return 'already_posted';
      const attempted = await ledger.startAttempt(o, tickAt);
      if (pastGrace && attempted === undefined) {
        await ledger.record(o, { outcome: 'missed', channel: digest.channelId, at: tickAt });
        return 'missed';
      }
      if (attempted !== undefined) {
        // A holder before us started and did not record: its post may be in the channel. A look
        // that fails throws, and the occurrence waits for the next tick rather than risk a double.
        const ts = await this.deps.runner.findPosted(digest, o);
        if (ts) {
          await ledger.record(o, { outcome: 'posted', ts, channel: digest.channelId, at: tickAt });
          log.info('digest occurrence was posted by an instance that stopped; recorded', {
            digest: digest.id,
            occurrence: o.key,
          });
          return 'already_posted';
        }
      }
      // Measured when this post goes out, not when the tick began: a long tick's last posts are late.
      const age = this.deps.now() - o.at;
      const late = age > LATE_AFTER_MS;
      const r = await this.deps.runner.deliver(digest, o, { late }, () => ledger.renew(o, this.leaseMs));
      const at = this.deps.now();
      if (r.kind === 'claim-lost') {
        log.warn('digest not posted: its claim lapsed while it was built; another instance has it', {
          digest: digest.id,
          occurrence: o.key,
        });
        return 'claimed_elsewhere';
      }
      if (r.kind === 'posted') {
        await ledger.record(o, {
          outcome: 'posted',
          channel: digest.channelId,
          at,
          ...(r.ts ? { ts: r.ts } : {}),
          ...(late ? { late } : {}),
        });
        log.info('digest posted', { digest: digest.id, occurrence: o.key, lateMs: Math.max(0, at - o.at) });
        this.deps.observer?.lateness(Math.max(0, at - o.at) / 1000);
        return late ? 'late' : 'posted';
      }
      if (r.kind === 'channel-lost') {
        await ledger.record(o, { outcome: 'failed', channel: digest.channelId, at });
        return 'paused';
      }
      if (at - o.at > this.graceMs) {
        // Still failing past the grace window: it is given up, and the channel hears it was missed.
        log.error('digest not posted within the grace window; noted as missed', {
          digest: digest.id,
          detail: r.detail,
        });
        await ledger.record(o, { outcome: 'missed', channel: digest.channelId, at });
        return 'missed';
      }
      log.warn('digest not posted; trying again next minute', { digest: digest.id, detail: r.detail });
      await ledger.release(o);
      return 'retry';
    } catch (err) {
      log.error('digest occurrence failed; trying again next minute', {
        digest: digest.id,
        error: (err as Error).message,
      });
      if (claimed) await ledger.release(o).catch(() => undefined);
      return 'error';
    }
  }

  /**
   * Fires missed while every instance was down, older than the grace window: each becomes
   * "missed" in the ledger, and each digest gets one note about them. Recent ones are left to the
   * first tick, which posts them late.
   */
  async catchUp(now = this.deps.now()): Promise<number> {
    const last = await this.deps.heartbeat.get(HEARTBEAT_KEY);
    if (last === undefined) return 0;
    const from = Math.max(last, now - MISSED_LOOK_BACK_MS);
    const until = now - this.graceMs;
    if (until <= from) return 0;
    let noted = 0;
    for (const digest of await this.deps.digests.list()) {
      if (digest.paused) continue;
      const mine: Occurrence[] = [];
      for (const o of occurrencesBetween(
        digest.id,
        digest.schedule,
        Math.max(from, digest.updatedAt),
        until,
      )) {
        if (await this.deps.ledger.delivered(o)) continue;
        // Two instances starting together must not both note it.
        if (!(await this.deps.ledger.claim(o, this.leaseMs))) continue;
        if (await this.deps.ledger.delivered(o)) continue;
        // An instance that stopped may have posted it just before: then it was not missed.
        if ((await this.deps.ledger.startAttempt(o, now)) !== undefined) {
          const ts = await this.deps.runner.findPosted(digest, o).catch(() => undefined);
          if (ts) {
            await this.deps.ledger.record(o, { outcome: 'posted', ts, channel: digest.channelId, at: now });
            this.deps.observer?.outcome('already_posted');
            continue;
          }
        }
        await this.deps.ledger.record(o, { outcome: 'missed', channel: digest.channelId, at: now });
        this.deps.observer?.outcome('missed');
        mine.push(o);
      }
      if (mine.length === 0) continue;
      noted += mine.length;
      await this.noteMissed(digest, mine);
    }
    return noted;
  }

  private async noteMissed(digest: Digest, missed: readonly Occurrence[]): Promise<void> {
    const count = missed.length;
    try {
      await this.deps.missedNote(digest, { from: missed[0]!.at, to: missed[count - 1]!.at, count });
    } catch (err) {
      this.deps.log.warn('could not post the missed note', {
        digest: digest.id,
        error: (err as Error).message,
      });
    }
  }
}
