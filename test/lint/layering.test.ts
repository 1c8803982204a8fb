import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Lints a probe file placed inside src/ with the project's own ESLint config (what `npm run lint`
 * runs), so the layering rule is checked the way CI checks it.
 */
let eslint: ESLint | undefined;
async function lintProbe(relative: string, source: string): Promise<string[]> {
  const file = path.join(ROOT, relative);
  writeFileSync(file, source);
  try {
    eslint ??= new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintFiles([file]);
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('layering (npm run lint)', function () {
  this.timeout(60_000);

  it('fails on a view that imports from liveperson/', async () => {
    const messages = await lintProbe(
      'src/slack/views/zz-layering-probe.ts',
      "import { MAX_PAGE_SIZE } from '../../liveperson/contract/catalog';\nexport const probe = MAX_PAGE_SIZE;\n",
    );
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /Views are pure/);
  });

  it('fails on a domain module that imports Slack or LivePerson code', async () => {
    const messages = await lintProbe(
      'src/domain/zz-layering-probe.ts',
      "import type { SlackMessage } from '../slack/views/message';\nimport type { KmmResponse } from '../liveperson/contract/metrics-response';\nexport type Probe = [SlackMessage, KmmResponse];\n",
    );
    assert.equal(messages.length, 2, messages.join('\n'));
  });

  it('fails on a view that sends, logs, stores or reaches Slack (outbox, logger, fs, listeners, timezones)', async () => {
    const messages = await lintProbe(
      'src/slack/views/zz-layering-probe.ts',
      [
        "import type { Outbox } from '../outbox';",
        "import type { AppLogger } from '../../shared/logger';",
        "import { readFileSync } from 'node:fs';",
        "import { writeFileSync } from 'fs';",
        "import type { ListenerDeps } from '../listeners/deps';",
        "import type { TimezoneLookup } from '../timezones';",
        'export type Probe = [Outbox, AppLogger, typeof readFileSync, typeof writeFileSync, ListenerDeps, TimezoneLookup];',
        '',
      ].join('\n'),
    );
    assert.equal(messages.length, 6, messages.join('\n'));
  });

  it('fails on a domain module that reads the clock through a Deadline or stores', async () => {
    const messages = await lintProbe(
      'src/domain/zz-layering-probe.ts',
      [
        "import type { Deadline } from '../shared/deadline';",
        "import type { Repository } from '../store/store';",
        "import { randomUUID } from 'node:crypto';",
        'export type Probe = [Deadline, Repository<string>, typeof randomUUID];',
        '',
      ].join('\n'),
    );
    assert.equal(messages.length, 3, messages.join('\n'));
  });

  it('fails on shared/ importing any layer (it is the leaf they all use)', async () => {
    const messages = await lintProbe(
      'src/shared/zz-layering-probe.ts',
      "import type { SlackMessage } from '../slack/views/message';\nexport type Probe = SlackMessage;\n",
    );
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /shared\/ is the leaf/);
  });

  it('lets a view import the domain', async () => {
    const messages = await lintProbe(
      'src/slack/views/zz-layering-probe.ts',
      "import { unitOf } from '../../domain/metrics';\nexport const probe = unitOf('csat');\n",
    );
    assert.deepEqual(messages, []);
  });
});
