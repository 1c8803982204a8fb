/**
 * Runs the bot in a child process of its own (bench/digests/bot-process.ts), as production runs it:
 * compiled JavaScript on plain `node`, no TypeScript loader, configured only through its
 * environment. The simulator and the fake Slack stay in the benchmark's process, so the bot's
 * memory, read from /proc/<pid>/status, is the bot's alone.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startFlags } from '../start-flags';
import type { BotReply, BotRequest } from './bot-process';

const ROOT = path.join(__dirname, '..', '..');
const BUILT = path.join(ROOT, 'dist', 'bench-bot', 'bench', 'digests', 'bot-process.js');

/** Compiles src/ and the bot's entry into dist/bench-bot (the same compiler settings as `npm run build`). */
export function buildBot(): void {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, 'tsconfig.bot.json')],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** A free TCP port on this machine (PORT must be a real one: the bot refuses 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The kernel's view of a process's memory, in MB: resident now, and its high-water mark. */
export interface ProcessRss {
  rssMb: number;
  peakMb: number;
}

export interface BotChild {
  pid: number;
  /** Sends one request and waits for its answer. */
  ask<T = unknown>(req: BotRequest): Promise<T>;
  rss(): ProcessRss;
  /**
   * Resets the high-water mark to the current RSS (Linux's clear_refs "5"), so the next peak
   * read covers only what follows. False when the kernel does not allow it.
   */
  resetPeak(): boolean;
  /** The last lines the bot wrote (logs), to explain a failed run. */
  outputTail(): string[];
  stop(): Promise<void>;
}

function readStatusMb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(kb) / 1024;
}

/** Starts the built bot with `env` (and only that, besides PATH) and waits until it listens. */
export async function startBotChild(env: Record<string, string>): Promise<BotChild> {
  const tail: string[] = [];
  const child: ChildProcess = fork(BUILT, [], {
    env: { PATH: process.env.PATH ?? '', ...env },
    // As `npm start` runs it: the flags set much of its RSS.
    execArgv: startFlags(),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').trim().split('\n'));
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: BotReply) => {
      if (m.kind !== 'ready') return;
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the bot exited (${code}) before it was up:\n${tail.join('\n')}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
  let seq = 0;
  const pid = child.pid!;
  return {
    pid,
    ask<T>(req: BotRequest): Promise<T> {
      const id = ++seq;
      return new Promise<T>((resolve, reject) => {
        const onMessage = (m: BotReply) => {
          if (m.kind === 'ready' || m.id !== id) return;
          child.off('message', onMessage);
          if (m.kind === 'done') resolve(m.value as T);
          else reject(new Error(`the bot failed '${req.kind}': ${m.error}`));
        };
        child.on('message', onMessage);
        child.send({ ...req, id });
      });
    },
    rss: () => ({ rssMb: readStatusMb(pid, 'VmRSS'), peakMb: readStatusMb(pid, 'VmHWM') }),
    resetPeak() {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    outputTail: () => [...tail],
    async stop() {
      // Disconnecting is the bot's cue to stop as on SIGTERM (answers drained, store closed).
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
