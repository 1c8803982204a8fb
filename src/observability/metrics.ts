/**
 * The bot's Prometheus metrics, on a registry of its own (not prom-client's global one, so one
 * process can hold many bots, as the tests do): Node's process metrics, and ours under
 * `queue_pulse_`. Each family implements an observer port of the module it watches (LivePerson
 * client, Slack client and outbox, scheduler, ack timing), so those modules never see prom-client.
 *
 * Labels are fixed vocabularies (kinds, method names, outcomes, Slack's error words, cache
 * names): never a team, user, channel, skill, digest, token or anything a user typed.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type {
  LivePersonCache,
  LivePersonMethod,
  LivePersonObserver,
  LivePersonOutcome,
} from '../liveperson/client/observer';
import type { DigestObserver, DigestOutcome } from '../schedule/digest-observer';
import { ACK_KINDS, type AckKind } from '../slack/ack-timing';
import type { SlackApiObserver } from '../slack/observed-client';

const PREFIX = 'queue_pulse_';

/** From a few ms (the goal) to Slack's 3 s limit and past it. */
export const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
/** One LivePerson exchange: tens of ms on a good day, up to the background budget's timeouts. */
const LIVEPERSON_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40];
/** A digest's post after its fire time: seconds when all is well, up to the 15 min grace window. */
const LATENESS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 900, 1800];

const DIGEST_OUTCOMES: readonly DigestOutcome[] = [
  'posted',
  'missed',
  'paused',
  'retry',
  'already_posted',
  'claimed_elsewhere',
  'error',
];
const CACHES: readonly LivePersonCache[] = ['kmm', 'directory'];

export interface Metrics {
  /** What GET /metrics serves. */
  readonly registry: Registry;
  readonly livePerson: LivePersonObserver;
  readonly slackApi: SlackApiObserver;
  readonly digests: DigestObserver;
  readonly ack: (kind: AckKind, seconds: number) => void;
}

/** A fresh registry with every metric the bot records. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const ackSeconds = new Histogram({
    name: `${PREFIX}slack_ack_seconds`,
    help: 'Time from Bolt taking a Slack request to the bot acknowledging it, by kind of request.',
    labelNames: ['kind'] as const,
    buckets: ACK_BUCKETS,
    registers,
  });
  for (const kind of ACK_KINDS) ackSeconds.zero({ kind });

  const lpRequests = new Counter({
    name: `${PREFIX}liveperson_requests_total`,
    help: 'HTTP exchanges with LivePerson (each retry counts), by method and outcome.',
    labelNames: ['method', 'outcome'] as const,
    registers,
  });
  const lpSeconds = new Histogram({
    name: `${PREFIX}liveperson_request_duration_seconds`,
    help: 'Duration of one HTTP exchange with LivePerson, answer parsed, by method.',
    labelNames: ['method'] as const,
    buckets: LIVEPERSON_BUCKETS,
    registers,
  });

  const cacheHits = new Counter({
    name: `${PREFIX}cache_hits_total`,
    help: 'Look-ups answered from a cache, by cache (kmm: LivePerson answers; directory: skills and agent groups).',
    labelNames: ['cache'] as const,
    registers,
  });
  const cacheMisses = new Counter({
    name: `${PREFIX}cache_misses_total`,
    help: 'Look-ups a cache could not answer, by cache.',
    labelNames: ['cache'] as const,
    registers,
  });
  const counts = new Map<LivePersonCache, { hits: number; misses: number }>(
    CACHES.map((c) => [c, { hits: 0, misses: 0 }]),
  );
  for (const cache of CACHES) {
    cacheHits.inc({ cache }, 0);
    cacheMisses.inc({ cache }, 0);
  }
  new Gauge({
    name: `${PREFIX}cache_hit_ratio`,
    help: 'Hits over look-ups since the start, by cache (rate(hits) / rate(hits + misses) for a window).',
    labelNames: ['cache'] as const,
    registers,
    collect() {
      for (const [cache, c] of counts) {
        const total = c.hits + c.misses;
        this.set({ cache }, total === 0 ? 0 : c.hits / total);
      }
    },
  });

  const digestOutcomes = new Counter({
    name: `${PREFIX}digest_outcomes_total`,
    help: 'Scheduled digest occurrences worked on, by what became of them.',
    labelNames: ['outcome'] as const,
    registers,
  });
  for (const outcome of DIGEST_OUTCOMES) digestOutcomes.inc({ outcome }, 0);
  const digestLateness = new Histogram({
    name: `${PREFIX}digest_lateness_seconds`,
    help: 'Seconds after its fire time that a scheduled digest was posted.',
    buckets: LATENESS_BUCKETS,
    registers,
  });

  const slackCalls = new Counter({
    name: `${PREFIX}slack_api_calls_total`,
    help: 'Slack Web API calls (and response_url posts) the bot made, by method.',
    labelNames: ['method'] as const,
    registers,
  });
  const slackErrors = new Counter({
    name: `${PREFIX}slack_api_errors_total`,
    help: "Failed Slack calls, by method and Slack's error code (ratelimited, channel_not_found, http_500, ...).",
    labelNames: ['method', 'error'] as const,
    registers,
  });
  const slackRetries = new Counter({
    name: `${PREFIX}slack_api_retries_total`,
    help: 'Slack calls sent again after Slack rate-limited them, by method.',
    labelNames: ['method'] as const,
    registers,
  });

  return {
    registry,
    livePerson: {
      request(method: LivePersonMethod, outcome: LivePersonOutcome, seconds: number) {
        lpRequests.inc({ method, outcome });
        lpSeconds.observe({ method }, seconds);
      },
      cache(cache: LivePersonCache, hit: boolean) {
        (hit ? cacheHits : cacheMisses).inc({ cache });
        const c = counts.get(cache);
        if (c) c[hit ? 'hits' : 'misses'] += 1;
      },
    },
    slackApi: {
      call: (method) => slackCalls.inc({ method }),
      error: (method, error) => slackErrors.inc({ method, error }),
      retry: (method) => slackRetries.inc({ method }),
    },
    digests: {
      outcome: (outcome) => digestOutcomes.inc({ outcome }),
      lateness: (seconds) => digestLateness.observe(seconds),
    },
    ack: (kind, seconds) => ackSeconds.observe({ kind }, seconds),
  };
}
