/**
 * A child process of the ack benchmark: forked with an IPC channel, ready once it says so, asked
 * numbered questions, its memory read from /proc/<pid>/status (VmRSS now, VmHWM the peak), and
 * stopped with SIGTERM, noting whether it exits on its own (nothing left holding the loop).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { ChildReply, ReadyMessage } from './protocol';

export interface Memory {
  rssMb: number;
  hwmMb: number;
  /**
   * The part of RSS that is the process's own (heap, stacks, native allocations), without the
   * pages of mapped files: a native addon's library (the canvas binary, 35 MB) counts in RSS as
   * far as it was read, shared with every process that maps it and given back under pressure.
   */
  anonMb: number;
}

/** VmRSS, VmHWM and RssAnon of `pid` in MB. */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024, anonMb: kb('RssAnon') / 1024 };
}

/**
 * CPU time `pid` has used so far, in ms, over all its threads (the main thread, V8's GC and
 * compiler helpers, libuv's pool): the first field of each thread's schedstat, in nanoseconds.
 */
export function cpuMsOf(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read: its time is not counted.
    }
  }
  return ns / 1e6;
}

export interface Child {
  pid: number;
  /** What the child said when ready (URLs, ports). */
  info: Record<string, string>;
  request<T>(cmd: string, args?: unknown): Promise<T>;
  memory(): Memory;
  /** CPU ms used so far by every thread of the child (cpuMsOf). */
  cpuMs(): number;
  /** Samples VmRSS (and RssAnon) every `everyMs` until the returned function is called: the peaks in MB. */
  sampleRss(everyMs?: number): () => { rssMb: number; anonMb: number };
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
    cpuMs: () => cpuMsOf(pid),
    sampleRss(everyMs = 20) {
      const peak = { rssMb: 0, anonMb: 0 };
      const sample = () => {
        if (exited) return;
        const m = memoryOf(pid);
        peak.rssMb = Math.max(peak.rssMb, m.rssMb);
        peak.anonMb = Math.max(peak.anonMb, m.anonMb);
      };
      sample();
      const timer = setInterval(sample, everyMs);
      return () => {
        clearInterval(timer);
        sample();
        return { ...peak };
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
