import { strict as assert } from 'node:assert';
import { App, LogLevel as BoltLogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { consoleStyle, createLogger, type LoggerOptions, type LogLevel } from '../../src/shared/logger';
import { boltLogger } from '../../src/slack/bolt-logger';

type Line = Record<string, unknown>;

/** A logger writing into `raw` (exactly what reached the destination) and `lines` (parsed). */
function capture(opts: Partial<LoggerOptions> = {}) {
  const raw: string[] = [];
  const log = createLogger({
    level: 'debug',
    ...opts,
    destination: { write: (chunk: string) => void raw.push(chunk) },
  });
  return {
    log,
    raw,
    get lines(): Line[] {
      return raw.map((r) => JSON.parse(r) as Line);
    },
    get text(): string {
      return raw.join('');
    },
  };
}

// Lines carry the level's name (not pino's number), so a person grepping reads them too.
const LEVEL: Record<LogLevel, string> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

const SECRET = 'xoxb-1234-abcdef-SECRET';

describe('createLogger', () => {
  it('writes one JSON object per line with level, msg, name and the fields given', () => {
    const c = capture();
    c.log.info('report sent', { report: 'overview', rows: 3, nested: { ok: true } });
    c.log.warn('second');
    assert.equal(c.raw.length, 2);
    for (const r of c.raw) {
      assert.ok(r.endsWith('\n'), 'each write ends the line');
      assert.equal(r.trimEnd().includes('\n'), false, 'a write is exactly one line');
    }
    const [first, second] = c.lines;
    assert.equal(first!.level, LEVEL.info);
    assert.equal(first!.msg, 'report sent');
    assert.equal(first!.name, 'queue-pulse');
    assert.match(String(first!.time), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'an ISO time');
    assert.equal(first!.report, 'overview');
    assert.equal(first!.rows, 3);
    assert.deepEqual(first!.nested, { ok: true });
    assert.equal(second!.level, LEVEL.warn);
    assert.equal(second!.msg, 'second');
  });

  it('each method writes at its own level', () => {
    const c = capture();
    c.log.debug('d');
    c.log.info('i');
    c.log.warn('w');
    c.log.error('e');
    assert.deepEqual(
      c.lines.map((l) => [l.msg, l.level]),
      [
        ['d', LEVEL.debug],
        ['i', LEVEL.info],
        ['w', LEVEL.warn],
        ['e', LEVEL.error],
      ],
    );
  });

  it('a message that spans lines still makes one JSON line', () => {
    const c = capture();
    c.log.error('first\nsecond\r\nthird');
    assert.equal(c.raw.length, 1);
    assert.equal(c.raw[0]!.trimEnd().split('\n').length, 1);
    assert.equal(c.lines[0]!.msg, 'first\nsecond\r\nthird');
  });

  it('the level filters lines: debug is hidden at info, info at warn, all but error at error', () => {
    const cases: [LogLevel, string[]][] = [
      ['debug', ['d', 'i', 'w', 'e']],
      ['info', ['i', 'w', 'e']],
      ['warn', ['w', 'e']],
      ['error', ['e']],
    ];
    for (const [level, shown] of cases) {
      const c = capture({ level });
      for (const l of [c.log, c.log.child({ team: 'T1' })]) {
        l.debug('d', { x: 1 });
        l.info('i');
        l.warn('w');
        l.error('e');
      }
      assert.deepEqual(
        c.lines.map((l) => l.msg),
        [...shown, ...shown],
        `at ${level}`,
      );
    }
  });

  describe('child loggers', () => {
    it('every line of a child carries its bindings (team, user, surface, requestId)', () => {
      const c = capture();
      const child = c.log.child({ team: 'T1', user: 'U1', surface: 'dm', requestId: 'r-42' });
      child.info('clicked', { actionId: 'a1' });
      child.error('failed');
      for (const line of c.lines) {
        assert.equal(line.team, 'T1');
        assert.equal(line.user, 'U1');
        assert.equal(line.surface, 'dm');
        assert.equal(line.requestId, 'r-42');
        assert.equal(line.name, 'queue-pulse');
      }
      assert.equal(c.lines[0]!.actionId, 'a1');
      assert.equal(c.lines[1]!.msg, 'failed');
    });

    it('children of children accumulate bindings; the parent stays unchanged', () => {
      const c = capture();
      const a = c.log.child({ component: 'bolt' });
      const b = a.child({ team: 'T1' });
      const d = b.child({ user: 'U1', requestId: 'r1' });
      d.info('deep');
      a.info('middle');
      c.log.info('root');
      const [deep, middle, root] = c.lines;
      assert.equal(deep!.component, 'bolt');
      assert.equal(deep!.team, 'T1');
      assert.equal(deep!.user, 'U1');
      assert.equal(deep!.requestId, 'r1');
      assert.equal(middle!.component, 'bolt');
      assert.equal('team' in middle!, false);
      assert.equal('component' in root!, false);
    });

    it('a field given on a line wins over a binding of the same name', () => {
      const c = capture();
      c.log.child({ surface: 'dm' }).info('moved', { surface: 'channel' });
      assert.equal(c.lines[0]!.surface, 'channel');
    });
  });

  describe('secrets', () => {
    it('are scrubbed from the message', () => {
      const c = capture({ secrets: () => [SECRET] });
      c.log.info(`calling with ${SECRET} twice: ${SECRET}.`);
      assert.equal(c.lines[0]!.msg, 'calling with [redacted] twice: [redacted].');
      assert.equal(c.text.includes(SECRET), false);
    });

    it('are scrubbed from field values, nested in objects and arrays', () => {
      const c = capture({ secrets: () => [SECRET] });
      c.log.warn('x', {
        url: `https://example.com/?t=${SECRET}`,
        nested: { deeper: { value: `Bearer ${SECRET}` } },
        list: ['a', SECRET, { inList: SECRET }],
        count: 3,
        none: null,
      });
      const line = c.lines[0]!;
      assert.equal(c.text.includes(SECRET), false);
      assert.equal(line.url, 'https://example.com/?t=[redacted]');
      assert.deepEqual(line.nested, { deeper: { value: 'Bearer [redacted]' } });
      assert.deepEqual(line.list, ['a', '[redacted]', { inList: '[redacted]' }]);
      assert.equal(line.count, 3, 'non-strings pass through');
      assert.equal(line.none, null);
    });

    it('are scrubbed from values nested however deep', () => {
      const c = capture({ secrets: () => [SECRET] });
      c.log.info('deep', { l1: { l2: { l3: { l4: { l5: { l6: { l7: SECRET } } } } } } });
      assert.equal(c.text.includes(SECRET), false, c.text);
      assert.ok(c.text.includes('[redacted]'));
    });

    it('a value that contains itself does not loop and still gets scrubbed', () => {
      const c = capture({ secrets: () => [SECRET] });
      const loop: Record<string, unknown> = { v: SECRET };
      loop.self = loop;
      c.log.info('loop', { loop });
      assert.equal(c.raw.length, 1);
      assert.equal(c.text.includes(SECRET), false);
      assert.equal((c.lines[0]!.loop as Line).v, '[redacted]');
    });

    it('are scrubbed from child bindings', () => {
      const c = capture({ secrets: () => [SECRET] });
      c.log
        .child({ endpoint: `https://x.test/?key=${SECRET}` })
        .child({ user: SECRET })
        .info('hi');
      const line = c.lines[0]!;
      assert.equal(c.text.includes(SECRET), false);
      assert.equal(line.endpoint, 'https://x.test/?key=[redacted]');
      assert.equal(line.user, '[redacted]');
    });

    it('are scrubbed in their URL-encoded and JSON-escaped forms', () => {
      const tricky = 'p@ss w/rd"quoted"&x=1';
      const encoded = encodeURIComponent(tricky);
      const escaped = JSON.stringify(tricky).slice(1, -1);
      assert.notEqual(encoded, tricky);
      assert.notEqual(escaped, tricky);
      const c = capture({ secrets: () => [tricky] });
      c.log.info(`raw ${tricky} | url ${encoded} | json ${escaped}`, {
        body: JSON.stringify({ password2: tricky }),
        query: `a=${encoded}`,
      });
      const line = c.lines[0]!;
      assert.equal(line.msg, 'raw [redacted] | url [redacted] | json [redacted]');
      assert.equal(line.body, '{"password2":"[redacted]"}');
      assert.equal(line.query, 'a=[redacted]');
      for (const form of [tricky, encoded, escaped]) assert.equal(c.text.includes(form), false, form);
    });

    it('are read on every line: a secret rotated after the logger was made is scrubbed too', () => {
      let current = ['old-secret-value'];
      const c = capture({ secrets: () => current });
      const early = c.log.child({ callback: 'https://x.test/?t=new-secret-value' });
      c.log.info('old-secret-value');
      current = ['new-secret-value'];
      c.log.info('new-secret-value and old-secret-value', { f: 'new-secret-value' });
      early.info('child made before the rotation');
      const [before, after, child] = c.lines;
      assert.equal(before!.msg, '[redacted]');
      assert.equal(after!.msg, '[redacted] and old-secret-value', 'only the current secrets are scrubbed');
      assert.equal(after!.f, '[redacted]');
      assert.equal(child!.callback, 'https://x.test/?t=[redacted]', 'bindings are scrubbed per line too');
      assert.equal(c.text.includes('new-secret-value'), false);
    });

    it('short secrets (< 6 chars) are not used for scrubbing, so ordinary words survive', () => {
      const c = capture({ secrets: () => ['a', 'team', 'abcde', 'abcdef', ''] });
      c.log.info('a team member said abcde and abcdef', { word: 'team' });
      const line = c.lines[0]!;
      assert.equal(line.msg, 'a team member said abcde and [redacted]');
      assert.equal(line.word, 'team');
    });

    it('without secrets() only credential-looking text is scrubbed', () => {
      const plain = 'plain-value-123456';
      const c = capture();
      c.log.info(`${plain} ${SECRET}`, { v: plain, w: SECRET });
      assert.equal(c.lines[0]!.msg, `${plain} [redacted]`, 'the Slack token goes by its look');
      assert.equal(c.lines[0]!.v, plain);
      assert.equal(c.lines[0]!.w, '[redacted]');
    });
  });

  describe('credential-looking text, configured or not', () => {
    const BOT = 'xoxb-2211-3344-AbCdEfGh1234';
    const USER = 'xoxp-5566-7788-9900-ZyXwVu987';
    const APP = 'xapp-1-A0123BCD-4455-0a1b2c3d4e5f';
    const REFRESH = 'xoxe-1-My0xLTE2MzQ1Njc4';

    it('Slack bot, user, app-level and refresh tokens are scrubbed from the message', () => {
      const c = capture();
      c.log.error(`auth.test failed for ${BOT}; user ${USER}, app token ${APP}, refresh ${REFRESH}.`);
      assert.equal(
        c.lines[0]!.msg,
        'auth.test failed for [redacted]; user [redacted], app token [redacted], refresh [redacted].',
      );
      for (const t of [BOT, USER, APP, REFRESH]) assert.equal(c.text.includes(t), false, t);
    });

    it('Slack tokens are scrubbed from nested fields, arrays, URLs and child bindings', () => {
      const c = capture();
      c.log.child({ source: `socket ${APP}` }).warn('x', {
        request: { body: { text: `my token is ${BOT} ok` } },
        list: [USER, { deeper: [APP] }],
        url: `https://slack.com/api/auth.test?t=${BOT}&pretty=1`,
        json: JSON.stringify({ t: USER }),
      });
      const line = c.lines[0]!;
      for (const t of [BOT, USER, APP]) assert.equal(c.text.includes(t), false, `${t}: ${c.text}`);
      assert.equal(line.source, 'socket [redacted]');
      assert.deepEqual(line.request, { body: { text: 'my token is [redacted] ok' } });
      assert.deepEqual(line.list, ['[redacted]', { deeper: ['[redacted]'] }]);
      assert.equal(line.url, 'https://slack.com/api/auth.test?t=[redacted]&pretty=1');
      assert.equal(line.json, '{"t":"[redacted]"}');
    });

    it('an Authorization header pasted into an error message is scrubbed', () => {
      const bearer = 'abc123def456ghi789.jkl-mno_pqr';
      const c = capture();
      c.log.error(`request failed: Authorization: Bearer ${bearer}\naccept: json`, {
        error: `401 from upstream; sent authorization="Bearer ${bearer}"`,
      });
      const line = c.lines[0]!;
      assert.equal(c.text.includes(bearer), false, c.text);
      assert.equal(
        line.msg,
        'request failed: Authorization: [redacted]\naccept: json',
        'the next line is kept',
      );
      assert.equal(line.error, '401 from upstream; sent authorization="[redacted]"');
    });

    it('a bearer token in free text is scrubbed', () => {
      const c = capture();
      c.log.warn('retrying with bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-nature after 401');
      assert.equal(c.lines[0]!.msg, 'retrying with bearer [redacted] after 401');
    });

    it('credentials in util.format output (consoleStyle) are scrubbed', () => {
      const c = capture();
      consoleStyle(c.log, { source: 'lp' }).error('oauth answer', {
        access_token: 'at-value-123',
        refresh_token: 'rt-value-456',
        expires_in: 3600,
      });
      const msg = String(c.lines[0]!.msg);
      assert.equal(msg.includes('at-value-123'), false, msg);
      assert.equal(msg.includes('rt-value-456'), false, msg);
      assert.ok(msg.includes('expires_in: 3600'), msg);
    });

    it('ordinary text is untouched, in the message and in fields', () => {
      const ordinary = [
        'SLACK_BOT_TOKEN must be a bot token starting with xoxb-.',
        "copy the Bot User OAuth Token (xoxb-…) from the app's page",
        'the bearer of bad news: 3 tokens left, token budget fine',
        'password reset is not something this bot does; see the cookie policy',
        'https://api.slack.com/methods/auth.test?team=T1&channel=C2',
        'queue "Sales" has 4 waiting, longest 02:13; secretary skill offline',
        '{"tokenCount":12,"tokens":3,"tokenType":"bearer"}',
      ];
      const c = capture();
      for (const t of ordinary) c.log.info(t, { t, nested: { t } });
      assert.deepEqual(
        c.lines.map((l) => l.msg),
        ordinary,
      );
      for (const [i, l] of c.lines.entries()) {
        assert.equal(l.t, ordinary[i]);
        assert.deepEqual(l.nested, { t: ordinary[i] });
      }
      assert.equal(c.text.includes('[redacted]'), false);
    });
  });

  describe('fields named like credentials', () => {
    it('are censored whatever they hold, at the top level', () => {
      const c = capture();
      c.log.info('x', {
        token: 'not-a-known-secret',
        botToken: 'b',
        appToken: 'a',
        authorization: 'Bearer abc',
        Authorization: 'Bearer ABC',
        password: 'hunter2',
        secret: 's',
        signingSecret: 'ss',
        cookie: 'sid=1',
        tokens: 'not censored: another name',
      });
      const line = c.lines[0]!;
      for (const k of [
        'token',
        'botToken',
        'appToken',
        'authorization',
        'Authorization',
        'password',
        'secret',
        'signingSecret',
        'cookie',
      ])
        assert.equal(line[k], '[redacted]', k);
      assert.equal(line.tokens, 'not censored: another name');
      for (const v of ['not-a-known-secret', 'Bearer abc', 'hunter2', 'sid=1'])
        assert.equal(c.text.includes(v), false);
    });

    it('are censored when nested (headers.authorization, x.token, …), objects included', () => {
      const c = capture();
      c.log.warn('x', {
        headers: { authorization: 'Bearer h', cookie: 'c=1', accept: 'json' },
        lp: { token: 't-1', password: 'p-1', secret: 's-1', consumerKey: 'kept' },
        auth: { token: { nested: 'object' } },
      });
      const line = c.lines[0]!;
      assert.deepEqual(line.headers, { authorization: '[redacted]', cookie: '[redacted]', accept: 'json' });
      assert.deepEqual(line.lp, {
        token: '[redacted]',
        password: '[redacted]',
        secret: '[redacted]',
        consumerKey: 'kept',
      });
      assert.deepEqual(line.auth, { token: '[redacted]' });
    });

    it('are censored however deep they are nested, and in any letter case', () => {
      const c = capture();
      c.log.error('request failed', {
        error: { config: { headers: { Authorization: 'Bearer deep-1' } } },
        req: { headers: { authorization: 'Bearer deep-2', COOKIE: 'deep-3' } },
      });
      for (const v of ['deep-1', 'deep-2', 'deep-3'])
        assert.equal(c.text.includes(v), false, `${v}: ${c.text}`);
    });

    it('are matched normalized: letter case, `_`, `-` and other separators do not matter', () => {
      const names = [
        'access_token',
        'Access-Token',
        'accessToken',
        'ACCESS_TOKEN',
        'refresh_token',
        'id-token',
        'bot_token',
        'client_secret',
        'Client-Secret',
        'app_secret',
        'consumer.secret',
        'access_token_secret',
        'signing_secret',
        'api_key',
        'X-Api-Key',
        'Proxy-Authorization',
        'Set-Cookie',
        'x_csrf_token',
        'pass wd',
      ];
      const c = capture();
      c.log.info('x', Object.fromEntries(names.map((n, i) => [n, `value-${i}-kept-out`])));
      const line = c.lines[0]!;
      for (const n of names) assert.equal(line[n], '[redacted]', n);
      assert.equal(c.text.includes('-kept-out'), false, c.text);
    });

    it('x-slack-signature and authorization nested in headers are censored; other headers stay', () => {
      const c = capture();
      c.log.warn('signature mismatch', {
        request: {
          headers: {
            'X-Slack-Signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
            'x-slack-request-timestamp': '1531420618',
            'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
            'content-type': 'application/json',
          },
        },
        headers: [{ x_slack_signature: 'v0=deadbeef' }],
      });
      const line = c.lines[0]!;
      assert.deepEqual((line.request as Line).headers, {
        'X-Slack-Signature': '[redacted]',
        'x-slack-request-timestamp': '1531420618',
        'Proxy-Authorization': '[redacted]',
        'content-type': 'application/json',
      });
      assert.deepEqual(line.headers, [{ x_slack_signature: '[redacted]' }]);
    });

    it('counts and metadata named after tokens are kept (exact names only); their values still get scrubbed', () => {
      const c = capture();
      c.log.info('usage', {
        tokens: 1234,
        tokenCount: 56,
        token_count: 7,
        tokenType: 'bearer',
        tokenExpiresAt: '2030-01-01T00:00:00Z',
        passwordPolicy: 'min 12',
        secretName: 'lp-keys',
        usage: { tokens: 99 },
        leaked: { tokens: 'xoxb-1111-2222-LeakedByValue' },
      });
      const line = c.lines[0]!;
      assert.equal(line.tokens, 1234);
      assert.equal(line.tokenCount, 56);
      assert.equal(line.token_count, 7);
      assert.equal(line.tokenType, 'bearer');
      assert.equal(line.tokenExpiresAt, '2030-01-01T00:00:00Z');
      assert.equal(line.passwordPolicy, 'min 12');
      assert.equal(line.secretName, 'lp-keys');
      assert.deepEqual(line.usage, { tokens: 99 });
      assert.deepEqual(line.leaked, { tokens: '[redacted]' }, 'the Slack token goes by its value');
    });

    it('are censored in child bindings', () => {
      const c = capture();
      c.log.child({ token: 'child-token', team: 'T1' }).info('x');
      assert.equal(c.lines[0]!.token, '[redacted]');
      assert.equal(c.lines[0]!.team, 'T1');
    });
  });

  it('cuts a very long string, after scrubbing known secrets, so no half of one survives the cut', () => {
    const plain = 'plain-secret-value-123456'; // no pattern would know it
    const c = capture({ secrets: () => [plain] });
    const long = 'x'.repeat(16_384 - 10) + plain + 'y'.repeat(100);
    c.log.info(long, { body: long });
    const [line] = c.lines;
    assert.ok(!c.text.includes(plain.slice(0, 10)), 'no part of the secret');
    assert.match(String(line!.msg), /…\[cut\]$/);
    assert.ok(String(line!.msg).length < 16_500);
    assert.match(String(line!.body), /…\[cut\]$/);
  });
});

describe('consoleStyle', () => {
  it("formats console-style arguments as Node's console does", () => {
    const c = capture();
    const con = consoleStyle(c.log, { source: 'lp' });
    con.info('%s n=%d', 'x', 3);
    con.warn('object:', { a: 1, b: ['c'] });
    con.error('plain', 'words', 42);
    con.debug({ only: 'object' });
    assert.deepEqual(
      c.lines.map((l) => l.msg),
      ['x n=3', "object: { a: 1, b: [ 'c' ] }", 'plain words 42', "{ only: 'object' }"],
    );
  });

  it('does not format the arguments of a line below LOG_LEVEL (Bolt logs every ack at debug)', () => {
    const c = capture({ level: 'info' });
    let formatted = 0;
    const body = { [Symbol.for('nodejs.util.inspect.custom')]: () => `body #${++formatted}` };
    const con = consoleStyle(c.log, { source: 'bolt' });
    con.debug('ack() response sent', body);
    assert.equal(formatted, 0, 'a debug line at info costs nothing');
    con.info('ack() response sent', body);
    assert.equal(formatted, 1);
    assert.deepEqual(
      c.lines.map((l) => l.msg),
      ['ack() response sent body #1'],
    );
  });

  it('writes each method at its level and tags every line with its fields', () => {
    const c = capture();
    const con = consoleStyle(c.log.child({ team: 'T1' }), { source: 'lp', layer: 'transport' });
    con.debug('d');
    con.info('i');
    con.warn('w');
    con.error('e');
    assert.deepEqual(
      c.lines.map((l) => l.level),
      [LEVEL.debug, LEVEL.info, LEVEL.warn, LEVEL.error],
    );
    for (const l of c.lines) {
      assert.equal(l.source, 'lp');
      assert.equal(l.layer, 'transport');
      assert.equal(l.team, 'T1');
    }
  });

  it('scrubs secrets from formatted arguments and honours the level', () => {
    const c = capture({ level: 'info', secrets: () => [SECRET] });
    const con = consoleStyle(c.log, { source: 'lp' });
    con.debug('hidden %s', SECRET);
    con.info('token=%s', SECRET);
    con.warn('cfg', { headers: { Authorization: `Bearer ${SECRET}` } });
    assert.equal(c.lines.length, 2);
    assert.equal(c.lines[0]!.msg, 'token=[redacted]');
    assert.equal(c.text.includes(SECRET), false);
  });
});

describe('boltLogger', () => {
  it("satisfies Bolt's Logger interface", () => {
    const c = capture();
    const logger: BoltLogger = boltLogger(c.log, 'info');
    for (const m of ['debug', 'info', 'warn', 'error', 'setLevel', 'getLevel', 'setName'] as const)
      assert.equal(typeof logger[m], 'function', m);
    assert.equal(logger.getLevel(), BoltLogLevel.INFO);
    logger.setLevel(BoltLogLevel.DEBUG);
    assert.equal(logger.getLevel(), BoltLogLevel.DEBUG);
    logger.setLevel(BoltLogLevel.ERROR);
    assert.equal(logger.getLevel(), BoltLogLevel.ERROR);
    assert.doesNotThrow(() => logger.setName('web-api:WebClient:0'));
  });

  it('its lines carry source: bolt, console-style formatted, at their level', () => {
    const c = capture();
    const logger = boltLogger(c.log.child({ component: 'bolt' }), 'debug');
    logger.debug('apiCall(%s) start', 'chat.postMessage');
    logger.info('info', 1);
    logger.warn({ w: true });
    logger.error('e');
    assert.deepEqual(
      c.lines.map((l) => [l.level, l.msg, l.source, l.component]),
      [
        [LEVEL.debug, 'apiCall(chat.postMessage) start', 'bolt', 'bolt'],
        [LEVEL.info, 'info 1', 'bolt', 'bolt'],
        [LEVEL.warn, '{ w: true }', 'bolt', 'bolt'],
        [LEVEL.error, 'e', 'bolt', 'bolt'],
      ],
    );
  });

  it('LOG_LEVEL of the process logger decides; setLevel does not let debug lines through', () => {
    const c = capture({ level: 'info' });
    const logger = boltLogger(c.log, 'info');
    logger.setLevel(BoltLogLevel.DEBUG);
    logger.debug('hidden');
    logger.info('shown');
    assert.deepEqual(
      c.lines.map((l) => l.msg),
      ['shown'],
    );
  });

  it('Slack clients accept it: WebClient and a Bolt App log through it', () => {
    const c = capture({ secrets: () => ['xoxb-test-token-value'] });
    const logger = boltLogger(c.log, 'debug');
    const web = new WebClient('xoxb-test-token-value', { logger, logLevel: BoltLogLevel.DEBUG });
    assert.ok(web);
    assert.ok(
      c.lines.some((l) => l.source === 'bolt' && l.msg === 'initialized'),
      `WebClient's debug line came through: ${c.text}`,
    );
    const app = new App({
      token: 'xoxb-test-token-value',
      signingSecret: 'test-signing-secret',
      logger,
      logLevel: BoltLogLevel.WARN,
      tokenVerificationEnabled: false,
    });
    assert.ok(app);
    assert.equal(logger.getLevel(), BoltLogLevel.WARN, 'Bolt set the level it was given');
    assert.equal(c.text.includes('xoxb-test-token-value'), false);
  });
});
