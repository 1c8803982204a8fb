/**
 * Fakes for unit-testing exported listener handlers without Bolt or a network: a QueueContext
 * whose conversation records what would be sent, a report service stub, and Bolt-shaped args.
 */
import sinon from 'sinon';
import type { Digest } from '../../../src/domain/digest';
import type { ReportOutcome } from '../../../src/domain/outcome';
import { needsTimezone, type WindowSpec } from '../../../src/domain/window';
import type { ReportService, RunOptions } from '../../../src/reports/report-service';
import { createLogger } from '../../../src/shared/logger';
import { ACTION_STATE_CODEC, type StoredState } from '../../../src/slack/action-ref';
import type { Outbox } from '../../../src/slack/outbox';
import type { ChartDelivery } from '../../../src/slack/chart-delivery';
import type { QueueContext } from '../../../src/slack/context';
import type { Conversation } from '../../../src/slack/conversation';
import { InFlight } from '../../../src/slack/in-flight';
import type { ListenerDeps } from '../../../src/slack/listeners/deps';
import type { SlackMessage } from '../../../src/slack/views';
import { MemoryRepository, memoryStore } from '../../fixtures/memory-store';
import { MemoryDigestService } from '../../fixtures/memory-digests';
import type { HomeView } from '@slack/types';
import type { SendResult } from '../../../src/slack/outbox';
import { HOME_SNAPSHOT_CODEC, type HomeSnapshot } from '../../../src/slack/home/home-service';
import { Watches, WATCHES_CODEC, type Watch } from '../../../src/slack/home/watches';
import { matchName } from '../../../src/liveperson/name-match';
import { billingResponse, buildReport, skillQuery, SOURCE } from '../../fixtures/reports';

/** The directory the fakes resolve digest scope names in. */
export const SKILLS = [
  { id: '1001', name: 'Billing' },
  { id: '1002', name: 'Sales' },
  { id: '1003', name: 'Support Hardware' },
  { id: '1004', name: 'Support Software' },
];
export const GROUPS = [
  { id: '-1', name: 'Main Group', parentId: null },
  { id: '11', name: 'Tier 1', parentId: '-1' },
];

/** Every call the handler made, in order: ack, timezone, run, replace, answer, note. */
export type Event = [string, ...unknown[]];

export interface Fakes {
  events: Event[];
  ctx: QueueContext;
  deps: ListenerDeps;
  actionState: MemoryRepository<StoredState>;
  /** App Home publications (user id, view). */
  publishHome: sinon.SinonStub<[string, HomeView], Promise<SendResult>>;
  run: sinon.SinonStub<[unknown, RunOptions?], Promise<ReportOutcome>>;
  logLines: string[];
  context: Record<string, unknown>;
  ack: sinon.SinonStub;
  sent(kind: 'replace' | 'answer' | 'note' | 'postPublic'): SlackMessage[];
}

