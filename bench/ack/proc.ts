/**
 * A child process of the ack benchmark: forked with an IPC channel, ready once it says so, asked
 * numbered questions, its memory read from /proc/<pid>/status (VmRSS now, VmHWM the peak), and
 * stopped with SIGTERM, noting whether it exits on its own (nothing left holding the loop).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildReply, ReadyMessage } from './protocol';

export interface Memory {
  rssMb: number;
  hwmMb: number;
}

/** VmRSS and VmHWM of `pid` in MB. */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

export interface Child {
  pid: number;
  /** What the child said when ready (URLs, ports). */
  info: Record<string, string>;
  request<T>(cmd: string, args?: unknown): Promise<T>;
  memory(): Memory;
  /** Samples VmRSS every `everyMs` until the returned function is called; it returns the peak in MB. */
  sampleRss(everyMs?: number): () => number;
  /** SIGTERM, then waits up to `graceMs`; resolves whether the process exited by itself (else SIGKILLed). */
  stop(graceMs?: number): Promise<boolean>;
}

export interface ChildOptions {
  env: Record<string, string>;
  execArgv?: string[];
  /** stdout and stderr go to this file descriptor (a log file), else are dropped. */
  logFd?: number;
  readyTimeoutMs?: number;
}

/** Forks `script` and resolves once it sends `ready`. */
export async function startChild(script: string, opts: ChildOptions): Promise<Child> {
  const out = opts.logFd ?? 'ignore';
  const proc: ChildProcess = fork(script, [], {
    env: { ...process.env, ...opts.env },
    execArgv: opts.execArgv ?? [],
    stdio: ['ignore', out, out, 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let seq = 0;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      exited = true;
      for (const p of pending.values()) p.reject(new Error(`${script} exited`));
      resolve();
    }),
  );
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} not ready in time`)),
      opts.readyTimeoutMs ?? 30_000,
    );
    proc.on('message', (raw: unknown) => {
      const msg = raw as Partial<ReadyMessage & ChildReply>;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve(msg.info ?? {});
        return;
      }
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id!);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'child error'));
    });
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready (code ${proc.exitCode})`));
    });
  });
  const pid = proc.pid!;
  return {
    pid,
    info,
    request<T>(cmd: string, args?: unknown) {
      return new Promise<T>((resolve, reject) => {
        const id = ++seq;
        pending.set(id, { resolve: resolve, reject });
        proc.send({ id, cmd, args });
      });
    },
    memory: () => memoryOf(pid),
    sampleRss(everyMs = 20) {
      let peak = memoryOf(pid).rssMb;
      const timer = setInterval(() => {
        if (!exited) peak = Math.max(peak, memoryOf(pid).rssMb);
      }, everyMs);
      return () => {
        clearInterval(timer);
        return exited ? peak : Math.max(peak, memoryOf(pid).rssMb);
      };
    },
    async stop(graceMs = 15_000) {
      if (exited) return true;
      proc.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const byItself = await Promise.race([
        exit.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (!byItself) {
        proc.kill('SIGKILL');
        await exit;
      }
      return byItself;
    },
  };
}
