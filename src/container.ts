/**
 * Builds the bot's services from the configuration: the LivePerson client (against a real
 * account, or against the embedded simulator started in-process), the directory, the report
 * pipeline and the chart delivery. `close()` releases everything (timers, sockets, the simulator).
 */
import type { Logger } from '@slack/bolt';
import type { Config } from './config';
import { createDirectory, type Directory } from './liveperson/directory';
import { createLivePersonClient, type LivePersonClient } from './liveperson/client/client';
import { createReportService, type ReportService } from './reports/report-service';
import { createChartDelivery, type ChartDelivery } from './slack/chart-delivery';
import { DEFAULT_OAUTH as SIMULATOR_OAUTH, startSimulator, type Simulator } from './simulator';

export interface Services {
  client: LivePersonClient;
  directory: Directory;
  reports: ReportService;
  charts: ChartDelivery;
  /** "LivePerson account 123" or "LivePerson simulator (synthetic data)". */
  source: string;
  livePerson: { mode: 'simulator' | 'account'; accountId: string };
  simulator: Simulator | undefined;
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger: Logger;
  now?: () => number;
  /** Simulator port when the simulator runs in-process (0: any free port). */
  simulatorPort?: number;
}

/** Starts what the configuration asks for; the simulator when no LP_ACCOUNT_ID is set. */
export async function createServices(config: Config, opts: ServiceOptions): Promise<Services> {
  const now = opts.now ?? Date.now;
  let simulator: Simulator | undefined;
  let client: LivePersonClient;
  let accountId: string;
  const common = { cacheTtlMs: config.kmmCacheTtlSeconds * 1000, logger: opts.logger, now };
  if (config.livePerson.mode === 'simulator') {
    // The simulator checks OAuth 1.0a like LivePerson does, so the offline path signs for real.
    simulator = await startSimulator({ port: opts.simulatorPort ?? 0, oauth: SIMULATOR_OAUTH, now });
    accountId = simulator.accountId;
    client = createLivePersonClient({ ...common, accountId, csdsUrl: simulator.url, oauth: SIMULATOR_OAUTH });
    opts.logger.info(`No LP_ACCOUNT_ID: running on the LivePerson simulator at ${simulator.url}`);
  } else {
    const lp = config.livePerson;
    accountId = lp.accountId;
    client = createLivePersonClient({
      ...common,
      accountId,
      csdsUrl: lp.csdsUrl,
      ...(lp.oauth ? { oauth: lp.oauth } : {}),
      ...(lp.login ? { login: lp.login } : {}),
    });
  }
  const directory = createDirectory({ source: client, now, logger: opts.logger });
  const source =
    config.livePerson.mode === 'simulator'
      ? 'LivePerson simulator (synthetic data)'
      : `LivePerson account ${accountId}`;
  const reports = createReportService({ client, directory, now, source, loadScale: config.loadScale });
  const charts = createChartDelivery({ mode: config.charts, quickchartUrl: config.quickchartUrl });
  return {
    client,
    directory,
    reports,
    charts,
    source,
    livePerson: { mode: config.livePerson.mode, accountId },
    simulator,
    async close() {
      await client.close();
      await simulator?.close();
    },
  };
}
