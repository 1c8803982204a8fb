/**
 * Name resolution answers: a name matched nothing (with suggestions), or several things (pick one).
 * Each candidate gets a button carrying its id and the original query, so a click re-runs the
 * query without resolving the name again.
 */
import type { KnownBlock } from '@slack/types';
import type { Named } from '../../domain/outcome';
import { namedScope, type NamedQuery } from '../../domain/query';
import { formatCount } from '../../shared/number-format';
import { safeText } from './mrkdwn';
import { actions, button, section } from './blocks';
import { actionId, encodeActionValue } from '../action-ref';
import type { SlackMessage } from './message';
import { fallbackText } from './message';

/** "Did you mean" offers at most this many. */
export const MAX_SUGGESTIONS = 5;
/** Ambiguous matches get a button each up to this many; the rest are counted, not hidden. */
export const MAX_CANDIDATES = 10;

const TYPED_WIDTH = 200;
/** All pick values together stay within this, so ten buttons leave room in the message budget. */
const PICK_VALUES_BUDGET = 6000;
const NAME_WIDTH = 100;

function noun(kind: 'skill' | 'group', plural = false): string {
  const one = kind === 'skill' ? 'skill' : 'agent group';
  return plural ? `${one}s` : one;
}

/** "*A*", "*A* or *B*", "*A*, *B* or *C*". */
function orList(names: readonly string[]): string {
  const bold = names.map((n) => `*${safeText(n, NAME_WIDTH)}*`);
  if (bold.length <= 1) return bold.join('');
  return `${bold.slice(0, -1).join(', ')} or ${bold[bold.length - 1]}`;
}

function pickButtons(candidates: readonly Named[], query: NamedQuery): KnownBlock[] {
  if (candidates.length === 0) return [];
  const maxValue = Math.floor(PICK_VALUES_BUDGET / candidates.length);
  const buttons = candidates.map((c, i) =>
    button(
      safeText(c.name, 75),
      actionId('pick', i),
      encodeActionValue({ kind: 'pick', query, id: c.id }, maxValue),
    ),
  );
  return [actions(buttons, `pick_${namedScope(query).kind}_choices`)];
}

/**
 * "No skill called 'biling'. Did you mean *Billing*?" with a button per suggestion; a pick re-runs
 * the query asked (the skill's report, its agents or its trend).
 */
export function renderNotFound(query: NamedQuery, suggestions: readonly Named[]): SlackMessage {
  const shown = suggestions.slice(0, MAX_SUGGESTIONS);
  const named = namedScope(query);
  const missing = `No ${noun(named.kind)} called '${safeText(named.name.trim(), TYPED_WIDTH)}'.`;
  const line = shown.length
    ? `${missing} Did you mean ${orList(shown.map((s) => s.name))}?`
    : `${missing} Check the spelling, or type part of the name.`;
  return {
    text: fallbackText(line),
    blocks: [section(`:mag: ${line}`), ...pickButtons(shown, query)],
    response_type: 'ephemeral',
  };
}

/** "'tech support' matches several skills: …" with a button each. */
export function renderAmbiguous(query: NamedQuery, candidates: readonly Named[]): SlackMessage {
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const named = namedScope(query);
  const rest = candidates.length - shown.length;
  const more = rest > 0 ? ` …and ${formatCount(rest)} more; type more of the name to narrow it down.` : '';
  const line =
    `'${safeText(named.name.trim(), TYPED_WIDTH)}' matches several ${noun(named.kind, true)}: ` +
    `${shown.map((c) => `*${safeText(c.name, NAME_WIDTH)}*`).join(', ')}.${more} Which one?`;
  return {
    text: fallbackText(line),
    blocks: [section(`:point_down: ${line}`), ...pickButtons(shown, query)],
    response_type: 'ephemeral',
  };
}
