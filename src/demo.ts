/**
 * `npm run demo`: the whole product offline. The sandbox page plays Slack (and receives the bot's
 * Web API calls), the bot runs on the embedded LivePerson simulator, charts render locally.
 * Any variable already in the environment wins, so `CHARTS=off npm run demo` works.
 */
import { randomBytes } from 'node:crypto';
import { startBot, type RunningBot, type StartOptions } from './main';
import { startSandbox, type Sandbox } from './sandbox/sandbox-server';

export interface Demo {
  bot: RunningBot;
  sandbox: Sandbox;
  stop(): Promise<void>;
}

/** Starts the sandbox, then the bot pointed at it (Bolt checks its token with the sandbox at start). */
export async function startDemo(
  env: Record<string, string | undefined>,
  opts: StartOptions & { port: number; sandboxPort: number },
): Promise<Demo> {
  const signingSecret = randomBytes(16).toString('hex');
  const sandbox = await startSandbox({
    port: opts.sandboxPort,
    botEventsUrl: `http://127.0.0.1:${opts.port}/slack/events`,
    signingSecret,
  });
  try {
    const bot = await startBot(
      {
        CHARTS: 'upload',
        ...env,
        // The demo is offline by definition: never a real account or Slack, whatever .env says.
        LP_ACCOUNT_ID: '',
        SLACK_APP_TOKEN: '',
        SLACK_BOT_TOKEN: 'xoxb-sandbox-demo',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: sandbox.slack.apiUrl,
        PORT: String(opts.port),
      },
      opts,
    );
    return {
      bot,
      sandbox,
      async stop() {
        await bot.stop();
        await sandbox.close();
      },
    };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4020);
  const demo = await startDemo(process.env, { port, sandboxPort });
  console.log(`
  Queue Pulse demo is running.
    Sandbox (Slack stand-in):  ${demo.sandbox.url}      ← open this, type /queue skill billing
    Bot:                       http://127.0.0.1:${port}/slack/events  (health: /healthz)
    LivePerson simulator:      ${demo.bot.container.simulator?.url ?? '—'}  (account ${demo.bot.container.livePerson.accountId})
  Ctrl-C to stop.
`);
  const stop = () => {
    void demo.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`The demo could not start: ${(err as Error).message}`);
    process.exit(1);
  });
}
