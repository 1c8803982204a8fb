import { strict as assert } from 'node:assert';
import { ConfigError, describeAuth, readConfig } from '../src/config';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh' };

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('readConfig', () => {
  it('runs on the simulator with defaults when LP_ACCOUNT_ID is unset', () => {
    const c = readConfig(base);
    assert.deepEqual(c.livePerson, { mode: 'simulator' });
    assert.equal(c.port, 3000);
    assert.equal(c.charts, 'quickchart');
    assert.equal(c.quickchartUrl, 'https://quickchart.io');
    assert.equal(c.defaultTimezone, 'UTC');
    assert.equal(c.dataDir, './data');
    assert.equal(c.kmmCacheTtlSeconds, 30);
    assert.equal(c.loadScale, 'ratio');
    assert.equal(c.slack.apiUrl, undefined);
    assert.equal(c.targetsFile, undefined);
  });

  it('names the targets file when TARGETS_FILE is set (it is read and checked at start)', () => {
    assert.equal(readConfig({ ...base, TARGETS_FILE: './targets.json' }).targetsFile, './targets.json');
  });

  it('reads DIGEST_ADMINS as user ids (commas or spaces, repeats dropped); none by default', () => {
    assert.deepEqual(readConfig(base).digestAdmins, []);
    assert.deepEqual(readConfig({ ...base, DIGEST_ADMINS: 'U0123ABCD, W0456EFGH U0123ABCD' }).digestAdmins, [
      'U0123ABCD',
      'W0456EFGH',
    ]);
  });

  it('refuses DIGEST_ADMINS that are not user ids, saying where to find one', () => {
    const [p] = problems({ ...base, DIGEST_ADMINS: 'U0123ABCD,@lee' });
    assert.match(p!, /DIGEST_ADMINS must be Slack user ids .* \(not '@lee'\).*Copy member ID/);
  });

  it('reads a real account with the four OAuth values and a CSDS URL', () => {
    const c = readConfig({
      ...base,
      LP_ACCOUNT_ID: '12345678',
      LP_CSDS_URL: 'http://127.0.0.1:4010/',
      LP_APP_KEY: 'k',
      LP_APP_SECRET: 's',
      LP_ACCESS_TOKEN: 't',
      LP_ACCESS_TOKEN_SECRET: 'ts',
    });
    assert.deepEqual(c.livePerson, {
      mode: 'account',
      accountId: '12345678',
      csdsUrl: 'http://127.0.0.1:4010',
      auth: {
        mode: 'api-key',
        oauth: { appKey: 'k', appSecret: 's', accessToken: 't', accessTokenSecret: 'ts' },
      },
    });
  });

  it('reads OAuth 2.0 client credentials (LP_CLIENT_ID, LP_CLIENT_SECRET)', () => {
    const c = readConfig({ ...base, LP_ACCOUNT_ID: '1', LP_CLIENT_ID: 'id', LP_CLIENT_SECRET: 'secret' });
    assert.ok(c.livePerson.mode === 'account');
    assert.deepEqual(c.livePerson.auth, {
      mode: 'client-credentials',
      clientCredentials: { clientId: 'id', clientSecret: 'secret' },
    });
    assert.equal(
      describeAuth('client-credentials'),
      'OAuth 2.0 client credentials (LP_CLIENT_ID, LP_CLIENT_SECRET)',
    );
  });

  it('refuses values from two auth modes in one line naming the variables that are set', () => {
    const both = problems({
      ...base,
      LP_ACCOUNT_ID: '1',
      LP_CLIENT_ID: 'id',
      LP_CLIENT_SECRET: 'secret',
      LP_USERNAME: 'u',
    });
    assert.equal(both.length, 1);
    assert.equal(
      both[0],
      'Set the credentials of one LivePerson auth mode only; found OAuth 2.0 client credentials (LP_CLIENT_ID, LP_CLIENT_SECRET) and Login Service user (LP_USERNAME).',
    );
    const three = problems({
      ...base,
      LP_ACCOUNT_ID: '1',
      LP_APP_KEY: 'k',
      LP_APP_SECRET: 's',
      LP_ACCESS_TOKEN: 't',
      LP_ACCESS_TOKEN_SECRET: 'ts',
      LP_CLIENT_SECRET: 'only-the-secret',
      LP_PASSWORD: 'pw',
    });
    assert.equal(three.length, 1);
    assert.match(
      three[0]!,
      /OAuth 1\.0a API key \(LP_APP_KEY, LP_APP_SECRET, LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET\)/,
    );
    assert.match(
      three[0]!,
      /OAuth 2\.0 client credentials \(LP_CLIENT_SECRET\) and Login Service user \(LP_PASSWORD\)/,
    );
    assert.ok(!three[0]!.includes('only-the-secret') && !three[0]!.includes('pw)'));
    assert.ok(!three[0]!.includes('\n'));
  });

  it('defaults LP_CSDS_URL to LivePerson and accepts a user login', () => {
    const c = readConfig({ ...base, LP_ACCOUNT_ID: '1', LP_USERNAME: 'u', LP_PASSWORD: 'p' });
    assert.ok(c.livePerson.mode === 'account');
    assert.equal(c.livePerson.csdsUrl, 'https://api.liveperson.net');
    assert.deepEqual(c.livePerson.auth, { mode: 'login', login: { username: 'u', password: 'p' } });
  });

  it('Socket Mode needs no signing secret; SLACK_API_URL gets a trailing slash', () => {
    const c = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    assert.equal(c.slack.appToken, 'xapp-1');
    assert.equal(c.slack.apiUrl, 'http://127.0.0.1:9/api/');
  });

  it('names the variable and what to set for each problem', () => {
    assert.match(problems({})[0]!, /SLACK_BOT_TOKEN is not set/);
    assert.match(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]!, /SLACK_SIGNING_SECRET is not set/);
    assert.match(problems({ ...base, SLACK_BOT_TOKEN: 'xoxp-user' })[0]!, /starting with xoxb-/);
    assert.match(
      problems({ ...base, SLACK_APP_TOKEN: 'xoxb-nope' })[0]!,
      /SLACK_APP_TOKEN must be an app-level token/,
    );
    assert.match(
      problems({ ...base, PORT: 'eighty' })[0]!,
      /PORT must be a number between 1 and 65535 \(got 'eighty'\)/,
    );
    assert.match(problems({ ...base, PORT: '70000' })[0]!, /PORT/);
    assert.match(problems({ ...base, SLACK_API_URL: 'nope' })[0]!, /SLACK_API_URL must be an http\(s\) URL/);
    assert.match(
      problems({ ...base, DEFAULT_TIMEZONE: 'Mars/Olympus' })[0]!,
      /DEFAULT_TIMEZONE must be an IANA time zone/,
    );
    assert.match(problems({ ...base, CHARTS: 'pie' })[0]!, /CHARTS must be quickchart, upload or off/);
    assert.match(problems({ ...base, QUICKCHART_URL: 'ftp://x' })[0]!, /QUICKCHART_URL/);
    assert.match(problems({ ...base, KMM_CACHE_TTL_SECONDS: '-5' })[0]!, /KMM_CACHE_TTL_SECONDS/);
    assert.match(problems({ ...base, LOG_LEVEL: 'loud' })[0]!, /LOG_LEVEL/);
    assert.match(
      problems({ ...base, LP_LOAD_SCALE: 'fraction' })[0]!,
      /LP_LOAD_SCALE must be ratio .* or percent/,
    );
    assert.equal(readConfig({ ...base, LP_LOAD_SCALE: 'Percent' }).loadScale, 'percent');
  });

  it('asks for credentials when an account is set, and for the missing API-key values', () => {
    assert.match(problems({ ...base, LP_ACCOUNT_ID: '123' })[0]!, /no LivePerson credentials/);
    assert.match(
      problems({ ...base, LP_ACCOUNT_ID: '123', LP_APP_KEY: 'k', LP_APP_SECRET: 's' })[0]!,
      /missing LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET/,
    );
    assert.match(problems({ ...base, LP_ACCOUNT_ID: '123', LP_USERNAME: 'u' })[0]!, /LP_PASSWORD is missing/);
    assert.match(
      problems({ ...base, LP_ACCOUNT_ID: '123', LP_CLIENT_ID: 'id' })[0]!,
      /^LP_CLIENT_ID and LP_CLIENT_SECRET go together; LP_CLIENT_SECRET is missing\.$/,
    );
    assert.match(problems({ ...base, LP_ACCOUNT_ID: '123' })[0]!, /LP_CLIENT_ID and LP_CLIENT_SECRET/);
    assert.match(
      problems({ ...base, LP_ACCOUNT_ID: '123', LP_USERNAME: 'u', LP_PASSWORD: 'p', LP_CSDS_URL: 'x' })[0]!,
      /LP_CSDS_URL/,
    );
  });

  it('lists every problem at once and never echoes secrets', () => {
    const secret = 'redis://:hunter2@cache:6379';
    try {
      readConfig({
        SLACK_BOT_TOKEN: 'bad-token-value',
        PORT: 'x',
        REDIS_URL: secret.replace('redis', 'http'),
      });
      assert.fail('expected a ConfigError');
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      assert.ok(e.problems.length >= 3);
      assert.ok(!e.message.includes('hunter2'));
      assert.ok(!e.message.includes('bad-token-value'));
    }
  });
});
