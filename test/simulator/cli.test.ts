import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';
import { banner, exampleBody, parseCliArgs, simulatorOptions } from '../../src/simulator/cli-options';
import { SEED_EXAMPLE_BODY, SEED_EXAMPLE_NOW } from '../../src/simulator/seed-example';
import { BUSY } from './helpers';

describe('simulator: CLI', () => {
  it('reads port from --port, else SIM_PORT, else 4010, and the other options', () => {
    assert.equal((parseCliArgs([], {}) as { port: number }).port, 4010);
    assert.equal((parseCliArgs([], { SIM_PORT: '5001' }) as { port: number }).port, 5001);
    const o = parseCliArgs(
      [
        '--port',
        '0',
        '--seed=7',
        '--now',
        '2020-06-12T09:50:00Z',
        '--oauth',
        '--latency',
        '25',
        '--extra-skills',
        '3',
      ],
      { SIM_PORT: '5001' },
    );
    assert.deepEqual(o, {
      port: 0,
      host: '127.0.0.1',
      seed: 7,
      now: SEED_EXAMPLE_NOW,
      oauth: true,
      latencyMs: 25,
      extraSkills: 3,
    });
    assert.equal(
      (parseCliArgs(['--now', String(SEED_EXAMPLE_NOW)], {}) as { now: number }).now,
      SEED_EXAMPLE_NOW,
    );
    assert.equal(parseCliArgs(['--help'], {}), 'help');
    assert.throws(() => parseCliArgs(['--port', 'x'], {}), /--port/);
    assert.throws(() => parseCliArgs(['--now', 'someday'], {}), /--now/);
    assert.throws(() => parseCliArgs(['--bogus'], {}), /Unknown option --bogus/);
  });

  it('requires the default credentials with --oauth', () => {
    const opts = simulatorOptions(
      parseCliArgs(['--oauth'], {}) as Exclude<ReturnType<typeof parseCliArgs>, 'help'>,
    );
    assert.equal(opts.oauth?.appKey, 'sim-app-key');
    assert.equal(opts.login?.username, 'lead@example.com');
    assert.equal(opts.clientCredentials?.clientId, 'sim-client-id');
    const open = simulatorOptions(parseCliArgs([], {}) as Exclude<ReturnType<typeof parseCliArgs>, 'help'>);
    assert.equal(open.oauth, undefined);
  });

  it("prints the URL, account, credentials and a curl line with the documentation's example", () => {
    const o = parseCliArgs(['--now', String(SEED_EXAMPLE_NOW)], {}) as Exclude<
      ReturnType<typeof parseCliArgs>,
      'help'
    >;
    const text = banner(o, 'http://127.0.0.1:4010', '13350576', SEED_EXAMPLE_NOW);
    assert.match(text, /listening on http:\/\/127\.0\.0\.1:4010/);
    assert.match(text, /13350576/);
    assert.match(text, /sim-app-secret/);
    assert.match(text, /sim-access-token-secret/);
    assert.match(
      text,
      /curl -s -X POST 'http:\/\/127\.0\.0\.1:4010\/manager_workspace\/api\/account\/13350576\/metrics\?/,
    );
    assert.ok(
      text.includes(JSON.stringify(SEED_EXAMPLE_BODY)),
      'the literal example when the clock allows it',
    );
    const later = exampleBody(BUSY);
    assert.equal(later.filters.time.to - later.filters.time.from, 3_600_000);
    assert.ok(later.filters.time.to <= BUSY);
  });

  it('runs as a process, serves, and closes cleanly on SIGTERM', async function () {
    this.timeout(15_000);
    const root = path.resolve(__dirname, '../..');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/simulator/cli.ts', '--now', String(SEED_EXAMPLE_NOW)],
      {
        cwd: root,
        env: { ...process.env, SIM_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 12_000);
        child.stdout.on('data', () => {
          const m = out.match(/listening on (http:\/\/[^\s]+)/);
          if (m && out.includes('-d ')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const res = await axios.post(
        `${url}/manager_workspace/api/account/13350576/metrics`,
        SEED_EXAMPLE_BODY,
      );
      assert.equal(res.data.groupBy.groupByField, 'agentGroupId');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, out);
    assert.match(out, /SIGTERM: closing the simulator/);
  });
});
