/**
 * The targets file (TARGETS_FILE): the account's service targets and each skill's own, in the
 * words a lead uses ("queueWait": target 2m, critical 5m), read once at start. Whatever is not in
 * the file keeps its default. A file that cannot be read or says something impossible stops the
 * start with every problem listed: a wrong target would put green marks on breached queues.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../config';
import type { MetricId } from '../domain/metrics';
import { DEFAULT_TARGETS, skillNameKey, type SkillTargets, type Targets } from '../domain/targets';
import type { Threshold, Thresholds } from '../domain/thresholds';
import { isRecord } from '../shared/guards';

/** The file's names for the metrics that have targets, and how each is written. */
const TARGET_METRICS = {
  queueWait: { metric: 'queueWaitP90', unit: 'duration' },
  avgWait: { metric: 'avgWait', unit: 'duration' },
  overdue: { metric: 'overdueInQueue', unit: 'count' },
  humanLoad: { metric: 'humanLoad', unit: 'percent' },
  csat: { metric: 'csat', unit: 'share' },
  firstResponse: { metric: 'avgWaitFirstResponse', unit: 'duration' },
  timeToResponse: { metric: 'avgTimeToResponse', unit: 'duration' },
} as const satisfies Record<string, { metric: MetricId; unit: 'duration' | 'count' | 'percent' | 'share' }>;
type TargetName = keyof typeof TARGET_METRICS;

/** CSAT is the one target where lower is worse. */
const LOWER_IS_WORSE: ReadonlySet<MetricId> = new Set(['csat']);

const limitValue = z.union([z.number(), z.string()]);
const limitPair = z.object({ target: limitValue, critical: limitValue }).strict();
const limitsShape = {
  queueWait: limitPair.optional(),
  avgWait: limitPair.optional(),
  overdue: limitPair.optional(),
  humanLoad: limitPair.optional(),
  csat: limitPair.optional(),
  firstResponse: limitPair.optional(),
  timeToResponse: limitPair.optional(),
} satisfies Record<TargetName, unknown>;
const limitsSchema = z.object(limitsShape).strict();
const fileSchema = z
  .object({
    account: limitsSchema
      .extend({ waitingWithNoFreeSlots: z.enum(['warn', 'critical']).optional() })
      .strict()
      .optional(),
    skills: z.record(z.string(), limitsSchema).optional(),
  })
  .strict();

const DURATION = /^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$/i;

/** "90s", "2m", "1m30s", "1h"; a bare number is seconds. In ms. */
function durationMs(v: number | string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v * 1000 : undefined;
  const m = DURATION.exec(v);
  if (!m || !(m[1] || m[2] || m[3])) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** "85%" or 0.85, as a ratio; a load may pass 100 %, a share (CSAT) may not. */
function ratio(v: number | string, max: number): number | undefined {
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  const r = typeof v === 'number' ? v : m ? Number(m[1]) / 100 : NaN;
  return Number.isFinite(r) && r >= 0 && r <= max ? r : undefined;
}

function count(v: number | string): number | undefined {
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

const READERS = {
  duration: durationMs,
  percent: (v: number | string) => ratio(v, 10),
  share: (v: number | string) => ratio(v, 1),
  // A target of 0 overdue would mark every queue yellow: at least one.
  count: (v: number | string) => {
    const n = count(v);
    return n !== undefined && n >= 1 ? n : undefined;
  },
};
const HOW: Record<keyof typeof READERS, string> = {
  duration: 'a duration such as "90s", "2m" or "1m30s"',
  percent: 'a percentage such as "85%"',
  share: 'a percentage from 0% to 100%',
  count: 'a whole number, 1 or more',
};

function readLimits(
  raw: Partial<Record<string, { target: number | string; critical: number | string }>>,
  where: string,
  problems: string[],
): SkillTargets {
  const out: SkillTargets = {};
  for (const [name, pair] of Object.entries(raw)) {
    if (!pair) continue;
    const { metric, unit } = TARGET_METRICS[name as TargetName];
    const read = READERS[unit];
    const target = read(pair.target);
    const critical = read(pair.critical);
    if (target === undefined || critical === undefined) {
      problems.push(`${where}.${name}: target and critical must each be ${HOW[unit]}.`);
      continue;
    }
    const worse: Threshold['worse'] = LOWER_IS_WORSE.has(metric) ? 'lower' : 'higher';
    const ordered = worse === 'higher' ? critical >= target : critical <= target;
    if (!ordered) {
      problems.push(
        `${where}.${name}: critical must be ${worse === 'higher' ? 'at or above' : 'at or below'} the target.`,
      );
      continue;
    }
    out[metric] = { worse, warn: target, critical };
  }
  return out;
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.join('.') || '(top level)';
    if (i.code === 'unrecognized_keys')
      return `${path}: unknown ${i.keys.length === 1 ? 'key' : 'keys'} ${i.keys.join(', ')} (targets: ${Object.keys(TARGET_METRICS).join(', ')}).`;
    return `${path}: ${i.message}.`;
  });
}

/** Parses the targets file's text; throws ConfigError listing every problem. Pure. */
export function parseTargets(text: string, file = 'TARGETS_FILE'): Targets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${file} is not valid JSON: ${(error as Error).message}`]);
  }
  const rawSkills = isRecord(json) && isRecord(json.skills) ? Object.keys(json.skills) : [];
  // JSON.parse keeps "__proto__" as a key; a record schema would drop it without a word.
  if (rawSkills.includes('__proto__'))
    throw new ConfigError([`${file} skills: "__proto__" cannot name a skill.`]);
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(zodProblems(parsed.error).map((p) => `${file} ${p}`));
  const problems: string[] = [];
  const { waitingWithNoFreeSlots, ...accountLimits } = parsed.data.account ?? {};
  const account: Thresholds = {
    byMetric: { ...DEFAULT_TARGETS.account.byMetric, ...readLimits(accountLimits, 'account', problems) },
    waitingWithNoSlots: waitingWithNoFreeSlots ?? DEFAULT_TARGETS.account.waitingWithNoSlots,
  };
  const skills: Record<string, SkillTargets> = Object.create(null) as Record<string, SkillTargets>;
  for (const [key, limits] of Object.entries(parsed.data.skills ?? {})) {
    const id = /^\d+$/.test(key.trim()) ? key.trim() : skillNameKey(key);
    if (!id) {
      problems.push('skills: a skill needs its id or name as the key.');
      continue;
    }
    if (Object.hasOwn(skills, id)) {
      problems.push(`skills.${key}: the same skill is named twice (names match in any case).`);
      continue;
    }
    skills[id] = readLimits(limits, `skills.${key}`, problems);
  }
  if (problems.length) throw new ConfigError(problems.map((p) => `${file} ${p}`));
  return { account, skills };
}

/** Reads and parses the targets file; DEFAULT_TARGETS when no file is configured. */
export async function loadTargets(path: string | undefined): Promise<Targets> {
  if (!path) return DEFAULT_TARGETS;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([`TARGETS_FILE '${path}' cannot be read (${code}).`]);
  }
  return parseTargets(text, `TARGETS_FILE '${path}'`);
}
