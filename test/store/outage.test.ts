import { strict as assert } from 'node:assert';
import { OutageLog } from '../../src/store/outage';
import type { AppLogger } from '../../src/shared/logger';

function recorder(): { log: AppLogger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (message: string) => void lines.push({ level, message });
  const log: AppLogger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    enabled: () => true,
    child: () => log,
  };
  return { log, lines };
}

describe('OutageLog', () => {
  it('one error line per outage naming the store and the reason, one info line when it is back', () => {
    const { log, lines } = recorder();
    let now = 1_000;
    const outage = new OutageLog('Redis at redis://127.0.0.1:6390', log, () => now);
    outage.recovered();
    assert.equal(lines.length, 0, 'a first connection is not a recovery');
    outage.failed('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:6390');
    for (let i = 0; i < 5; i++) outage.failed('The client is offline');
    assert.equal(outage.down, true);
    now += 12_000;
    outage.recovered();
    outage.recovered();
    assert.deepEqual(
      lines.filter((l) => l.level !== 'debug'),
      [
        {
          level: 'error',
          message:
            'Redis at redis://127.0.0.1:6390 is unreachable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:6390): digests wait and button state is not kept until it is back; reconnecting on its own',
        },
        { level: 'info', message: 'Redis at redis://127.0.0.1:6390 is reachable again (after 12 s)' },
      ],
    );
    assert.equal(lines.filter((l) => l.level === 'debug').length, 5);
    outage.failed('Socket closed unexpectedly');
    assert.equal(lines.filter((l) => l.level === 'error').length, 2, 'the next outage is told again');
  });
});
