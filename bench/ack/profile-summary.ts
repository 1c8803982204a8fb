/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions with the most self time, by
 * function and location, so a run can say what kept the event loop busy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame is, shortened to the package or the project file. */
function where(url: string, line: number): string {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  const short =
    nm >= 0
      ? file.slice(nm + 'node_modules/'.length)
      : file.includes('/src/')
        ? file.slice(file.indexOf('/src/') + 1)
        : path.basename(file);
  return `${short}:${line + 1}`;
}

/** The package (or project folder) a frame belongs to, for the per-module totals. */
function moduleOf(url: string): string {
  if (!url) return '(native / runtime)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return pkg === '.cache' ? path.dirname(parts.slice(2).join('/')) : pkg;
  }
  if (file.startsWith('node:')) return 'node core';
  return file.includes('/src/') ? path.dirname(file.slice(file.indexOf('/src/') + 1)) : path.basename(file);
}

const table = (entries: Map<string, number>, total: number, count: number, head: string[]) => [
  ['self ms', 'share', ...head],
  ...[...entries.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, t]) => [t.toFixed(0), `${((100 * t) / total).toFixed(1)}%`, ...key.split('\t')]),
  [total.toFixed(0), '100%', '(total sampled)', ...head.slice(1).map(() => '')],
];

/** Where a .cpuprofile's burst windows are kept: beside it, for summarizeProfile. */
export const burstsFileOf = (cpuprofile: string): string =>
  cpuprofile.replace(/\.cpuprofile$/, '.bursts.json');

/**
 * Self time by function (with its location) and by package or project folder, the top `count` of
 * each; only samples inside `windows` ([start, end] µs on the profile's clock) when given.
 */
export function summarizeProfile(
  file: string,
  count: number,
  windows?: readonly (readonly [number, number])[],
): { byFunction: string[][]; byModule: string[][] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  const inside = (t: number) => !windows || windows.some(([from, to]) => t >= from && t <= to);
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    at += profile.timeDeltas[i] ?? 0;
    if (!inside(at)) return;
    total += dt;
    const n = byId.get(id);
    const key = n
      ? `${n.callFrame.functionName || '(anonymous)'}\t${where(n.callFrame.url, n.callFrame.lineNumber)}`
      : '?';
    self.set(key, (self.get(key) ?? 0) + dt);
    const mod = n ? (n.callFrame.url ? moduleOf(n.callFrame.url) : n.callFrame.functionName) : '?';
    modules.set(mod, (modules.get(mod) ?? 0) + dt);
  });
  return {
    byFunction: table(self, total, count, ['function', 'where']),
    byModule: table(modules, total, count, ['module']),
  };
}
