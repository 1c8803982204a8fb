/**
 * A small Slack stand-in over real HTTP: the Web API methods Queue Pulse calls, the response_url
 * sink, and file uploads. The offline demo's sandbox page and the end-to-end tests both run on it,
 * so the bot talks to it exactly as it talks to Slack (via SLACK_API_URL and response_url).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  /** Answered 429: Slack did not carry it out. */
  rateLimited?: boolean;
  /** Answered with this HTTP 5xx (carried out or not: see `serverErrors`). */
  serverError?: number;
  /** Parsed arguments; JSON-in-form fields (blocks, attachments) are decoded. */
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
  /** The ts a chat.postMessage was answered with (a message that exists in the channel). */
  answeredTs?: string;
  /** The whole answer Slack gave (the sandbox page's model reads view ids and ts from it). */
  answer?: Record<string, unknown>;
}

export interface ResponsePost {
  /** The response_url id the bot posted to. */
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface UploadedFile {
  id: string;
  bytes: Buffer;
  filename: string;
  title?: string;
  completed: boolean;
}

export interface FakeSlackOptions {
  port?: number;
  host?: string;
  /** Method name → error code to answer with `ok: false` (e.g. `{ 'chat.postMessage': 'channel_not_found' }`). */
  failures?: Record<string, string>;
  /** The clock message ts are minted from (the sandbox's follows the bot's fast-forwarded clock). */
  now?: () => number;
  /**
   * Enforce Slack's "about one message a second per channel": a chat.postMessage to a channel
   * within this many ms of the last one it accepted there answers 429 with Retry-After: 1 (and is
   * not carried out). Off by default, since most tests post once per channel.
   */
  channelIntervalMs?: number;
  /** Extra routes (the sandbox page); return true when the request was handled. */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => boolean | Promise<boolean>;
}

type Waiter = () => void;

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly files = new Map<string, UploadedFile>();
  /** response_url ids that answer 404, as an expired response_url does. */
  readonly expiredResponseUrls = new Set<string>();
  failures: Record<string, string>;
  /** users.info answers: user id → IANA timezone (unknown users get user_not_found). */
  readonly userTimezones = new Map<string, string>();
  /** Workspace admins: users.info answers `is_admin: true` for them (with or without a timezone). */
  readonly userAdmins = new Set<string>();
  /** Web API method → ms to wait before answering (a slow Slack). */
  readonly delays = new Map<string, number>();
  /**
   * Web API method → how many of its next calls answer HTTP 429 with Retry-After (seconds), as
   * Slack does when rate-limiting; such a call is recorded but not carried out.
   */
  readonly rateLimits = new Map<string, { times: number; retryAfterSeconds: number }>();
  /**
   * Rate-limits chosen calls: return Retry-After seconds to answer this call 429 (not carried
   * out), undefined to let it through. Benchmarks use it to 429 a share of posts at random.
   */
  rateLimitIf: ((call: ApiCall) => number | undefined) | undefined = undefined;
  /**
   * Web API method → how many of its next calls answer an HTTP 5xx (default 500), as a Slack having
   * a bad moment does. With `carriedOut` the call takes effect first (a post lands in the channel)
   * and only the answer is lost: Slack says of internal_error that part of it may have happened.
   */
  readonly serverErrors = new Map<string, { times: number; status?: number; carriedOut?: boolean }>();
  /** A channel that answers every post with this error (not_in_channel, is_archived …). */
  readonly channelErrors = new Map<string, string>();
  /** What apps.connections.open hands out (a local WebSocket server in Socket Mode tests). */
  socketModeUrl: string | undefined;
  private server: Server | undefined;
  private base = '';
  private seq = 0;
  /** When each channel last accepted a post (monotonic ms), for `channelIntervalMs`. */
  private readonly lastPostAt = new Map<string, number>();
  private waiters: Waiter[] = [];
  /** Views by id, so views.update answers with the id it was given, as Slack does. */
  readonly views = new Map<string, Record<string, unknown>>();
  /** Each user's Home view id: Slack keeps one Home view per user, republished in place. */
  private readonly homeViewIds = new Map<string, string>();
  private listeners: ((
    event: { kind: 'call'; call: ApiCall } | { kind: 'response'; post: ResponsePost },
  ) => void)[] = [];

  constructor(private readonly options: FakeSlackOptions = {}) {
    this.failures = { ...(options.failures ?? {}) };
  }

