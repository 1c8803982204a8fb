/**
 * Humans first: LivePerson counts bots among the agents online and their slots among the free
 * ones, so a bot-heavy skill looks staffed while its people are full. The figures a lead acts on
 * are the humans'; bots get their own line. LivePerson answers for everyone and, asked again with
 * `userTypes: [BOT]`, for the bots; the humans are the difference. Pure.
 */
import type { MetricRow, MetricsAnswer, MetricValues } from './metrics';

/** Whom a report's agent figures count: people (the default), bots, or both when the split failed. */
export type AgentsCounted = 'humans' | 'bots' | 'everyone';

/**
 * Whom the agent figures of `values` count. With no audience asked, they are the humans' once
 * split (botsOnline is then present); without the bots' answer they still count everyone.
 */
export function agentsCounted(audience: 'humans' | 'bots' | undefined, values: MetricValues): AgentsCounted {
  if (audience) return audience;
  return values.agentsOnline === undefined || values.botsOnline !== undefined ? 'humans' : 'everyone';
}

/** The agent figures that count bots unless split (human load is the humans' already). */
export const PRESENCE_METRICS = ['agentsOnline', 'agentsBackSoon', 'agentsAway', 'freeSlots'] as const;

/** One row's values with the bots taken out of the presence figures and named on their own. */
export function splitValues(all: MetricValues, bots: MetricValues | undefined): MetricValues {
  const out: MetricValues = { ...all };
  for (const m of PRESENCE_METRICS) {
    const total = all[m];
    if (total === undefined) continue;
    // The two answers are read a moment apart: never show fewer than no humans.
    out[m] = Math.max(0, total - (bots?.[m] ?? 0));
  }
  // A scope the bots' answer left out has no bots in it.
  if (all.agentsOnline !== undefined) out.botsOnline = bots?.agentsOnline ?? 0;
  if (all.freeSlots !== undefined) out.botFreeSlots = bots?.freeSlots ?? 0;
  return out;
}

/** Everyone's answer with its bots split out, row by row and in the totals. */
export function splitBots(all: MetricsAnswer, bots: MetricsAnswer): MetricsAnswer {
  const botRows = new Map(bots.rows.map((r) => [r.id, r.values]));
  const rows: MetricRow[] = all.rows.map((r) => ({ ...r, values: splitValues(r.values, botRows.get(r.id)) }));
  const out: MetricsAnswer = { ...all, rows };
  if (all.totals) out.totals = splitValues(all.totals, bots.totals);
  return out;
}
