/**
 * The Block Kit views of `/queue`, in one import for listeners and digests.
 */
export type { ReportChart, SlackMessage } from './message';
export { renderReport } from './report';
export type { RenderOptions } from './report';
export { renderFetching } from './fetching';
export { renderHelp, renderUsage } from './usage';
export { USAGE_EXAMPLES, type UsageExample } from './help';
export {
  renderAmbiguous,
  renderNotFound,
  PICK_ACTION_PATTERN,
  PICK_GROUP_ACTION,
  PICK_SKILL_ACTION,
} from './not-found';
export { renderProblem, renderWindowProblem } from './problem';
export { decodeButtonValue, encodeButtonValue } from './button-value';
export type { ButtonValue } from './button-value';
export { PAGE_NEXT_ACTION, PAGE_PREV_ACTION } from './ranking';
