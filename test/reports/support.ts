/** One report run through the real report service, client and directory against a simulator. */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { ReportOutcome } from '../../src/domain/outcome';
import type { ReportQuery } from '../../src/domain/query';
import { parseCommand } from '../../src/grammar/parser';
import { isMetricsQuery } from '../../src/domain/query';
import type { LivePersonClient } from '../../src/liveperson/client/client';
import { createDirectory } from '../../src/liveperson/directory';
import { createReportService, type RunOptions } from '../../src/reports/report-service';
import { DEFAULT_OAUTH, type Simulator } from '../../src/simulator';
import { T0, clientFor } from '../liveperson/support/sim';

export interface RunReportOptions {
  /** Replace client methods (sinon stubs) before the run. */
  prepare?: (client: LivePersonClient) => void;
  now?: () => number;
  trends?: boolean;
  /** Options of the run itself (page, id …). */
  run?: RunOptions;
  /** The asker's zone (default UTC). */
  timezone?: string;
  /** A skill or group id already resolved (a "Did you mean" button). */
  id?: string;
  /** Any outcome is returned, not only a report. */
  anyOutcome?: boolean;
}

/** Runs `query` (one a button carries: an agents list, a trend) as the bot would, whatever the outcome. */
export async function runQuery(
  sim: Simulator,
  query: ReportQuery,
  opts: RunReportOptions = {},
): Promise<{ outcome: ReportOutcome; warn: sinon.SinonSpy }> {
  const client = clientFor(sim, { oauth: DEFAULT_OAUTH, cacheTtlMs: 0 });
  opts.prepare?.(client);
  const warn = sinon.spy();
  try {
    const directory = createDirectory({ source: client, logger: { warn: () => undefined } });
    const reports = createReportService({
      client,
      directory,
      now: opts.now ?? (() => T0),
      source: 'test',
      log: { warn },
      ...(opts.trends ? { trends: true } : {}),
    });
    const outcome = await reports.run(query, {
      ...opts.run,
      ...(opts.timezone ? { timezone: opts.timezone } : {}),
      ...(opts.id ? { id: opts.id } : {}),
    });
    if (opts.anyOutcome === false) assert.equal(outcome.kind, 'report');
    return { outcome, warn };
  } finally {
    await client.close();
  }
}

/** Runs `text` as the bot would; the outcome must be a report. `warn` records the service's log. */
export async function runReport(
  sim: Simulator,
  text: string,
  opts: RunReportOptions = {},
): Promise<{ outcome: ReportOutcome; warn: sinon.SinonSpy }> {
  const parsed = parseCommand(text);
  assert.ok(isMetricsQuery(parsed), text);
  const result = await runQuery(sim, parsed, opts);
  assert.equal(result.outcome.kind, 'report');
  return result;
}
