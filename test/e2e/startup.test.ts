import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './run-main';
import { startBot } from '../../src/main';
import { SlackTokenError } from '../../src/slack/authorize';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { CapturingLogger, SIGNING_SECRET, freePort, startHarness, tempDataDir } from './harness';
import { slashCommandBody } from '../../src/sandbox/payloads';
import { slackSignatureHeaders } from '../../src/sandbox/sign';

async function waitForHealth(url: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('e2e: starting and stopping the bot', function () {
  this.timeout(40_000);

  it('a bot token Slack refuses stops the start with what to fix', async () => {
    const slack = await new FakeSlack({ failures: { 'auth.test': 'invalid_auth' } }).start();
    try {
      await assert.rejects(
        startBot(
          {
            SLACK_BOT_TOKEN: 'xoxb-wrong',
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_API_URL: slack.apiUrl,
            PORT: String(await freePort()),
          },
          { logDestination: new CapturingLogger() },
        ),
        (err: unknown) =>
          err instanceof SlackTokenError && /invalid_auth.*Bot User OAuth Token/.test(err.message),
      );
    } finally {
      await slack.close();
    }
  });

  it('Slack failing auth.test at start does not kill the bot: it authorizes on the next request', async () => {
    const slack = await new FakeSlack({ failures: { 'auth.test': 'fatal_error' } }).start();
    const logger = new CapturingLogger();
    const port = await freePort();
    const data = tempDataDir();
    const bot = await startBot(
      {
        SLACK_BOT_TOKEN: 'xoxb-ok',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        CHARTS: 'off',
        DATA_DIR: data.dir,
      },
      { logDestination: logger },
    );
    try {
      assert.ok(logger.lines.some((l) => /did not answer auth.test/.test(l)));
      slack.failures = {};
      const body = slashCommandBody({ text: 'help', responseUrl: slack.responseUrl('x') });
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...slackSignatureHeaders(SIGNING_SECRET, body),
        },
        body,
      });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /\/queue skill/);
    } finally {
      await bot.stop();
      await slack.close();
      data.remove();
    }
  });

  it('a Slack that takes auth.test and never answers: the bot starts anyway once the call times out', async () => {
    const slack = await new FakeSlack().start();
    slack.delays.set('auth.test', 30_000);
    const logger = new CapturingLogger();
    const data = tempDataDir();
    const started = Date.now();
    const bot = await startBot(
      {
        SLACK_BOT_TOKEN: 'xoxb-ok',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        CHARTS: 'off',
        DATA_DIR: data.dir,
      },
      { logDestination: logger, slackTimeoutMs: 400 },
    );
    try {
      assert.ok(Date.now() - started < 20_000, 'not held until Slack answered');
      assert.ok(logger.lines.some((l) => /did not answer auth.test/.test(l)));
    } finally {
      await bot.stop();
      await slack.close();
      data.remove();
    }
  });

  it('stopping waits for answers already acked, so no placeholder is left behind', async () => {
    const h = await startHarness();
    h.sim.inject({ route: 'metrics', latencyMs: 1500 });
    const r = await h.command('skill billing');
    assert.match(JSON.stringify(r.ack), /Fetching/);
    await h.bot.stop(); // while LivePerson is still answering
    const posts = h.slack.responsesTo(r.responseId);
    assert.equal(posts.length, 1, 'the answer was delivered before stop() resolved');
    assert.match(JSON.stringify(posts[0]!.body), /Waiting in queue/);
    await h.close();
  });

  it('runs as a process: /healthz answers, SIGTERM exits 0', async () => {
    const slack = await new FakeSlack().start();
    const port = await freePort();
    const proc = runMain({
      SLACK_BOT_TOKEN: 'xoxb-process',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`);
      assert.equal(health.status, 'ok');
      proc.child.kill('SIGTERM');
      const code = await proc.exited;
      assert.equal(code, 0, proc.output());
      assert.match(proc.output(), /SIGTERM: shutting down/);
    } finally {
      proc.child.kill('SIGKILL');
      await slack.close();
    }
  });

  it('a malformed variable exits 1 naming it, without a stack trace', async () => {
    const proc = runMain({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' });
    const code = await proc.exited;
    assert.equal(code, 1);
    assert.match(proc.output(), /PORT must be a number between 1 and 65535 \(got 'eighty'\)/);
    assert.ok(!/\n\s+at /.test(proc.output()), proc.output());
  });

  it('a targets file with a mistake exits 1 listing it, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qp-targets-'));
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ account: { csat: { target: '70%', critical: '80%' } } }));
    const proc = runMain({
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      TARGETS_FILE: file,
      PORT: String(await freePort()),
    });
    const code = await proc.exited;
    assert.equal(code, 1);
    assert.match(proc.output(), /account\.csat: critical must be at or below the target/);
    assert.ok(!/\n\s+at /.test(proc.output()), proc.output());
  });
});