export function fakes(outcome: ReportOutcome | (() => Promise<ReportOutcome>)): Fakes {
  const events: Event[] = [];
  const logLines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (l: string) => logLines.push(l) } });
  const ok = { ok: true as const };
  const conversation = {
    target: { userId: 'U1', channelId: 'C1', messageTs: '1700000000.000100', messageEphemeral: true },
    postPublic: sinon.spy((m: SlackMessage) => {
      events.push(['postPublic', m]);
      return Promise.resolve(ok);
    }),
    replace: sinon.spy((m: SlackMessage, o?: unknown) => {
      events.push(['replace', m, o]);
      return Promise.resolve(ok);
    }),
    answer: sinon.spy((m: SlackMessage, o?: unknown) => {
      events.push(['answer', m, o]);
      return Promise.resolve(ok);
    }),
    note: sinon.spy((m: SlackMessage) => {
      events.push(['note', m]);
      return Promise.resolve(ok);
    }),
  };
  const ctx: QueueContext = {
    requestId: 'r1',
    surface: 'action',
    teamId: 'T1',
    userId: 'U1',
    channelId: 'C1',
    log,
    now: () => Date.UTC(2026, 10, 25, 15, 0),
    timezone: () => {
      events.push(['timezone']);
      return Promise.resolve('Europe/Berlin');
    },
    conversation: conversation as unknown as Conversation,
    // Listeners answer through the conversation; a direct outbox call would be a bug here.
    outbox: {} as Outbox,
  };
  const run = sinon.stub<[unknown, RunOptions?], Promise<ReportOutcome>>().callsFake(async (query, opts) => {
    events.push(['run', query, opts]);
    // As the report service does: the zone is asked for only when the window reads the wall clock.
    const q = query as { window?: WindowSpec };
    if (q.window && needsTimezone(q.window) && typeof opts?.timezone === 'function') await opts.timezone();
    return typeof outcome === 'function' ? outcome() : outcome;
  });
  const reports: ReportService = { run };
  const charts: ChartDelivery = { chartFor: () => Promise.resolve(undefined) };
  const actionState = new MemoryRepository<StoredState>(ACTION_STATE_CODEC);
  const store = memoryStore();
  const digests = new MemoryDigestService(() => Date.UTC(2026, 10, 25, 15, 0));
  const publishHome = sinon.stub<[string, HomeView], Promise<SendResult>>().resolves({ ok: true });
  const deps: ListenerDeps = {
    reports,
    charts,
    inFlight: new InFlight(),
    actionState,
    source: 'Simulator',
    stillWaitingAfterMs: [],
    claims: store,
    digests,
    directory: {
      findSkill: (q) => Promise.resolve(matchName(q, SKILLS)),
      findGroup: (q) => Promise.resolve(matchName(q, GROUPS)),
    },
    digestAdmins: new Set<string>(),
    workspaceAdmins: { isAdmin: () => Promise.resolve(false) },
    modals: {
      open: () => Promise.resolve({ ok: true, viewId: 'V1' }),
      update: () => Promise.resolve({ ok: true, viewId: 'V1' }),
    },
    defaultTimezone: 'UTC',
    home: {
      reports,
      watches: new Watches(new MemoryRepository<Watch[]>(WATCHES_CODEC), store),
      snapshots: new MemoryRepository<HomeSnapshot>(HOME_SNAPSHOT_CODEC),
      store,
      outbox: { publishHome },
      source: 'Simulator',
      now: () => Date.UTC(2026, 10, 25, 15, 0),
      digests,
    },
  };
  const ack = sinon.spy((m?: unknown) => {
    events.push(['ack', m]);
    return Promise.resolve();
  });
  return {
    events,
    ctx,
    deps,
    publishHome,
    actionState,
    run,
    logLines,
    context: { queuePulse: ctx },
    ack: ack as unknown as sinon.SinonStub,
    sent: (kind) => events.filter((e) => e[0] === kind).map((e) => e[1] as SlackMessage),
  };
}

/** A weekday 17:00 summary of the whole account over 8 h, saved in team T1 for `owner` (default U1). */
export function addDigest(
  f: Fakes,
  opts: { owner?: string; channelId?: string; zone?: string } = {},
): Promise<Digest> {
  return f.deps.digests.add(
    {
      channelId: opts.channelId ?? 'C1',
      schedule: { days: { kind: 'weekdays' }, hour: 17, minute: 0, zone: opts.zone ?? 'UTC' },
      windowMs: 8 * 3_600_000,
      scope: { kind: 'account' },
      chart: true,
    },
    { teamId: 'T1', userId: opts.owner ?? 'U1' },
  );
}

/** The kinds of events, in order: ['ack', 'run', 'answer']. */
export const order = (f: Fakes) => f.events.map((e) => e[0]);

/** All text of a message's blocks. */
export const textOf = (m: SlackMessage | undefined) => JSON.stringify(m?.blocks ?? []);

/** A real skill report (Billing, from the KMM fixture), as the report service would return it. */
export function skillReportOutcome(): ReportOutcome {
  return {
    kind: 'report',
    report: buildReport({
      query: skillQuery('billing'),
      scope: { id: '1001', name: 'Billing' },
      responses: billingResponse(),
      fetchedAt: 0,
      source: SOURCE,
    }),
  };
}
