/**
 * The synthetic account in one object: roster, shifts, traffic and a small cache of snapshots
 * (a frozen clock asks for the same instant again and again).
 */
import { buildContactCenter, type ContactCenter, type RosterNames } from './contact-center';
import { ShiftModel } from './shifts';
import { takeSnapshot, type Snapshot } from './snapshot';
import { TrafficModel } from './traffic';

const SNAPSHOTS_KEPT = 8;

export class Simulation {
  readonly center: ContactCenter;
  readonly shifts: ShiftModel;
  readonly traffic: TrafficModel;
  private readonly snapshots = new Map<number, Snapshot>();

  constructor(opts: { accountId: string; seed: number; extraSkills?: number; names?: RosterNames }) {
    this.center = buildContactCenter({
      accountId: opts.accountId,
      ...(opts.extraSkills === undefined ? {} : { extraSkills: opts.extraSkills }),
      ...(opts.names ? { names: opts.names } : {}),
    });
    this.shifts = new ShiftModel(this.center, opts.seed);
    this.traffic = new TrafficModel(this.center, this.shifts, opts.seed);
  }

  /** The open conversations and agent loads at `now`. */
  snapshot(now: number): Snapshot {
    const hit = this.snapshots.get(now);
    if (hit) return hit;
    const snap = takeSnapshot(this.center, this.shifts, this.traffic, now);
    if (this.snapshots.size >= SNAPSHOTS_KEPT) this.snapshots.delete(this.snapshots.keys().next().value!);
    this.snapshots.set(now, snap);
    return snap;
  }
}