  /** Base URL, e.g. http://127.0.0.1:4020 */
  get url(): string {
    return this.base;
  }
  /** What to put in SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }
  /** A fresh response_url for a fake payload. */
  responseUrl(id = `r${++this.seq}`): string {
    return `${this.base}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    // A taken port rejects (with Node's EADDRINUSE error) instead of crashing the process
    // through an unhandled 'error' event: the demo turns it into a one-line message.
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      const failed = (err: Error) => {
        this.server = undefined;
        reject(err);
      };
      server.once('error', failed);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        server.off('error', failed);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    this.base = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Subscribe to every call and response post (the sandbox page streams them). */
  onEvent(
    fn: (event: { kind: 'call'; call: ApiCall } | { kind: 'response'; post: ResponsePost }) => void,
  ): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }
  responsesTo(id: string): ResponsePost[] {
    return this.responses.filter((r) => r.id === id);
  }

  /** Resolves when `pred` holds (checked after every request), or rejects after `timeoutMs`. */
  async waitFor<T>(pred: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const first = pred();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`FakeSlack.waitFor timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      const check: Waiter = () => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(v);
        }
      };
      this.waiters.push(check);
    });
  }

  private notify(event: { kind: 'call'; call: ApiCall } | { kind: 'response'; post: ResponsePost }): void {
    for (const l of this.listeners) l(event);
    for (const w of [...this.waiters]) w();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readBody(req);
    if (this.options.routes && (await this.options.routes(req, res, url, raw))) return;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const served = /^\/files\/([^/]+)$/.exec(url.pathname);
    if (served && req.method === 'GET') {
      const file = this.files.get(served[1]!);
      if (!file?.completed) return send(404, { ok: false, error: 'file_not_found' });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': file.bytes.length });
      res.end(file.bytes);
      return;
    }
    const resp = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (resp && req.method === 'POST') {
      const id = decodeURIComponent(resp[1]!);
      if (this.expiredResponseUrls.has(id)) return send(404, { ok: false, error: 'expired_url' });
      const post: ResponsePost = { id, body: parseJsonObject(raw.toString('utf8')), at: Date.now() };
      this.responses.push(post);
      this.notify({ kind: 'response', post });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const upload = /^\/upload\/([^/]+)$/.exec(url.pathname);
    if (upload && req.method === 'POST') {
      const file = this.files.get(upload[1]!);
      if (!file) return send(404, { ok: false, error: 'file_not_found' });
      file.bytes = extractUpload(raw, req.headers['content-type']);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${file.bytes.length}`);
      return;
    }
    const api = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    if (!api) return send(404, { ok: false, error: 'unknown_path' });
    const method = api[1]!;
    const args = parseArgs(raw.toString('utf8'), req.headers['content-type'], url.searchParams);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ')
      ? auth.slice(7)
      : typeof args.token === 'string'
        ? args.token
        : undefined;
    const call: ApiCall = { method, args, token, at: Date.now() };
    this.calls.push(call);
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const retryAfter = this.retryAfterFor(call);
    if (retryAfter !== undefined) {
      call.rateLimited = true;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      this.notify({ kind: 'call', call });
      return;
    }
    const failing = this.serverErrors.get(method);
    if (failing && failing.times > 0) {
      failing.times -= 1;
      call.serverError = failing.status ?? 500;
      if (failing.carriedOut) call.answer = this.answer(call);
      send(call.serverError, { ok: false, error: 'internal_error' });
      this.notify({ kind: 'call', call });
      return;
    }
    const answer = this.answer(call);
    call.answer = answer;
    // Only a post that was carried out starts the channel's next second, not a refused one.
    if (call.method === 'chat.postMessage' && answer.ok === true)
      this.lastPostAt.set(String(call.args.channel), performance.now());
    // Notify after the answer is computed so waiters see e.g. the file state it produced.
    send(200, answer);
    this.notify({ kind: 'call', call });
  }

  private storeView(id: string, raw: unknown): Record<string, unknown> {
    const view = { ...(isObject(raw) ? raw : {}), id, hash: `${Date.now()}.${++this.seq}` };
    this.views.set(id, view);
    return { ok: true, view };
  }

  /** Seconds to answer this call 429 with, or undefined when it goes through. */
  private retryAfterFor(call: ApiCall): number | undefined {
    const limit = this.rateLimits.get(call.method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      return limit.retryAfterSeconds;
    }
    const chosen = this.rateLimitIf?.(call);
    if (chosen !== undefined) return chosen;
    const interval = this.options.channelIntervalMs;
    if (interval !== undefined && call.method === 'chat.postMessage') {
      const last = this.lastPostAt.get(String(call.args.channel));
      if (last !== undefined && performance.now() - last < interval) return 1;
    }
    return undefined;
  }

  private answer(call: ApiCall): Record<string, unknown> {
    if (!call.token) return { ok: false, error: 'not_authed' };
    const failure = this.failures[call.method];
    if (failure) return { ok: false, error: failure };
    const channelError = this.channelErrors.get(String(call.args.channel));
    if (channelError && call.method.startsWith('chat.')) return { ok: false, error: channelError };
    // Slack answers a history read with these too: the bot cannot read where it cannot post.
    if (
      channelError &&
      call.method === 'conversations.history' &&
      (channelError === 'not_in_channel' || channelError === 'channel_not_found')
    )
      return { ok: false, error: channelError };
    const ts = () =>
      `${Math.floor((this.options.now ?? Date.now)() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    switch (call.method) {
      case 'users.info': {
        const id = String(call.args.user);
        const tz = this.userTimezones.get(id);
        const admin = this.userAdmins.has(id);
        if (!tz && !admin) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id, ...(tz ? { tz, tz_label: tz, tz_offset: 0 } : {}), is_admin: admin, is_owner: false },
        };
      }
      case 'apps.connections.open':
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: 'socket_mode_not_enabled' };
      case 'auth.test':
        return {
          ok: true,
          url: `${this.base}/`,
          team: 'Sandbox',
          user: 'queue_pulse',
          team_id: 'T0001',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        call.answeredTs = ts();
        return {
          ok: true,
          channel: call.args.channel,
          ts: call.answeredTs,
          message: { text: call.args.text, blocks: call.args.blocks },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'conversations.history': {
        // The channel's posts, newest first, with their metadata when asked (as Slack does).
        const channel = String(call.args.channel);
        const oldest = Number(call.args.oldest ?? 0);
        const messages = this.calls
          .filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel && c.answeredTs)
          .filter((c) => Number(c.answeredTs) >= oldest)
          .reverse()
          .map((c) => ({
            type: 'message',
            ts: c.answeredTs,
            text: c.args.text,
            ...(call.args.include_all_metadata && c.args.metadata ? { metadata: c.args.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.update':
        return { ok: true, channel: call.args.channel, ts: call.args.ts, text: call.args.text };
      case 'chat.delete':
        return { ok: true, channel: call.args.channel, ts: call.args.ts };
      case 'views.publish': {
        const user = String(call.args.user_id);
        let id = this.homeViewIds.get(user);
        if (!id) this.homeViewIds.set(user, (id = `VH${String(++this.seq).padStart(6, '0')}`));
        return this.storeView(id, call.args.view);
      }
      case 'views.open':
      case 'views.push':
        return this.storeView(`V${String(++this.seq).padStart(8, '0')}`, call.args.view);
      case 'views.update': {
        // Slack finds the view by view_id or by the external_id the app gave it.
        const byExternal = [...this.views.entries()].find(
          ([, v]) => call.args.external_id !== undefined && v.external_id === call.args.external_id,
        );
        const id = typeof call.args.view_id === 'string' ? call.args.view_id : byExternal?.[0];
        if (!id || !this.views.has(id)) return { ok: false, error: 'not_found' };
        return this.storeView(id, call.args.view);
      }
      case 'files.getUploadURLExternal': {
        const id = `F${String(++this.seq).padStart(8, '0')}`;
        this.files.set(id, {
          id,
          bytes: Buffer.alloc(0),
          filename: typeof call.args.filename === 'string' ? call.args.filename : 'file',
          completed: false,
        });
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = Array.isArray(call.args.files)
          ? (call.args.files as { id: string; title?: string }[])
          : [];
        const done = list.flatMap((f) => {
          const file = this.files.get(f.id);
          if (!file) return [];
          file.completed = true;
          if (f.title) file.title = f.title;
          return [{ id: file.id, title: file.title ?? file.filename, name: file.filename }];
        });
        return done.length ? { ok: true, files: done } : { ok: false, error: 'file_not_found' };
      }
      case 'files.info': {
        const file = this.files.get(String(call.args.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          file: {
            id: file.id,
            name: file.filename,
            title: file.title,
            size: file.bytes.length,
            mimetype: 'image/png',
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON object from text; anything else is kept under `value` / `unparsed` for inspection. */
export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { unparsed: text };
  }
}

/** @slack/web-api posts forms whose nested values are JSON strings; decode those. */
function parseArgs(
  text: string,
  contentType: string | undefined,
  query: URLSearchParams,
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(query);
  if (contentType?.includes('application/json')) return { ...out, ...parseJsonObject(text) };
  for (const [k, v] of new URLSearchParams(text)) {
    out[k] = /^[[{]/.test(v) ? parseJsonValue(v) : v;
  }
  return out;
}

function parseJsonValue(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** Uploads arrive as multipart/form-data or a raw body; keep only the file bytes. */
function extractUpload(raw: Buffer, contentType: string | undefined): Buffer {
  const boundary = /boundary=([^;]+)/.exec(contentType ?? '')?.[1];
  if (!boundary) return raw;
  const marker = Buffer.from(`--${boundary}`);
  const start = raw.indexOf(marker);
  const headerEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(marker, headerEnd);
  if (start < 0 || headerEnd < 0 || end < 0) return raw;
  return raw.subarray(headerEnd + 4, end - 2);
}
