/**
 * Builds and publishes a user's App Home: the account's headline and each watched skill or group's,
 * over the last hour. LivePerson is asked at most once a minute per user, on every instance (a
 * claim in the shared store); within the minute the figures last fetched are shown again, so a
 * lead flicking between tabs costs nothing.
 */
import pLimit from 'p-limit';
import { z } from 'zod';
import type { ReportQuery } from '../../domain/query';
import { DEFAULT_WINDOW } from '../../domain/window';
import type { ReportService } from '../../reports/report-service';
import { Deadline } from '../../shared/deadline';
import type { AppLogger } from '../../shared/logger';
import type { RecordCodec, Repository, Store } from '../../store/store';
import type { Outbox } from '../outbox';
import { headlineText } from '../views/headline';
import { USAGE_EXAMPLES } from '../views/help';
import { renderHome, type HomeDigest, type HomeItem } from '../views/home';
import type { DigestService } from '../../schedule/digest-service';
import type { Watch, Watches } from './watches';

/** How often one user's Home may ask LivePerson. */
export const HOME_REFRESH_MS = 60_000;
/** How long a Home build waits for LivePerson in all. */
export const HOME_BUDGET_MS = 20_000;
/** Watched scopes asked at the same time. */
const HOME_CONCURRENCY = 4;

type Figures = NonNullable<HomeItem['figures']>;

/** The figures last fetched for one user's Home. */
export interface HomeSnapshot {
  fetchedAt: number;
  account?: string;
  /** By `${of}:${id}`. */
  items: Record<string, Figures>;
}

const figures = z.union([
  z.object({ kind: z.literal('headline'), text: z.string().max(3000) }),
  z.object({ kind: z.enum(['gone', 'unavailable']) }),
]);
const snapshot = z.object({
  fetchedAt: z.number(),
  account: z.string().max(3000).optional(),
  items: z.record(z.string(), figures),
});

export const HOME_SNAPSHOT_CODEC: RecordCodec<HomeSnapshot> = {
  version: 1,
  decode: (raw) => {
    const r = snapshot.safeParse(raw);
    return r.success ? (JSON.parse(JSON.stringify(r.data)) as HomeSnapshot) : undefined;
  },
};

export interface HomeDeps {
  reports: ReportService;
  /** The user's shift summaries, listed on Home. */
  digests?: Pick<DigestService, 'listForUser' | 'nextFire'>;
  watches: Watches;
  snapshots: Repository<HomeSnapshot>;
  store: Pick<Store, 'claim'>;
  outbox: Pick<Outbox, 'publishHome'>;
  source: string;
  now: () => number;
}

export interface HomeRequest {
  teamId: string | undefined;
  userId: string;
  log: AppLogger;
  timezone: () => Promise<string>;
}

const scopeKey = (w: Watch): string => `${w.scope.of}:${w.scope.id}`;

async function fetchFigures(
  deps: HomeDeps,
  req: HomeRequest,
  watches: readonly Watch[],
): Promise<HomeSnapshot> {
  const deadline = Deadline.after(HOME_BUDGET_MS);
  const limit = pLimit(HOME_CONCURRENCY);
  const options = { window: DEFAULT_WINDOW, public: false } as const;
  const headlineOf = async (query: ReportQuery, id?: string): Promise<Figures> => {
    try {
      const outcome = await deps.reports.run(query, {
        timezone: req.timezone,
        deadline,
        ...(id ? { id } : {}),
      });
      if (outcome.kind === 'report') return { kind: 'headline', text: headlineText(outcome.report) };
      return outcome.kind === 'not-found' || outcome.kind === 'ambiguous'
        ? { kind: 'gone' }
        : { kind: 'unavailable' };
    } catch (err) {
      req.log.warn('App Home: a headline could not be fetched', { error: (err as Error).message });
      return { kind: 'unavailable' };
    }
  };
  const [account, ...items] = await Promise.all([
    limit(() => headlineOf({ kind: 'overview', ...options })),
    ...watches.map((w) =>
      limit(() => headlineOf({ kind: w.scope.of, name: w.name, ...options }, w.scope.id)),
    ),
  ]);
  const snap: HomeSnapshot = { fetchedAt: deps.now(), items: {} };
  if (account?.kind === 'headline') snap.account = account.text;
  watches.forEach((w, i) => (snap.items[scopeKey(w)] = items[i]!));
  return snap;
}

/** The user's digests, by next post; none when they cannot be read (Home still goes out). */
async function digestsOf(deps: HomeDeps, req: HomeRequest): Promise<HomeDigest[]> {
  if (!deps.digests || !req.teamId) return [];
  try {
    const now = deps.now();
    return (await deps.digests.listForUser(req.teamId, req.userId)).map((digest) => {
      const next = deps.digests!.nextFire(digest, now);
      return next === undefined ? { digest } : { digest, next };
    });
  } catch (err) {
    req.log.warn('App Home: could not list the digests', { error: (err as Error).message });
    return [];
  }
}

async function publish(
  deps: HomeDeps,
  req: HomeRequest,
  watches: readonly Watch[],
  snap: HomeSnapshot | undefined,
  throttled: boolean,
): Promise<void> {
  const view = renderHome({
    digests: await digestsOf(deps, req),
    examples: USAGE_EXAMPLES,
    source: deps.source,
    ...(snap?.account ? { account: snap.account } : {}),
    ...(snap ? { fetchedAt: snap.fetchedAt } : {}),
    throttled,
    items: watches.map((w) => {
      const f = snap?.items[scopeKey(w)];
      return { scope: w.scope, name: w.name, ...(f ? { figures: f } : {}) };
    }),
  });
  const r = await deps.outbox.publishHome(req.userId, view);
  if (!r.ok) req.log.warn('App Home could not be published', { reason: r.reason, detail: r.detail });
}

/**
 * Publishes the Home of `req.userId`: at once with what is known, then again with fresh figures
 * when this is the first build of the minute. Never throws: a store that cannot answer still
 * gets the user a Home (without watches or figures), and the fetched figures are published
 * before they are saved.
 */
export async function refreshHome(deps: HomeDeps, req: HomeRequest): Promise<void> {
  const key = `${req.teamId ?? '-'}:${req.userId}`;
  const attempt = async <T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      req.log.error(`App Home: could not ${what}`, { error: (err as Error).message });
      return fallback;
    }
  };
  try {
    const watches = await attempt('read the watch list', () => deps.watches.list(req.teamId, req.userId), []);
    const last = await attempt('read the last figures', () => deps.snapshots.get(key), undefined);
    // A store that cannot say whether LivePerson was asked this minute: do not ask it.
    const mayFetch = await attempt(
      'check the once-a-minute rule',
      () => deps.store.claim(`home-fetch:${key}`, HOME_REFRESH_MS),
      false,
    );
    if (!mayFetch) return await publish(deps, req, watches, last, true);
    // What is known first: LivePerson may take a few seconds, and an empty tab looks broken.
    await publish(deps, req, watches, last, false);
    const fresh = await fetchFigures(deps, req, watches);
    // The list as it is now: a Watch or Unwatch while the figures were fetched must not be undone.
    const now = await attempt(
      'read the watch list',
      () => deps.watches.list(req.teamId, req.userId),
      watches,
    );
    await publish(deps, req, now, fresh, false);
    await attempt('save the figures', () => deps.snapshots.set(key, fresh, 24 * 3_600_000), undefined);
  } catch (err) {
    req.log.error('App Home could not be built', { error: (err as Error).message });
  }
}
