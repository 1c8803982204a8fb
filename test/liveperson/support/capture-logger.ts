/** A logger that keeps every line, to assert what was (and was not) logged. */
import { inspect } from 'node:util';
import type { LivePersonLogger } from '../../../src/liveperson/client/http-log';

export interface CaptureLogger extends LivePersonLogger {
  lines: string[];
  /** All lines as one text. */
  text(): string;
}

export function captureLogger(): CaptureLogger {
  const lines: string[] = [];
  const put =
    (level: string) =>
    (...msg: unknown[]) => {
      lines.push(
        `${level} ${msg.map((m) => (typeof m === 'string' ? m : inspect(m, { depth: 6 }))).join(' ')}`,
      );
    };
  return {
    lines,
    debug: put('debug'),
    info: put('info'),
    warn: put('warn'),
    error: put('error'),
    text: () => lines.join('\n'),
  };
}
