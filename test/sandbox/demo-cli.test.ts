/**
 * `npm run demo` as a newcomer runs it: a banner that says what runs where and how to stop, and a
 * one-line error (no stack trace) when a port is taken, e.g. by a second demo.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, tempDataDir } from '../e2e/harness';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/demo.ts; resolves when it exits, or (killed by us) once stdout matches `until`. */
function runDemo(env: Record<string, string>, until?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`demo did not finish: ${stdout}${stderr}`));
    }, 30_000);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (until?.test(stdout)) child.kill('SIGINT');
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run demo: start-up output', function () {
  this.timeout(40_000);
  let taken: Server;
  let takenPort: number;
  const data = tempDataDir();

  before(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    data.remove();
  });

  it('says in one line, without a stack trace, that the sandbox port is taken and what to do', async () => {
    const r = await runDemo({
      SANDBOX_PORT: String(takenPort),
      PORT: String(await freePort()),
      DATA_DIR: data.dir,
    });
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(
      lines[0]!,
      new RegExp(`Port ${takenPort} is already in use, so the sandbox page cannot start`),
    );
    assert.match(lines[0]!, /SANDBOX_PORT=/);
    assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at |EADDRINUSE/);
  });

  it('names the bot’s port when that one is taken', async () => {
    const r = await runDemo({
      SANDBOX_PORT: String(await freePort()),
      PORT: String(takenPort),
      DATA_DIR: data.dir,
    });
    assert.equal(r.code, 1);
    assert.match(
      r.stderr.trim(),
      new RegExp(`^Port ${takenPort} is already in use, so the bot cannot start.*PORT=`),
    );
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('prints what runs where, which ports, and how to stop', async () => {
    const sandboxPort = await freePort();
    const port = await freePort();
    const r = await runDemo(
      { SANDBOX_PORT: String(sandboxPort), PORT: String(port), DATA_DIR: data.dir },
      /Press Ctrl-C to stop/,
    );
    assert.match(r.stdout, new RegExp(`Open  http://127.0.0.1:${sandboxPort}`));
    assert.match(r.stdout, new RegExp(`Bot\\s+http://127.0.0.1:${port}/slack/events`));
    assert.match(r.stdout, /LivePerson simulator\s+http:\/\/127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /nothing reaches the internet/);
    assert.match(r.stdout, /Charts\s+drawn on this machine/);
    assert.equal(r.stderr, '');
  });
});
