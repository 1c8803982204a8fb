/**
 * An unwritable DATA_DIR refuses the start with what to fix, also as root (CI runs as root, and
 * root writes through chmod): a DATA_DIR beneath a regular file, or under /proc, where mkdir
 * fails whoever asks. `startBot` rejects naming DATA_DIR; `npm start` prints it and exits 1
 * without a stack trace, before it listens or calls Slack.
 *
 * Covered elsewhere: openStore's messages for each way a DATA_DIR fails, the chmod one for
 * non-root users (test/store/keyv-store); a malformed variable exiting 1 (test/e2e/startup).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBot } from '../../src/main';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { StoreError } from '../../src/store/store';
import { BOT_TOKEN, CapturingLogger, SIGNING_SECRET, freePort } from '../e2e/harness';
import { runMain } from '../e2e/run-main';

const HINT = /set DATA_DIR to a directory the bot may write, or set REDIS_URL to keep state in Redis/;

describe('resilience: an unwritable DATA_DIR', function () {
  this.timeout(30_000);
  let dir: string;
  let slack: FakeSlack;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'qp-data-dir-'));
    writeFileSync(path.join(dir, 'a-file'), 'not a directory');
    slack = await new FakeSlack().start();
  });
  after(async () => {
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const CASES = [
    { what: 'beneath a regular file', dataDir: () => path.join(dir, 'a-file', 'data'), reason: /ENOTDIR/ },
    // Node's own recursive mkdir never returns there: a DATA_DIR under /proc once hung the start.
    { what: 'under /proc', dataDir: () => '/proc/queue-pulse-test/data', reason: /ENOENT/ },
  ];

  it('startBot refuses a DATA_DIR beneath a regular file, naming it and what to fix', async () => {
    const dataDir = CASES[0]!.dataDir();
    const port = await freePort();
    await assert.rejects(
      startBot(
        {
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          DATA_DIR: dataDir,
        },
        { logDestination: new CapturingLogger() },
      ),
      (err: unknown) => {
        assert.ok(err instanceof StoreError, String(err));
        assert.ok(err.message.startsWith(`DATA_DIR (${dataDir}) is not a writable directory`), err.message);
        assert.match(err.message, /ENOTDIR/);
        assert.match(err.message, HINT);
        return true;
      },
    );
    assert.equal(slack.calls.length, 0, 'refused before calling Slack');
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'nothing listens');
  });

  for (const c of CASES) {
    it(`npm start with a DATA_DIR ${c.what}: prints what to fix and exits 1, without a stack trace`, async () => {
      const dataDir = c.dataDir();
      const proc = runMain({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
      });
      // A start that hangs is killed, so it fails here instead of holding up the suite.
      const guard = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
      const code = await proc.exited.finally(() => clearTimeout(guard));
      const out = proc.output();
      assert.equal(code, 1, `exit ${code}: ${out}`);
      assert.ok(out.includes(`DATA_DIR (${dataDir}) is not a writable directory`), out);
      assert.match(out, c.reason);
      assert.match(out, HINT);
      assert.ok(!/\n\s+at |StoreError/.test(out), out);
    });
  }
});
