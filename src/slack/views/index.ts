/**
 * The Block Kit views of `/queue`, in one import for listeners and digests.
 */
export type { ReportChart, SlackMessage } from './message';
export { renderReport } from './report';
export type { RenderOptions } from './report';
export { renderFetching, renderStillWaiting } from './fetching';
export { renderHelp, renderUsage } from './usage';
export { USAGE_EXAMPLES, type UsageExample } from './help';
export { renderAmbiguous, renderNotFound } from './not-found';
export { renderProblem, renderWindowProblem } from './problem';
