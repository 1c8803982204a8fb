import { strict as assert } from 'node:assert';
import { DEFAULT_OAUTH, apiKeyAccountEnv, startSimulator, type Simulator } from '../../src/simulator';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUSY_NOW, fieldValue, freePort, startHarness, texts, type Harness } from './harness';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface ImageBlock {
  type: 'image';
  image_url?: string;
  slack_file?: { id: string };
  alt_text: string;
}

function imageOf(message: Record<string, unknown>): ImageBlock | undefined {
  return (message.blocks as { type: string }[]).find((b) => b.type === 'image') as ImageBlock | undefined;
}

describe('e2e: a LivePerson account found through LP_CSDS_URL, signed with OAuth 1.0a', function () {
  this.timeout(30_000);
  let sim: Simulator;

  before(async () => {
    // A separate "account": the bot only knows its CSDS URL and the four key values.
    sim = await startSimulator({ oauth: DEFAULT_OAUTH, now: BUSY_NOW, extraSkills: 120 });
  });
  after(async () => {
    await sim.close();
  });

  const env = (over: Record<string, string> = {}) => ({
    ...apiKeyAccountEnv(sim.accountId, sim.url),
    ...over,
  });

  it('discovers the domains through CSDS and answers with signed KMM requests', async () => {
    const h = await startHarness({ env: env() });
    try {
      assert.equal(h.bot.container.simulator, undefined, 'no embedded simulator with LP_ACCOUNT_ID set');
      sim.resetStats();
      const r = await h.command('skill billing');
      const final = (await h.responses(r.responseId))[0]!.body;
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, JSON.stringify(final).slice(0, 300));
      assert.match(texts(final).join('\n'), new RegExp(`LivePerson account ${sim.accountId}`));
      const stats = sim.stats();
      assert.ok(stats.csds >= 1, 'CSDS asked');
      assert.ok(stats.metrics >= 1 && stats.skills >= 1);
    } finally {
      await h.close();
    }
  });

  it('rankings: LivePerson sorts and pages when a sort key exists; otherwise every page is ranked here', async () => {
    const h = await startHarness({ env: env() });
    try {
      await h.command('skill billing'); // warm the directory and domains
      await h.responses('cmd1');
      sim.resetStats();
      const closed = await h.command('skills by closed top 10');
      const byClosed = (await h.responses(closed.responseId))[0]!.body;
      assert.equal(sim.stats().metrics, 1, 'one sorted page');
      assert.match(texts(byClosed).join('\n'), /Showing 1–10 of 131 skills/);
      sim.resetStats();
      const queue = await h.command('skills by queue top 10');
      const byQueue = (await h.responses(queue.responseId))[0]!.body;
      // Everyone's figures and the bots' (to take bots out of the free slots): 3 pages of 50 each.
      assert.equal(sim.stats().metrics, 6, 'all 131 keys: 3 pages of 50, twice');
      const bodies = sim.requests('metrics') as { filters: { userTypes?: string[] } }[];
      assert.equal(bodies.filter((b) => b.filters.userTypes?.join() === 'BOT').length, 3);
      assert.match(texts(byQueue).join('\n'), /of 131 skills/);
    } finally {
      await h.close();
    }
  });

  it('a wrong secret is refused by LivePerson and read to the user as a permission problem', async () => {
    const h = await startHarness({ env: env({ LP_APP_SECRET: 'not-the-secret' }) });
    try {
      const r = await h.command('skill billing');
      const final = (await h.responses(r.responseId))[0]!.body;
      const text = texts(final).join('\n');
      assert.match(text, /permitted|permission|credentials|API key/i);
      assert.ok(!JSON.stringify(final).includes('not-the-secret'));
      assert.ok(!h.logger.lines.join('\n').includes('not-the-secret'), 'secret in the log');
    } finally {
      await h.close();
    }
  });
});

describe('e2e: LivePerson unreachable', function () {
  this.timeout(40_000);

  for (const creds of ['oauth', 'client-credentials', 'login'] as const) {
    it(`reads as "could not be reached" and leaks no ${creds} credential into the log`, async () => {
      // A CSDS that points every service at a port nobody listens on.
      const closed = await freePort();
      const csds = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ service: 'x', account: '1', baseURI: `http://127.0.0.1:${closed}` }));
      });
      await new Promise<void>((resolve) => csds.listen(0, '127.0.0.1', resolve));
      const csdsUrl = `http://127.0.0.1:${(csds.address() as AddressInfo).port}`;
      const secrets: Record<string, string> =
        creds === 'oauth'
          ? {
              LP_APP_KEY: 'KEY-s3cr3t',
              LP_APP_SECRET: 'SECRET-s3cr3t',
              LP_ACCESS_TOKEN: 'TOKEN-s3cr3t',
              LP_ACCESS_TOKEN_SECRET: 'TS-s3cr3t',
            }
          : creds === 'client-credentials'
            ? { LP_CLIENT_ID: 'queue-pulse-client', LP_CLIENT_SECRET: 'CLIENT-SECRET-s3cr3t' }
            : { LP_USERNAME: 'lead@example.com', LP_PASSWORD: 'PASSWORD-s3cr3t' };
      const h = await startHarness({ env: { LP_ACCOUNT_ID: '1', LP_CSDS_URL: csdsUrl, ...secrets } });
      try {
        const r = await h.command('skill billing');
        const final = (await h.responses(r.responseId, 1, 30_000))[0]!.body;
        assert.match(texts(final).join('\n'), /isn't answering|could not be reached|did not answer/);
        const log = h.logger.lines.join('\n');
        assert.ok(/queue report failed/.test(log), 'the failure is logged');
        for (const v of Object.values(secrets).filter((x) => x.includes('s3cr3t'))) {
          assert.ok(!log.includes(v), `${v} in the log`);
          assert.ok(!JSON.stringify(final).includes(v));
        }
        assert.ok(!/oauth_signature=/.test(log));
      } finally {
        await h.close();
        await new Promise((resolve) => csds.close(resolve));
      }
    });
  }
});

