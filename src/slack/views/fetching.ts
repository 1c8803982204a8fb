/**
 * The short state shown inside the 3-second ack while LivePerson is asked.
 */
import { safeText } from './mrkdwn';
import type { ReportQuery } from '../../domain/query';
import { section } from './blocks';
import type { SlackMessage } from './message';
import { fallbackText, responseTypeOf } from './message';
import { RANK_TITLES } from './ranking-titles';

/** Longest echoed name in the fetching line. */
const NAME_WIDTH = 200;

function what(query: ReportQuery): string {
  switch (query.kind) {
    case 'overview':
      return 'the queue overview';
    case 'skill':
      return `*${safeText(query.name, NAME_WIDTH)}*`;
    case 'group':
      return `group *${safeText(query.name, NAME_WIDTH)}*`;
    case 'ranking':
      return `${query.dimension === 'skills' ? 'skills' : 'agent groups'} by ${RANK_TITLES[query.by]}`;
    case 'agents':
      return `the agents of ${query.of === 'group' ? 'group ' : ''}*${safeText(query.name, NAME_WIDTH)}*`;
    case 'trend': {
      if (query.of === 'account' || query.name === undefined) return 'the trend of the whole account';
      const name = `*${safeText(query.name, NAME_WIDTH)}*`;
      return `the trend of ${query.of === 'group' ? `group ${name}` : name}`;
    }
  }
}

/** "Fetching *Billing*…": the ack while the report is built. */
export function renderFetching(query: ReportQuery): SlackMessage {
  const line = `:hourglass_flowing_sand: Fetching ${what(query)}…`;
  return { text: fallbackText(line), blocks: [section(line)], response_type: responseTypeOf(query) };
}

/**
 * The placeholder once LivePerson has been slow for a while: the answer is still coming, and it
 * will replace this message; so the lead does not give up or ask again.
 */
export function renderStillWaiting(query: ReportQuery, waitedMs: number): SlackMessage {
  const seconds = Math.max(1, Math.round(waitedMs / 1000));
  const line =
    `:hourglass: Still waiting on LivePerson for ${what(query)} (${seconds} s so far). ` +
    'It is slow right now; the report will replace this message.';
  return { text: fallbackText(line), blocks: [section(line)], response_type: responseTypeOf(query) };
}
