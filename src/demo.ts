/**
 * `npm run demo`: the whole product offline. The sandbox page plays Slack (and receives the bot's
 * Web API calls), the bot runs on the embedded LivePerson simulator, charts render locally, and
 * the page's clock control moves the bot's clock (container.now) so a digest can be seen firing.
 * Any variable already in the environment wins, so `CHARTS=off npm run demo` works, except those
 * that would reach the internet or a real workspace.
 */
import { randomBytes } from 'node:crypto';
import { ConfigError } from './config';
import type { DigestDraft } from './domain/digest';
import { startBot, type RunningBot, type StartOptions } from './main';
import { fastForward, offsetClock, type OffsetClock } from './sandbox/clock';
import { SANDBOX_USER, startSandbox, type Sandbox } from './sandbox/sandbox-server';

export interface Demo {
  bot: RunningBot;
  sandbox: Sandbox;
  /** The bot's clock: `now` plus what the page (or a test) fast-forwarded. */
  clock: OffsetClock;
  stop(): Promise<void>;
}

export interface DemoOptions extends StartOptions {
  port: number;
  sandboxPort: number;
  /** Sets up one daily shift summary in #support-leads when it has none (the CLI does). */
  seedDigest?: boolean;
}

/** Which of the demo's servers could not start, so the one-line error names it. */
export class DemoPortError extends Error {
  constructor(
    readonly what: 'sandbox' | 'bot',
    readonly port: number,
  ) {
    const variable = what === 'sandbox' ? 'SANDBOX_PORT' : 'PORT';
    super(
      `Port ${port} is already in use, so the ${what === 'sandbox' ? 'sandbox page' : 'bot'} cannot start. ` +
        `Is another \`npm run demo\` running? Stop it, or pick another port: ${variable}=${port + 1} npm run demo`,
    );
    this.name = 'DemoPortError';
  }
}

const isAddressInUse = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EADDRINUSE';

/**
 * Charts only as local PNGs (or none): a QuickChart URL would send the chart's data to
 * quickchart.io, and the demo promises nothing leaves the machine. A QuickChart on this machine is fine.
 */
export function offlineCharts(env: Record<string, string | undefined>): 'upload' | 'off' | 'quickchart' {
  const mode = (env.CHARTS ?? 'upload').toLowerCase();
  if (mode === 'off') return 'off';
  if (mode === 'quickchart' && env.QUICKCHART_URL) {
    try {
      if (['127.0.0.1', 'localhost', '[::1]'].includes(new URL(env.QUICKCHART_URL).hostname))
        return 'quickchart';
    } catch {
      // readConfig says what is wrong with it.
    }
  }
  return 'upload';
}

/** The demo's shift summary: the account, daily at 17:00 in the bot's default zone. */
export function demoDigest(channelId: string, zone: string): DigestDraft {
  return {
    channelId,
    schedule: { days: { kind: 'daily' }, hour: 17, minute: 0, zone },
    windowMs: 8 * 3_600_000,
    scope: { kind: 'account' },
    chart: true,
  };
}

/** Starts the sandbox, then the bot pointed at it (Bolt checks its token with the sandbox at start). */
export async function startDemo(env: Record<string, string | undefined>, opts: DemoOptions): Promise<Demo> {
  const signingSecret = randomBytes(16).toString('hex');
  const clock = offsetClock(opts.now ?? Date.now);
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port: opts.sandboxPort,
      botEventsUrl: `http://127.0.0.1:${opts.port}/slack/events`,
      signingSecret,
    });
  } catch (err) {
    if (isAddressInUse(err)) throw new DemoPortError('sandbox', opts.sandboxPort);
    throw err;
  }
  let bot: RunningBot;
  try {
    bot = await startBot(
      {
        LOG_LEVEL: 'warn',
        ...env,
        CHARTS: offlineCharts(env),
        // The demo is offline by definition: never a real account or Slack, whatever .env says.
        LP_ACCOUNT_ID: '',
        SLACK_APP_TOKEN: '',
        SLACK_BOT_TOKEN: 'xoxb-sandbox-demo',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: sandbox.slack.apiUrl,
        PORT: String(opts.port),
      },
      { ...opts, now: clock.now },
    );
  } catch (err) {
    await sandbox.close();
    if (isAddressInUse(err)) throw new DemoPortError('bot', opts.port);
    throw err;
  }
  const { container } = bot;
  const team = 'T0001';
  const channels = () => [
    ...new Set([...sandbox.channels.map((c) => c.id), ...sandbox.workspace.channelsSeen()]),
  ];
  /** The earliest fire after `after` of any digest in the sandbox's channels. */
  const nextFire = async (after: number): Promise<number | undefined> => {
    const lists = await Promise.all(channels().map((c) => container.digests.listForChannel(team, c)));
    const fires = lists.flat().flatMap((d) => {
      const at = container.digests.nextFire(d, after);
      return at === undefined ? [] : [at];
    });
    return fires.length ? Math.min(...fires) : undefined;
  };
  sandbox.setClock({
    now: clock.now,
    offsetMs: clock.offsetMs,
    nextDigest: () => nextFire(clock.now()),
    async advance(ms) {
      await fastForward({ clock, nextFire, tick: () => container.scheduler.tick() }, ms);
    },
  });
  if (opts.seedDigest) {
    const home = sandbox.channels[0]!.id;
    if ((await container.digests.listForChannel(team, home)).length === 0)
      await container.digests.add(demoDigest(home, bot.config.defaultTimezone), {
        teamId: team,
        userId: SANDBOX_USER.id,
      });
  }
  return {
    bot,
    sandbox,
    clock,
    async stop() {
      await bot.stop();
      await sandbox.close();
    },
  };
}

/** What runs where, and how to stop it. */
export function banner(demo: Demo): string {
  const { bot, sandbox } = demo;
  const lp = bot.container.simulator?.url ?? '—';
  const charts =
    bot.config.charts === 'upload'
      ? 'drawn on this machine, served by the sandbox'
      : bot.config.charts === 'off'
        ? 'off (CHARTS=off)'
        : `from ${bot.config.quickchartUrl}`;
  return [
    '',
    '  Queue Pulse demo: Slack and LivePerson stand-ins on this machine; nothing reaches the internet.',
    '',
    `    Open  ${sandbox.url}   the sandbox page (Slack stand-in): type /queue skill billing`,
    `          Home tab, DMs, modals and a clock control to fast-forward to the next digest are there too.`,
    '',
    `    Bot                    http://127.0.0.1:${bot.config.port}/slack/events   (PORT; health at /healthz)`,
    `    Sandbox + fake Slack   ${sandbox.url}   (SANDBOX_PORT; Web API at /api/, response_url at /response/)`,
    `    LivePerson simulator   ${lp}   (account ${bot.container.livePerson.accountId}, synthetic traffic)`,
    `    Store                  ${bot.container.store.where}`,
    `    Charts                 ${charts}`,
    `    Bot logs               level ${bot.config.logLevel} (LOG_LEVEL=info npm run demo for more)`,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4020);
  const demo = await startDemo(process.env, { port, sandboxPort, seedDigest: true });
  console.log(banner(demo));
  const stop = () => {
    console.log('  Stopping the demo…');
    void demo.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    // A newcomer's first command: one line that says what to do, never a stack trace.
    const message =
      err instanceof DemoPortError || err instanceof ConfigError
        ? err.message
        : `The demo could not start: ${(err as Error).message}`;
    console.error(message);
    process.exit(1);
  });
}
