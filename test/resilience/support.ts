/**
 * Shared setup of the fault suite: what the Slack user ends up seeing, whether the bot still
 * answers /healthz, and a throw-away redis-server of the test's own (never the machine's).
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DigestDraft } from '../../src/domain/digest';
import type { ResponsePost } from '../../src/sandbox/fake-slack';
import { freePort, texts, type Harness } from '../e2e/harness';

export const MIN = 60_000;

/** A Billing shift summary due at 16:00 in Berlin: 15:00 UTC, the harness's BUSY_NOW. */
export function digestDraft(channelId: string): DigestDraft {
  return {
    channelId,
    schedule: { days: { kind: 'daily' }, hour: 16, minute: 0, zone: 'Europe/Berlin' },
    windowMs: 8 * 60 * MIN,
    scope: { kind: 'skills', items: [{ id: '1001', name: 'Billing' }] },
    chart: false,
  };
}

export interface Health {
  status: string;
  checks: { store: { ok: boolean; detail?: string }; livePerson: { state: string } };
}

/** GET /healthz: it must answer 200 whatever state the bot is in. */
export async function health(h: Harness): Promise<Health> {
  const res = await fetch(`${h.baseUrl}/healthz`);
  assert.equal(res.status, 200, '/healthz answers 200');
  return (await res.json()) as Health;
}

/** The last message posted to a response_url (what the user is left looking at). */
export function finalOf(posts: ResponsePost[]): Record<string, unknown> {
  return posts[posts.length - 1]!.body;
}

/** Everything a message says, as one string. */
export function said(message: Record<string, unknown>): string {
  return [typeof message.text === 'string' ? message.text : '', ...texts(message)].join('\n');
}

/**
 * A message fit for a lead: a sentence, no stack frame, no error class or "Error:" prefix, no
 * upstream body, no credential.
 */
export function assertReadable(message: Record<string, unknown>, secrets: readonly string[] = []): void {
  const all = JSON.stringify(message);
  assert.ok(!/\n\s+at |\bat [\w.<>]+ \(/.test(all), `a stack trace: ${all.slice(0, 400)}`);
  assert.ok(
    !/\b\w*Error\b:?|Injected fault|HTTP \d{3}|ECONN|ETIMEDOUT/.test(all),
    `internals: ${all.slice(0, 400)}`,
  );
  assert.ok(!/xox[abp]-|Bearer |oauth_/i.test(all), `a credential: ${all.slice(0, 400)}`);
  for (const s of secrets) assert.ok(!all.includes(s), 'a secret reached Slack');
  assert.match(said(message), /[A-Z][^.!?]{8,}[.!?]/, 'a sentence');
}

/** Waits until `pred` holds, checking every 50 ms (for state that changes without a request). */
export async function until(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A redis-server of this test only, on a free port, its data in a temp dir with an append-only
 * file, so a stop (SIGTERM) and a start again keep every key and its expiry.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const dir = mkdtempSync(path.join(tmpdir(), 'queue-pulse-redis-'));
    const redis = new PrivateRedis(await freePort(), dir);
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** Starts (again) on the same port and data directory; resolves once it takes connections. */
  async resume(): Promise<void> {
    const child = spawn(
      '/usr/bin/redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    await until(() => this.accepts(), `redis-server on ${this.port}`);
  }

  /** SIGTERM (Redis flushes its append-only file) and waits for the exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  /** Stops it and removes its data. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private accepts(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port: this.port });
      socket.once('connect', () => {
        socket.end('PING\r\n');
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
}
