/**
 * What a started bot holds in memory depends first on what it loads. The heavy modules that only
 * one configuration uses (the canvas binary and Chart.js for CHARTS=upload, pino-pretty for a
 * terminal, the simulator without LP_ACCOUNT_ID, the other store's driver) must stay unloaded
 * otherwise. Each case starts the bot in a fresh process (this one has loaded everything) and
 * lists the modules it loaded.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { DEFAULT_OAUTH, apiKeyAccountEnv, startSimulator, type Simulator } from '../../src/simulator';
import { deleteNamespace } from '../../bench/digests/bench-store';
import { SIGNING_SECRET, freePort, tempDataDir } from './harness';

const ROOT = join(__dirname, '..', '..');

/** Starts the bot with `env` in a child process and answers the files it had loaded once up. */
function modulesOfStartedBot(env: Record<string, string>): Promise<string[]> {
  const script = `
    const { startBot } = require('./src/main');
    const ns = process.env.QP_TEST_NAMESPACE;
    startBot(process.env, ns ? { storeNamespace: ns } : {}).then(async (bot) => {
      const loaded = Object.keys(require.cache);
      await bot.stop();
      process.stdout.write('\\n' + JSON.stringify(loaded) + '\\n');
      process.exit(0);
    }, (err) => { console.error(err); process.exit(1); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('[')) return reject(new Error(`the bot did not start:\n${out}`));
      resolve(JSON.parse(last) as string[]);
    }),
  );
}

const HEAVY: Record<string, RegExp> = {
  '@napi-rs/canvas': /node_modules\/@napi-rs\/canvas/,
  'chart.js': /node_modules\/chart\.js\//,
  piscina: /node_modules\/piscina\//,
  'pino-pretty': /node_modules\/pino-pretty\//,
  'the simulator': /\/src\/simulator\//,
  sqlite3: /node_modules\/sqlite3\//,
  'the Redis client': /node_modules\/@redis\/client\//,
};

function loadedOf(modules: string[], names: string[]): string[] {
  return names.filter((n) => modules.some((m) => HEAVY[n]!.test(m)));
}

describe('e2e: what a started bot loads', function () {
  this.timeout(60_000);
  let slack: FakeSlack;
  let sim: Simulator;

  before(async () => {
    slack = await new FakeSlack().start();
    sim = await startSimulator({ oauth: DEFAULT_OAUTH });
  });
  after(async () => {
    await slack.close();
    await sim.close();
  });

  const production = async (): Promise<Record<string, string>> => ({
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    SLACK_BOT_TOKEN: 'xoxb-footprint',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...apiKeyAccountEnv(sim.accountId, sim.url),
    LOG_LEVEL: 'error',
  });

  it('on a LivePerson account with QuickChart charts and SQLite: no canvas, Chart.js, piscina, pino-pretty, simulator or Redis client', async () => {
    const data = tempDataDir();
    const modules = await modulesOfStartedBot({ ...(await production()), DATA_DIR: data.dir }).finally(() =>
      data.remove(),
    );
    assert.ok(
      modules.some((m) => /node_modules\/sqlite3\//.test(m)),
      'the store it uses is loaded',
    );
    assert.deepEqual(
      loadedOf(modules, [
        '@napi-rs/canvas',
        'chart.js',
        'piscina',
        'pino-pretty',
        'the simulator',
        'the Redis client',
      ]),
      [],
    );
  });

  const redisUrl = process.env.TEST_REDIS_URL;
  it(`on Redis: no sqlite3${redisUrl ? '' : ' — skipped: set TEST_REDIS_URL'}`, async function () {
    if (!redisUrl) return this.skip();
    const namespace = `qp-test-footprint-${process.pid}`;
    const modules = await modulesOfStartedBot({
      ...(await production()),
      REDIS_URL: redisUrl,
      QP_TEST_NAMESPACE: namespace,
    }).finally(() => deleteNamespace(redisUrl, namespace));
    assert.ok(
      modules.some((m) => HEAVY['the Redis client']!.test(m)),
      'the store it uses is loaded',
    );
    assert.deepEqual(loadedOf(modules, ['sqlite3', '@napi-rs/canvas', 'chart.js', 'pino-pretty']), []);
  });
});
