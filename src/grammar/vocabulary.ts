/**
 * The words of the `/queue` grammar (compared case-insensitively, via keyOf) and the phrases
 * accepted after `by`.
 */
import { RANK_METRICS, type CompareWith, type RankMetric } from '../domain/query';

export const HELP_WORDS: ReadonlySet<string> = new Set([
  'help',
  '-h',
  '--help',
  '-help',
  '--h',
  '?',
  '-?',
  '/?',
  '/help',
  'usage',
]);
/** `/queue digest …`: scheduled shift summaries. */
export const DIGEST_WORDS: ReadonlySet<string> = new Set(['digest', 'digests']);
export const OVERVIEW_WORDS: ReadonlySet<string> = new Set(['overview', 'account', 'summary']);
export const HUMAN_WORDS: ReadonlySet<string> = new Set(['humans', 'human']);
export const BOT_WORDS: ReadonlySet<string> = new Set(['bots', 'bot']);
export const PUBLIC_WORDS: ReadonlySet<string> = new Set(['public', 'publicly']);

/** `vs yesterday`, `versus last week`: compare the period with an earlier window. */
export const COMPARE_WORDS: ReadonlySet<string> = new Set(['vs', 'vs.', 'versus']);

/** Keywords that take an argument: they always end an unquoted name. */
export const ARGUMENT_WORDS: ReadonlySet<string> = new Set(['last', 'since', 'by', 'top', ...COMPARE_WORDS]);
/** Keywords that stand alone: they end a name only at its tail ("Bot Triage" keeps its "Bot"). */
export const FLAG_WORDS: ReadonlySet<string> = new Set([
  'today',
  'yesterday',
  ...HUMAN_WORDS,
  ...BOT_WORDS,
  ...PUBLIC_WORDS,
]);

/** `top5` written as one word. */
export const TOP_GLUED = /^top(\d+)$/;

/** True for any grammar keyword that can end an unquoted name. */
export function isKeyword(key: string): boolean {
  return ARGUMENT_WORDS.has(key) || FLAG_WORDS.has(key) || TOP_GLUED.test(key);
}

export type ReportWord = 'skill' | 'skills' | 'group' | 'groups';

// Maps, not object literals: user words such as "constructor" must not find inherited properties.
const REPORT_WORDS: ReadonlyMap<string, ReportWord> = new Map([
  ['skill', 'skill'],
  ['skills', 'skills'],
  ['group', 'group'],
  ['groups', 'groups'],
  ['agent-group', 'group'],
  ['agent-groups', 'groups'],
  ['agentgroup', 'group'],
  ['agentgroups', 'groups'],
  ['agent_group', 'group'],
  ['agent_groups', 'groups'],
]);

/** `skill`, `groups`, `agent group` … at keys[0] (and keys[1]), with how many words it took. */
export function reportWordAt(
  keys: readonly (string | undefined)[],
): { word: ReportWord; width: number } | undefined {
  const [first = '', second = ''] = keys;
  if ((first === 'agent' || first === 'agents') && (second === 'group' || second === 'groups')) {
    return { word: second, width: 2 };
  }
  const word = REPORT_WORDS.get(first);
  return word ? { word, width: 1 } : undefined;
}

/** Words a mistyped first word is compared with ("skils" → skills). */
export const COMMAND_VOCABULARY: readonly string[] = [
  'skill',
  'skills',
  'group',
  'groups',
  'help',
  'overview',
  'humans',
  'bots',
  'public',
  'today',
  'yesterday',
  'last',
  'since',
  'digest',
];

/** Phrases accepted after `by`, beyond the metric names themselves. */
const METRIC_PHRASES: ReadonlyMap<string, RankMetric> = new Map<string, RankMetric>([
  ...RANK_METRICS.map((m): [string, RankMetric] => [m, m]),
  ...Object.entries({
    queued: 'queue',
    waiting: 'queue',
    'in queue': 'queue',
    'queue length': 'queue',
    'queue size': 'queue',
    unassigned: 'queue',
    backlog: 'queue',
    waits: 'wait',
    'wait time': 'wait',
    'wait times': 'wait',
    'waiting time': 'wait',
    'avg wait': 'wait',
    'average wait': 'wait',
    'agent load': 'load',
    utilization: 'load',
    utilisation: 'load',
    occupancy: 'load',
    closes: 'closed',
    'closed conversations': 'closed',
    'conversations closed': 'closed',
    responses: 'response',
    'response time': 'response',
    'response times': 'response',
    'first response': 'response',
    'time to response': 'response',
    satisfaction: 'csat',
    'customer satisfaction': 'csat',
    sla: 'overdue',
    'sla breaches': 'overdue',
    breaches: 'overdue',
    'overdue conversations': 'overdue',
  } satisfies Record<string, RankMetric>),
]);
const LONGEST_METRIC_PHRASE = 3;

/** The ranking metric named by the first words (longest phrase wins), or undefined. */
export function metricAt(keys: readonly string[]): { metric: RankMetric; consumed: number } | undefined {
  for (let n = Math.min(keys.length, LONGEST_METRIC_PHRASE); n >= 1; n--) {
    const metric = METRIC_PHRASES.get(keys.slice(0, n).join(' '));
    if (metric) return { metric, consumed: n };
  }
  return undefined;
}

/** Phrases accepted after `vs`. */
const COMPARE_PHRASES: ReadonlyMap<string, CompareWith> = new Map<string, CompareWith>([
  ['yesterday', 'yesterday'],
  ['last week', 'week'],
  ['lastweek', 'week'],
  ['a week ago', 'week'],
  ['week', 'week'],
]);
const LONGEST_COMPARE_PHRASE = 3;

/** The earlier window named by the first words after `vs` (longest phrase wins), or undefined. */
export function compareAt(keys: readonly string[]): { with: CompareWith; consumed: number } | undefined {
  for (let n = Math.min(keys.length, LONGEST_COMPARE_PHRASE); n >= 1; n--) {
    const found = COMPARE_PHRASES.get(keys.slice(0, n).join(' '));
    if (found) return { with: found, consumed: n };
  }
  return undefined;
}
