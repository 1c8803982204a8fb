/**
 * `npm run demo`: the whole product offline. The sandbox page plays Slack (and receives the bot's
 * Web API calls), the bot runs on the embedded LivePerson simulator, charts render locally.
 * Any variable already in the environment wins, so `CHARTS=off npm run demo` works.
 */
import { randomBytes } from 'node:crypto';
import { startBot } from './main';
import { startSandbox } from './sandbox/sandbox-server';

async function demo(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4020);
  const signingSecret = randomBytes(16).toString('hex');
  const sandbox = await startSandbox({
    port: sandboxPort,
    botEventsUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret,
  });
  const bot = await startBot({
    CHARTS: 'upload',
    ...process.env,
    // The demo is offline by definition: never a real account or Slack, whatever .env says.
    LP_ACCOUNT_ID: '',
    SLACK_APP_TOKEN: '',
    SLACK_BOT_TOKEN: 'xoxb-sandbox-demo',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: sandbox.slack.apiUrl,
    PORT: String(port),
  });
  console.log(`
  Queue Pulse demo is running.
    Sandbox (Slack stand-in):  ${sandbox.url}      ← open this, type /queue skill billing
    Bot:                       http://127.0.0.1:${port}/slack/events  (health: /healthz)
    LivePerson simulator:      ${bot.services.simulator?.url ?? '—'}  (account ${bot.services.livePerson.accountId})
  Ctrl-C to stop.
`);
  const stop = () => {
    void bot
      .stop()
      .then(() => sandbox.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

demo().catch((err: unknown) => {
  console.error(`The demo could not start: ${(err as Error).message}`);
  process.exit(1);
});
