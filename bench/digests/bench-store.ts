/**
 * The store the digest benchmarks run on: Redis database 11 (BENCH_REDIS_URL overrides it), so a
 * benchmark never shares keys with the tests' database 10, each run under its own namespace and
 * every key it wrote deleted afterwards. Without a reachable Redis the fan-out falls back to
 * SQLite in a temporary folder; the chaos run needs Redis (it is what instances share).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import { createLogger, type AppLogger } from '../../src/shared/logger';

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/11';

/** A logger that keeps nothing: the benchmarks count outcomes from Slack and LivePerson, not logs. */
export const quietLog: AppLogger = createLogger({ level: 'error', destination: { write: () => true } });

/** A namespace of its own for one run, e.g. `qp-bench-fanout-3f9a1c`. */
export function benchNamespace(what: string): string {
  return `qp-bench-${what}-${randomBytes(3).toString('hex')}`;
}

/** Deletes every key under `namespace` in the Redis at `url`. */
export async function deleteNamespace(url: string, namespace: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  let deleted = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${namespace}*`, COUNT: 500 }))
      if (keys.length) deleted += await client.del(keys);
  } finally {
    client.destroy();
  }
  return deleted;
}

/** Whether a Redis answers at `url` (within a second). */
export async function redisReachable(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

export interface BenchStore {
  /** What to add to the bot's environment: REDIS_URL, or DATA_DIR for SQLite. */
  env: Record<string, string>;
  /** The store namespace the bot's keys go under. */
  namespace: string;
  /** "Redis db 11" or "SQLite (temporary)". */
  label: string;
  /** Removes what the run wrote (call after the bot has stopped). */
  cleanUp(): Promise<void>;
}

/** Redis database 11 when it answers, else SQLite in a temporary folder. */
export async function benchStore(what: string): Promise<BenchStore> {
  const namespace = benchNamespace(what);
  if (await redisReachable(BENCH_REDIS_URL)) {
    return {
      env: { REDIS_URL: BENCH_REDIS_URL },
      namespace,
      label: `Redis db ${new URL(BENCH_REDIS_URL).pathname.slice(1) || '0'}`,
      cleanUp: async () => void (await deleteNamespace(BENCH_REDIS_URL, namespace)),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'qp-bench-'));
  return {
    env: { DATA_DIR: dir },
    namespace,
    label: 'SQLite (temporary)',
    cleanUp: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
