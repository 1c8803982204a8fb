/**
 * Bolt's Logger interface over the process logger, so Bolt's own lines are structured and scrubbed
 * like ours. LOG_LEVEL is applied by the process logger; setLevel only records what Bolt asked.
 */
import type { Logger, LogLevel as BoltLogLevel } from '@slack/bolt';
import { consoleStyle, type AppLogger, type LogLevel } from '../shared/logger';

/** A Bolt Logger writing through `log`, every line tagged `source: bolt`. */
export function boltLogger(log: AppLogger, level: LogLevel): Logger {
  let current: string = level;
  return {
    ...consoleStyle(log, { source: 'bolt' }),
    setLevel: (l: BoltLogLevel) => {
      current = l;
    },
    getLevel: () => current as BoltLogLevel,
    setName: () => undefined,
  };
}
