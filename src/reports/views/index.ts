/**
 * The Block Kit views of `/queue`, in one import for listeners and digests.
 */
export type { ReportChart, SlackMessage } from './message';
export { renderReport } from './render-report';
export type { RenderOptions } from './render-report';
export { renderFetching } from './fetching';
export { renderHelp, renderUsage, DEFAULT_USAGE_EXAMPLES } from './usage';
export type { UsageExample } from './usage';
export {
  renderAmbiguous,
  renderNotFound,
  PICK_ACTION_PATTERN,
  PICK_GROUP_ACTION,
  PICK_SKILL_ACTION,
} from './not-found';
export type { Candidate } from './not-found';
export { renderProblem } from './problem';
export type { ProblemLogger } from './problem';
export { decodeButtonValue, encodeButtonValue } from './button-value';
export type { ButtonValue } from './button-value';
export { PAGE_NEXT_ACTION, PAGE_PREV_ACTION, pageInfo } from './ranking';
