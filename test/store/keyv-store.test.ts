import { execFileSync } from 'node:child_process';
/**
 * The real stores: SQLite in a temp DATA_DIR, and Redis at TEST_REDIS_URL (skipped, saying so, when
 * it is unset). Each Redis run writes under its own namespace and deletes what it wrote.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import sinon from 'sinon';
import { createLogger, type AppLogger } from '../../src/shared/logger';
import { openStore, safeRedisUrl, type StoreOptions } from '../../src/store/keyv-store';
import { StoreError, type RecordCodec, type Store } from '../../src/store/store';

const REDIS_URL = process.env.TEST_REDIS_URL;
const REDIS_HINT = 'set TEST_REDIS_URL=redis://127.0.0.1:6379 to run';

type Line = Record<string, unknown>;

/** A debug logger whose JSON lines land in `lines`. */
function captureLogger(): { logger: AppLogger; lines: Line[]; text: () => string } {
  const raw: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (l: string) => void raw.push(l) } });
  return {
    logger,
    get lines() {
      return raw.map((l) => JSON.parse(l) as Line);
    },
    text: () => raw.join(''),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A value whose stored form (JSON) differs from its typed form: the codec turns it back. */
interface Visit {
  user: string;
  at: Date;
  tags: string[];
}
function visitCodec(version = 1): RecordCodec<Visit> & { decode: sinon.SinonSpy } {
  return {
    version,
    decode: sinon.spy((data: unknown): Visit | undefined => {
      const d = data as { user?: unknown; at?: unknown; tags?: unknown };
      if (typeof d?.user !== 'string' || typeof d.at !== 'string' || !Array.isArray(d.tags)) return undefined;
      return { user: d.user, at: new Date(d.at), tags: d.tags as string[] };
    }),
  };
}
const visit = (user: string): Visit => ({ user, at: new Date('2024-05-06T07:08:09.010Z'), tags: ['a', 'b'] });

const numberCodec: RecordCodec<number> = {
  version: 1,
  decode: (d) => (typeof d === 'number' ? d : undefined),
};

const DECODE_WARNING = 'stored record no longer decodes; treated as absent';

interface Backend {
  /** Opens a store on the same place every time (same DATA_DIR / same Redis), in `namespace`. */
  open(namespace?: string): Promise<Store>;
  logs(): ReturnType<typeof captureLogger>;
}

/** What every store must do, on SQLite and on Redis alike. */
function behavesLikeAStore(backend: () => Backend): void {
  const opened: Store[] = [];
  const open = async (namespace?: string) => {
    const s = await backend().open(namespace);
    opened.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
  });

  it('set, get and delete round-trip a value, typed through the codec', async () => {
    const store = await open();
    const codec = visitCodec();
    const visits = store.repository('visits', codec);
    assert.equal(await visits.get('U1'), undefined, 'nothing stored yet');
    await visits.set('U1', visit('U1'));
    const got = await visits.get('U1');
    assert.ok(got?.at instanceof Date, 'decode turned the stored string back into a Date');
    assert.deepEqual(got, visit('U1'));
    sinon.assert.calledWith(codec.decode, { user: 'U1', at: '2024-05-06T07:08:09.010Z', tags: ['a', 'b'] });
    await visits.set('U1', { ...visit('U1'), tags: ['c'] });
    assert.deepEqual((await visits.get('U1'))?.tags, ['c'], 'a second set overwrites');
    assert.equal(await visits.delete('U1'), true);
    assert.equal(await visits.get('U1'), undefined);
    assert.equal(await visits.delete('U1'), false, 'nothing left to delete');
  });

  it('a value set with a ttl expires; one without stays', async () => {
    const store = await open();
    const repo = store.repository('ttl', numberCodec);
    await repo.set('short', 1, 80);
    await repo.set('kept', 2);
    assert.equal(await repo.get('short'), 1, 'there right after set');
    await sleep(250);
    assert.equal(await repo.get('short'), undefined, 'expired');
    assert.equal(await repo.get('kept'), 2);
  });

  it('a record stored with another codec version reads as undefined, with a warning', async () => {
    const store = await open();
    await store.repository('visits', visitCodec(1)).set('U1', visit('U1'));
    const v2 = visitCodec(2);
    assert.equal(await store.repository('visits', v2).get('U1'), undefined);
    sinon.assert.notCalled(v2.decode);
    const warning = backend()
      .logs()
      .lines.find((l) => l.msg === DECODE_WARNING);
    assert.ok(warning, 'a warning was logged');
    assert.equal(warning.level, 'warn');
    assert.equal(warning.key, 'visits:U1');
    assert.deepEqual(await store.repository('visits', visitCodec(1)).get('U1'), visit('U1'), 'still there');
  });

  it('a record the decoder rejects reads as undefined, with a warning', async () => {
    const store = await open();
    await store.repository<unknown>('visits', { version: 1, decode: (d) => d }).set('U1', { user: 42 });
    assert.equal(await store.repository('visits', visitCodec(1)).get('U1'), undefined);
    const warnings = backend()
      .logs()
      .lines.filter((l) => l.msg === DECODE_WARNING);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.key, 'visits:U1');
  });

  it('a key that was never written reads as undefined without a warning', async () => {
    const store = await open();
    assert.equal(await store.repository('visits', visitCodec()).get('nobody'), undefined);
    assert.equal(
      backend()
        .logs()
        .lines.some((l) => l.msg === DECODE_WARNING),
      false,
    );
  });

  it("two repositories do not see each other's keys", async () => {
    const store = await open();
    const a = store.repository('alpha', numberCodec);
    const b = store.repository('beta', numberCodec);
    await a.set('k', 1);
    assert.equal(await b.get('k'), undefined);
    await b.set('k', 2);
    assert.equal(await a.get('k'), 1);
    assert.equal(await b.get('k'), 2);
    assert.equal(await b.delete('k'), true);
    assert.equal(await a.get('k'), 1, "a delete in one repository leaves the other's key");
  });

  it("two stores with different namespaces do not see each other's keys", async () => {
    const one = await open('ns-one');
    const two = await open('ns-two');
    await one.repository('r', numberCodec).set('k', 1);
    assert.equal(await two.repository('r', numberCodec).get('k'), undefined);
    await two.repository('r', numberCodec).set('k', 2);
    assert.equal(await one.repository('r', numberCodec).get('k'), 1);
    assert.equal(await two.repository('r', numberCodec).delete('k'), true);
    assert.equal(await one.repository('r', numberCodec).get('k'), 1);
  });

  it('a claim is won by exactly one of many concurrent claimers, across two instances on one store', async () => {
    const [a, b] = [await open(), await open()];
    const key = `double-click:${randomBytes(4).toString('hex')}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(key, 60_000)),
    );
    assert.equal(results.filter(Boolean).length, 1, results.join(','));
    assert.equal(await a.claim(`${key}-other`, 60_000), true, 'another key is free');
  });

  it('a claim can be taken again once its ttl ran out, or once its holder released it', async () => {
    const [a, b] = [await open(), await open()];
    const key = `lease:${randomBytes(4).toString('hex')}`;
    assert.equal(await a.claim(key, 150), true);
    assert.equal(await b.claim(key, 150), false, 'held');
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(await b.claim(key, 60_000), true, 'expired: b takes it');
    await a.release(key);
    assert.equal(await a.claim(key, 60_000), false, "a's release did not free b's claim");
    await b.release(key);
    assert.equal(await a.claim(key, 60_000), true, "b's release freed it");
  });

  it('many stores opened at once in one process all open: their start-up probes do not collide', async () => {
    // All in the same millisecond, as a busy test or benchmark opening several instances can be.
    const frozen = sinon.stub(Date, 'now').returns(Date.now());
    try {
      const stores = await Promise.all(Array.from({ length: 8 }, () => open()));
      assert.equal(stores.length, 8);
    } finally {
      frozen.restore();
    }
  });

  it('renew keeps a live claim for its holder only; a lapsed one cannot be renewed once taken', async () => {
    const [a, b] = [await open(), await open()];
    const key = `renew:${randomBytes(4).toString('hex')}`;
    assert.equal(await a.claim(key, 200), true);
    assert.equal(await b.renew(key, 60_000), false, 'not b’s claim');
    assert.equal(await a.renew(key, 60_000), true);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await b.claim(key, 60_000), false, 'renewed: still a’s');
    const lapsing = `lapse:${randomBytes(4).toString('hex')}`;
    assert.equal(await a.claim(lapsing, 100), true);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await b.claim(lapsing, 60_000), true, 'lapsed: b takes it');
    assert.equal(await a.renew(lapsing, 60_000), false, 'a cannot take it back');
  });

  it('state survives closing and reopening the store', async () => {
    const first = await open();
    await first.repository('visits', visitCodec()).set('U1', visit('U1'));
    await first.repository('ttl', numberCodec).set('long', 7, 60_000);
    await first.close();
    const again = await open();
    assert.deepEqual(await again.repository('visits', visitCodec()).get('U1'), visit('U1'));
    assert.equal(await again.repository('ttl', numberCodec).get('long'), 7, 'a ttl that has not run out');
  });
}

describe('Store on SQLite (keyv + @keyv/sqlite)', () => {
  let dir: string;
  let logs: ReturnType<typeof captureLogger>;
  const options = (extra: Partial<StoreOptions> = {}): StoreOptions => ({
    dataDir: path.join(dir, 'data'),
    logger: logs.logger,
    ...extra,
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qp-store-'));
    logs = captureLogger();
  });
  behavesLikeAStore(() => ({
    open: (namespace) => openStore(options(namespace ? { namespace } : {})),
    logs: () => logs,
  }));
  // After the shared suite's own afterEach, which closes its stores.
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates DATA_DIR when it does not exist, and says where the file is', async () => {
    const dataDir = path.join(dir, 'not', 'yet', 'there');
    const store = await openStore(options({ dataDir }));
    try {
      assert.equal(store.kind, 'sqlite');
      assert.ok(fs.statSync(path.join(dataDir, 'queue-pulse.sqlite')).isFile());
      assert.match(store.where, /^SQLite at .*queue-pulse\.sqlite$/);
    } finally {
      await store.close();
    }
  });

  /** Keys in the SQLite file, read with SQL (not through Keyv, which would drop expired ones). */
  async function rowsIn(dataDir: string): Promise<string[]> {
    const raw = new KeyvSqlite({ uri: `sqlite://${path.join(dataDir, 'queue-pulse.sqlite')}` });
    try {
      const rows = (await raw.query('SELECT key FROM keyv ORDER BY key')) as { key: string }[];
      return rows.map((r) => r.key);
    } finally {
      await raw.disconnect();
    }
  }

  it('sweeps expired rows nobody reads again, at open and then on a timer', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await openStore(options({ namespace: 'qp-purge' }));
    const repo = first.repository('visits', visitCodec());
    await repo.set('gone', visit('gone'), 30);
    await repo.set('kept', visit('kept'), 3_600_000);
    await repo.set('forever', visit('forever'));
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const again = await openStore(options({ namespace: 'qp-purge', purgeEveryMs: 40 }));
    try {
      assert.deepEqual(await rowsIn(dataDir), ['qp-purge:visits:forever', 'qp-purge:visits:kept']);
      await again.repository('visits', visitCodec()).set('soon', visit('soon'), 20);
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.deepEqual(await rowsIn(dataDir), ['qp-purge:visits:forever', 'qp-purge:visits:kept']);
    } finally {
      await again.close();
    }
  });

  it('a DATA_DIR under a regular file → StoreError naming DATA_DIR and saying what to do', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const dataDir = path.join(file, 'data');
    await assert.rejects(openStore(options({ dataDir })), (err: unknown) => {
      assert.ok(err instanceof StoreError, `a StoreError, got ${String(err)}`);
      assert.equal(err.name, 'StoreError');
      assert.ok(err.message.includes(`DATA_DIR (${dataDir})`), err.message);
      assert.match(err.message, /not a writable directory/);
      assert.match(err.message, /ENOTDIR: not a directory/);
      assert.equal(err.message.includes('ENOTDIR: ENOTDIR'), false, 'the code once');
      assert.match(err.message, /set DATA_DIR to a directory the bot may write, or set REDIS_URL/);
      return true;
    });
  });

  it('a DATA_DIR that is a regular file → StoreError naming DATA_DIR', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    await assert.rejects(openStore(options({ dataDir: file })), (err: unknown) => {
      assert.ok(err instanceof StoreError);
      assert.ok(err.message.startsWith(`DATA_DIR (${file}) is not a writable directory`), err.message);
      assert.match(err.message, /EEXIST/);
      assert.match(err.message, /set DATA_DIR/);
      return true;
    });
    assert.equal(fs.readFileSync(file, 'utf8'), 'not a directory', 'the file was left alone');
  });

  it('a read-only DATA_DIR (chmod 0o500) → StoreError naming DATA_DIR', async function () {
    if (process.getuid?.() === 0) {
      // root writes through chmod; the "under a regular file" test covers the message.
      this.skip();
    }
    const dataDir = path.join(dir, 'read-only');
    fs.mkdirSync(dataDir, { mode: 0o500 });
    try {
      await assert.rejects(openStore(options({ dataDir })), (err: unknown) => {
        assert.ok(err instanceof StoreError);
        assert.match(err.message, /^DATA_DIR \(.*read-only\).*set DATA_DIR/);
        return true;
      });
    } finally {
      fs.chmodSync(dataDir, 0o700);
    }
  });

  it('a SQLite file that cannot be opened → StoreError naming DATA_DIR, the file and the SQLite error', async () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(path.join(dataDir, 'queue-pulse.sqlite'), { recursive: true }); // a directory in its place
    await assert.rejects(openStore(options({ dataDir, timeoutMs: 5_000 })), (err: unknown) => {
      assert.ok(err instanceof StoreError);
      assert.ok(err.message.startsWith(`DATA_DIR (${dataDir})`), err.message);
      assert.ok(err.message.includes(path.join(dataDir, 'queue-pulse.sqlite')), err.message);
      assert.match(err.message, /SQLITE_CANTOPEN/, 'the reason, not just "refused"');
      assert.match(err.message, /set DATA_DIR to a directory the bot may write/);
      return true;
    });
  });

  it('a failing store makes reads and writes reject, not read as absent (a closed store)', async () => {
    const store = await openStore(options());
    const repo = store.repository('visits', visitCodec());
    await repo.set('U1', visit('U1'));
    await store.close();
    await assert.rejects(repo.get('U1'), /closed/i);
    await assert.rejects(repo.set('U1', visit('U1')));
    await assert.rejects(repo.delete('U1'));
  });
});

