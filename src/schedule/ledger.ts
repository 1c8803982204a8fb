/**
 * The delivery ledger: for each digest occurrence, who is posting it (an atomic claim with a
 * lease, in the shared store) and whether it reached Slack (a record with the post's ts). An
 * occurrence is posted only by the holder of its claim, and never once it is recorded; a holder
 * that died leaves an attempt behind, so the next one looks in the channel before posting again.
 */
import { z } from 'zod';
import type { Occurrence } from '../domain/digest';
import type { RecordCodec, Repository, Store } from '../store/store';

/** What became of an occurrence. */
export interface Delivery {
  outcome: 'posted' | 'missed' | 'failed';
  /** The post's ts, when it was posted. */
  ts?: string;
  channel: string;
  at: number;
  late?: boolean;
}

/** How long a record is kept: past any grace window or catch-up look-back. */
export const LEDGER_TTL_MS = 30 * 24 * 3_600_000;

const delivery = z.object({
  outcome: z.enum(['posted', 'missed', 'failed']),
  ts: z.string().max(40).optional(),
  channel: z.string().max(40),
  at: z.number(),
  late: z.boolean().optional(),
});
export const DELIVERY_CODEC: RecordCodec<Delivery> = {
  version: 1,
  decode: (raw) => {
    const r = delivery.safeParse(raw);
    return r.success ? (JSON.parse(JSON.stringify(r.data)) as Delivery) : undefined;
  },
};
export const ATTEMPT_CODEC: RecordCodec<number> = {
  version: 1,
  decode: (raw) => (typeof raw === 'number' ? raw : undefined),
};

const keyOf = (o: Occurrence): string => `${o.digestId}:${o.key}`;

export class Ledger {
  constructor(
    private readonly claims: Pick<Store, 'claim' | 'release' | 'renew'>,
    private readonly deliveries: Repository<Delivery>,
    private readonly attempts: Repository<number>,
  ) {}

  delivered(o: Occurrence): Promise<Delivery | undefined> {
    return this.deliveries.get(keyOf(o));
  }

  /** The one right to post `o` for `leaseMs`; false while another holds it. */
  claim(o: Occurrence, leaseMs: number): Promise<boolean> {
    return this.claims.claim(`occurrence:${keyOf(o)}`, leaseMs);
  }

  /** Keeps our claim for another `leaseMs`; false when it lapsed (another may be posting). */
  renew(o: Occurrence, leaseMs: number): Promise<boolean> {
    return this.claims.renew(`occurrence:${keyOf(o)}`, leaseMs);
  }

  release(o: Occurrence): Promise<void> {
    return this.claims.release(`occurrence:${keyOf(o)}`);
  }

  /** Notes that posting started, returning when an earlier holder had started it too. */
  async startAttempt(o: Occurrence, now: number): Promise<number | undefined> {
    const earlier = await this.attempts.get(keyOf(o));
    await this.attempts.set(keyOf(o), now, LEDGER_TTL_MS);
    return earlier;
  }

  record(o: Occurrence, d: Delivery): Promise<void> {
    return this.deliveries.set(keyOf(o), d, LEDGER_TTL_MS);
  }
}
