/**
 * The Node flags `npm start` gives the bot, read from package.json's start script, so every
 * benchmark runs the bot the way production starts it: a flag tuned there (the young generation's
 * size, which sets much of the peak RSS) is measured here, and cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = path.join(__dirname, '..', 'package.json');

/** The `--…` words between `node` and the script in `start` (`node --a --b dist/src/main.js` → [--a, --b]). */
export function startFlags(startScript?: string): string[] {
  const script =
    startScript ??
    (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`the start script does not run node: ${script}`);
  const flags: string[] = [];
  for (const w of words.slice(1)) {
    if (!w.startsWith('--')) break;
    flags.push(w);
  }
  return flags;
}