/** Every key this run wrote to Redis, removed. */
async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  try {
    let deleted = 0;
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length) deleted += await client.del(keys);
    }
    return deleted;
  } finally {
    client.destroy();
  }
}

/** A TCP pass-through to Redis that can go away (and come back on the same port). */
class RedisProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 6379), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  url(): string {
    const u = new URL(this.target.toString());
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe(`Store on Redis (keyv + @keyv/redis) ${REDIS_URL ? `at ${safeRedisUrl(REDIS_URL)}` : `— skipped: ${REDIS_HINT}`}`, function () {
  const run = `qp-test-${randomBytes(6).toString('hex')}`;
  let logs: ReturnType<typeof captureLogger>;

  before(function () {
    if (!REDIS_URL) {
      console.log(`      Redis store tests skipped: TEST_REDIS_URL is not set (${REDIS_HINT}).`);
      this.skip();
    }
  });
  beforeEach(() => {
    logs = captureLogger();
  });
  after(async () => {
    if (REDIS_URL) await deleteRedisKeys(REDIS_URL, run);
  });

  behavesLikeAStore(() => ({
    open: (namespace) =>
      openStore({
        redisUrl: REDIS_URL,
        dataDir: '/nonexistent/never-used-with-redis',
        namespace: namespace ? `${run}-${namespace}` : run,
        logger: logs.logger,
        timeoutMs: 5_000,
      }),
    logs: () => logs,
  }));

  it('is a Redis store that says where it is, and writes only under its namespace', async () => {
    const namespace = `${run}-where`;
    const store = await openStore({
      redisUrl: REDIS_URL,
      dataDir: '/nonexistent/never-used-with-redis',
      namespace,
      logger: logs.logger,
    });
    try {
      assert.equal(store.kind, 'redis');
      assert.equal(store.where, `Redis at ${safeRedisUrl(REDIS_URL!)}`);
      await store.repository('r', numberCodec).set('k', 1);
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      try {
        const keys: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${namespace}*` })) keys.push(...batch);
        assert.deepEqual(keys, [`${namespace}::r:k`]);
      } finally {
        client.destroy();
      }
    } finally {
      await store.close();
    }
  });

  it('a Redis that goes away makes reads reject at once (not "nothing stored", not a hang); it recovers', async function () {
    const proxy = new RedisProxy(new URL(REDIS_URL!));
    await proxy.start();
    const store = await openStore({
      redisUrl: proxy.url(),
      dataDir: '/nonexistent/never-used-with-redis',
      namespace: `${run}-away`,
      logger: logs.logger,
      timeoutMs: 2_000,
    });
    try {
      const repo = store.repository('r', numberCodec);
      await repo.set('k', 1);
      await proxy.stop();
      await sleep(50);
      // Bounded by the test's timeout: before the fix these waited for the reconnect, forever.
      this.timeout(10_000);
      await assert.rejects(repo.get('k'));
      await assert.rejects(repo.set('k', 2));
      await proxy.start(); // same port
      let value: number | undefined;
      for (let i = 0; i < 100 && value === undefined; i++) {
        value = await repo.get('k').catch(() => undefined);
        if (value === undefined) await sleep(100);
      }
      assert.equal(value, 1, 'reads work again once Redis is back');
    } finally {
      await store.close().catch(() => undefined);
      await proxy.stop();
    }
  });

  it('a command refused on a live connection is logged as itself, and a later outage still gets its line', async function () {
    const proxy = new RedisProxy(new URL(REDIS_URL!));
    await proxy.start();
    const namespace = `${run}-refused`;
    const store = await openStore({
      redisUrl: proxy.url(),
      dataDir: '/nonexistent/never-used-with-redis',
      namespace,
      logger: logs.logger,
      timeoutMs: 2_000,
    });
    try {
      const repo = store.repository('r', numberCodec);
      await repo.set('k', 1);
      // The record's key made a list behind the bot's back: GET answers WRONGTYPE, the connection is fine.
      const [key] = execFileSync('redis-cli', ['-u', REDIS_URL!, '--scan', '--pattern', `*${namespace}*`])
        .toString()
        .trim()
        .split('\n');
      assert.ok(key, 'the record is in Redis');
      execFileSync('redis-cli', ['-u', REDIS_URL!, 'DEL', key]);
      execFileSync('redis-cli', ['-u', REDIS_URL!, 'LPUSH', key, 'x']);
      await assert.rejects(repo.get('k'));
      const unreachable = () => logs.lines.filter((l) => /is unreachable/.test(String(l.msg)));
      assert.ok(logs.lines.some((l) => l.msg === 'Redis store error' && /WRONGTYPE/.test(String(l.error))));
      assert.equal(unreachable().length, 0, 'a refused command is not an outage');
      await proxy.stop();
      await sleep(50);
      await assert.rejects(repo.get('k'));
      assert.equal(unreachable().length, 1, 'the outage that follows is told, once');
    } finally {
      // The proxy first: a store closing over a live connection to a key it cannot read waits on it.
      await proxy.stop();
      await store.close().catch(() => undefined);
    }
  });
});

/**
 * A server that speaks just enough RESP to be a Redis that accepts the connection but refuses
 * every write (a read-only replica), and keeps count of the connections still open.
 */
class ReadOnlyRedis {
  readonly open = new Set<net.Socket>();
  private readonly server = net.createServer((socket) => {
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let cmd = takeCommand(); cmd; cmd = takeCommand()) {
        const name = cmd[0]?.toUpperCase();
        socket.write(
          name === 'SET' ? "-READONLY You can't write against a read only replica.\r\n" : '+OK\r\n',
        );
      }
    });
    /** One command (an array of bulk strings) off the front of the buffer, or undefined if incomplete. */
    function takeCommand(): string[] | undefined {
      const text = buffer.toString('latin1');
      let at = 0;
      const line = (): string | undefined => {
        const end = text.indexOf('\r\n', at);
        if (end < 0) return undefined;
        const l = text.slice(at, end);
        at = end + 2;
        return l;
      };
      const head = line();
      if (!head?.startsWith('*')) return undefined;
      const parts: string[] = [];
      for (let i = 0; i < Number(head.slice(1)); i++) {
        const len = line();
        if (!len?.startsWith('$')) return undefined;
        const n = Number(len.slice(1));
        if (text.length < at + n + 2) return undefined;
        parts.push(text.slice(at, at + n));
        at += n + 2;
      }
      buffer = buffer.subarray(at);
      return parts;
    }
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `redis://:s3cr3t@127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  close(): Promise<void> {
    for (const s of this.open) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('Store on a Redis that cannot be used (no real Redis needed)', () => {
  let logs: ReturnType<typeof captureLogger>;
  beforeEach(() => {
    logs = captureLogger();
  });

  it('an unreachable Redis → StoreError naming REDIS_URL, within the timeoutMs given', async function () {
    this.timeout(4_000); // the default timeout is 5 s: only timeoutMs keeps this under the bound
    await assert.rejects(
      openStore({
        redisUrl: 'redis://127.0.0.1:1',
        dataDir: '/nonexistent/never-used-with-redis',
        logger: logs.logger,
        timeoutMs: 300,
      }),
      (err: unknown) => {
        assert.ok(err instanceof StoreError, `a StoreError, got ${String(err)}`);
        assert.ok(err.message.startsWith('REDIS_URL (redis://127.0.0.1:1) cannot be used'), err.message);
        assert.match(err.message, /check that Redis runs and the URL is right, or unset REDIS_URL/);
        return true;
      },
    );
  });

  it('an unreachable Redis: the password of the URL never shows, in the error or in the log', async function () {
    this.timeout(4_000);
    await assert.rejects(
      openStore({
        redisUrl: 'redis://user:s3cr3t@127.0.0.1:1',
        dataDir: '/nonexistent/never-used-with-redis',
        logger: logs.logger,
        timeoutMs: 300,
      }),
      (err: unknown) => {
        assert.ok(err instanceof StoreError);
        assert.equal(err.message.includes('s3cr3t'), false, err.message);
        assert.ok(err.message.includes('REDIS_URL (redis://user:***@127.0.0.1:1)'), err.message);
        return true;
      },
    );
    assert.equal(logs.text().includes('s3cr3t'), false);
  });

  it('a failed open leaves nothing reconnecting in the background', async function () {
    this.timeout(4_000);
    await assert.rejects(
      openStore({
        redisUrl: 'redis://127.0.0.1:1',
        dataDir: '/nonexistent/never-used-with-redis',
        logger: logs.logger,
        timeoutMs: 300,
      }),
      StoreError,
    );
    await sleep(100);
    const after = logs.lines.length;
    await sleep(1_000); // the client's reconnect backoff is at most 2 s, at first a few hundred ms
    assert.equal(logs.lines.length, after, `no new errors: ${logs.text()}`);
  });

  it('a Redis that refuses the write → StoreError with its reason, and the connection is closed', async () => {
    const redis = new ReadOnlyRedis();
    const url = await redis.listen();
    try {
      await assert.rejects(
        openStore({
          redisUrl: url,
          dataDir: '/nonexistent/never-used-with-redis',
          logger: logs.logger,
          timeoutMs: 2_000,
        }),
        (err: unknown) => {
          assert.ok(err instanceof StoreError, `a StoreError, got ${String(err)}`);
          assert.match(err.message, /^REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\) cannot be used/);
          assert.match(err.message, /READONLY/);
          assert.equal(err.message.includes('s3cr3t'), false);
          return true;
        },
      );
      await sleep(200);
      assert.equal(redis.open.size, 0, 'the store hung up');
    } finally {
      await redis.close();
    }
  });

  for (const url of ['redis://user:s3cr3t@127.0.0.1:99999', 'redis://user:s3cr3t@127.0.0.1:6379/not-a-db']) {
    it(`a REDIS_URL the client cannot parse (${url.replace('s3cr3t', '***')}) → StoreError naming REDIS_URL`, async () => {
      await assert.rejects(
        openStore({
          redisUrl: url,
          dataDir: '/nonexistent/never-used-with-redis',
          logger: logs.logger,
          timeoutMs: 300,
        }),
        (err: unknown) => {
          assert.ok(err instanceof StoreError, `a StoreError, got ${String(err)}`);
          assert.match(err.message, /^REDIS_URL \(/);
          assert.match(err.message, /check that Redis runs and the URL is right/);
          assert.equal(err.message.includes('s3cr3t'), false, err.message);
          return true;
        },
      );
    });
  }
});

describe('safeRedisUrl', () => {
  it('hides the password and keeps the rest', () => {
    assert.equal(
      safeRedisUrl('redis://user:s3cr3t@cache.internal:6380/2'),
      'redis://user:***@cache.internal:6380/2',
    );
    assert.equal(safeRedisUrl('rediss://:s3cr3t@cache.internal'), 'rediss://:***@cache.internal');
    assert.equal(safeRedisUrl('redis://:p%40ss%2Fw0rd@h:1'), 'redis://:***@h:1');
  });

  it('leaves a URL without a password as it is, bar a trailing slash', () => {
    assert.equal(safeRedisUrl('redis://127.0.0.1:6379'), 'redis://127.0.0.1:6379');
    assert.equal(safeRedisUrl('redis://user@127.0.0.1:6379'), 'redis://user@127.0.0.1:6379');
    assert.equal(safeRedisUrl('redis://127.0.0.1:6379/'), 'redis://127.0.0.1:6379');
    assert.equal(safeRedisUrl('redis://:s3cr3t@127.0.0.1:6379/'), 'redis://:***@127.0.0.1:6379');
  });

  it('shows only "REDIS_URL" for something that is not a URL, whatever it holds', () => {
    assert.equal(safeRedisUrl('s3cr3t-not-a-url'), 'REDIS_URL');
    assert.equal(safeRedisUrl('redis://user:s3cr3t@host:99999'), 'REDIS_URL');
  });
});
