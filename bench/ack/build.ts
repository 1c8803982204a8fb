/**
 * The ack benchmark runs its apps as compiled JavaScript, as production does (`npm start` runs
 * dist/): under tsx each process would carry a loader thread and some 40 MB more RSS. The child
 * entries and everything they import (plus any worker-thread entry in src, which nothing imports
 * by name) are compiled once per run into node_modules/.cache, where node_modules still resolves.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
export const BUILD_DIR = path.join(ROOT, 'node_modules', '.cache', 'queue-pulse-bench');

/** Files under `dir` whose names end in -worker.ts (worker_threads entries). */
function workerEntries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('-worker.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Compiles the entries; returns the compiled path of each, in order. */
export function buildChildren(entries: readonly string[]): string[] {
  const files = [...entries.map((e) => path.join(ROOT, e)), ...workerEntries(path.join(ROOT, 'src'))];
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '--outDir',
      BUILD_DIR,
      '--rootDir',
      ROOT,
      '--target',
      'ES2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--esModuleInterop',
      '--skipLibCheck',
      '--resolveJsonModule',
      '--types',
      'node',
      // Type errors are the typecheck's business; the benchmark only needs the JavaScript.
      '--noCheck',
      ...files,
    ],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return entries.map((e) => path.join(BUILD_DIR, e.replace(/\.ts$/, '.js')));
}