describe('e2e: charts', function () {
  this.timeout(30_000);

  it('CHARTS=upload renders a PNG, uploads it to Slack and shows it via slack_file', async () => {
    const h: Harness = await startHarness({ env: { CHARTS: 'upload' } });
    try {
      const r = await h.command('skill billing');
      const final = (await h.responses(r.responseId))[0]!.body;
      const image = imageOf(final);
      assert.ok(image?.slack_file, JSON.stringify(final.blocks).slice(0, 500));
      assert.equal(image.image_url, undefined);
      const file = h.slack.files.get(image.slack_file.id);
      assert.ok(file?.completed, 'upload completed before the message referenced it');
      assert.ok(file.bytes.subarray(0, 8).equals(PNG_MAGIC), 'a PNG was uploaded');
      assert.ok(h.slack.callsTo('files.info').length >= 1, 'waited for the file');
      assert.match(image.alt_text, /Billing/);
      assert.match(image.alt_text, /\d/);
    } finally {
      await h.close();
    }
  });

  it('a skill chart is the trend LivePerson keeps: closed conversations per interval, its total matching the sum', async () => {
    const h: Harness = await startHarness({
      env: { CHARTS: 'quickchart', QUICKCHART_URL: 'http://charts.internal:3400' },
    });
    try {
      const r = await h.command('skill billing last 4h');
      const final = (await h.responses(r.responseId))[0]!.body;
      const asked = h.sim.requests('historical') as {
        filters: { skillIds?: string[]; time: { from: number; to: number } };
        metricsToRetrieveByTime: string[];
      }[];
      assert.equal(asked.length, 1, 'one historical call');
      assert.deepEqual(asked[0]!.filters.skillIds, ['1001']);
      assert.deepEqual(asked[0]!.metricsToRetrieveByTime, ['closed_conversations']);
      assert.equal(asked[0]!.filters.time.to - asked[0]!.filters.time.from, 4 * 3_600_000);
      const image = imageOf(final);
      assert.ok(image?.image_url, JSON.stringify(final.blocks).slice(0, 400));
      assert.ok(image.image_url.length <= 3000);
      // "Closed conversations per 5 min · N in all": N is the sum the alt text lists, interval by interval.
      const total = Number(/· ([\d,]+) in all/.exec(image.alt_text)![1]!.replace(/,/g, ''));
      const values = [...image.alt_text.matchAll(/\d\d:\d\d (\d+)/g)].map((m) => Number(m[1]));
      assert.equal(values.length, 48, '4 h in 5-minute bars');
      assert.equal(
        total,
        values.reduce((a, b) => a + b, 0),
      );
      assert.ok(total > 0, 'the busy hour closes conversations');
    } finally {
      await h.close();
    }
  });

  it('CHARTS=quickchart links a self-hosted QuickChart URL under 3000 characters, and contacts nothing', async () => {
    const h = await startHarness({
      env: { CHARTS: 'quickchart', QUICKCHART_URL: 'http://charts.internal:3400' },
    });
    try {
      const r = await h.command('skills by closed top 20');
      const final = (await h.responses(r.responseId))[0]!.body;
      const image = imageOf(final);
      assert.ok(image?.image_url, 'an image block');
      assert.ok(
        image.image_url.startsWith('http://charts.internal:3400/chart?'),
        image.image_url.slice(0, 80),
      );
      assert.ok(image.image_url.length <= 3000);
      assert.equal(h.slack.callsTo('files.getUploadURLExternal').length, 0);
    } finally {
      await h.close();
    }
  });

  it('a failed upload drops the chart, not the report', async () => {
    const h = await startHarness({ env: { CHARTS: 'upload' } });
    h.slack.failures['files.getUploadURLExternal'] = 'not_allowed_token_type';
    try {
      const r = await h.command('skill sales');
      const final = (await h.responses(r.responseId))[0]!.body;
      assert.equal(imageOf(final), undefined);
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined);
      assert.ok(h.logger.lines.some((l) => /chart could not be delivered/.test(l)));
    } finally {
      await h.close();
    }
  });
});
