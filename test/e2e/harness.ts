/**
 * End-to-end harness: the real bot (startBot → Bolt HTTP receiver → report pipeline → KMM client)
 * on the in-process LivePerson simulator, a fake Slack Web API, and signed requests as Slack sends
 * them. Everything is real HTTP on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnyMiddlewareArgs, App, Context } from '@slack/bolt';
import { startBot, type RunningBot, type StartOptions } from '../../src/main';
import { FakeSlack, type ResponsePost } from '../../src/sandbox/fake-slack';
import { blockActionsBody, slashCommandBody } from '../../src/sandbox/payloads';
import { slackSignatureHeaders } from '../../src/sandbox/sign';
import type { Simulator } from '../../src/simulator';

export const SIGNING_SECRET = 'e2e-signing-secret';
export const BOT_TOKEN = 'xoxb-e2e-token';
/** A busy weekday afternoon (UTC) in the synthetic contact center. */
export const BUSY_NOW = Date.UTC(2026, 10, 25, 15, 0, 0);

/**
 * A port for a server that must be told its port up front (the bot's PORT). Picked outside the
 * kernel's ephemeral range (32768–60999 on Linux), so no `listen(0)` elsewhere in the test (the
 * simulator, the fake Slack) can be handed the same port between this check and the bot's listen.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Where the bot's JSON log lines go in tests: kept, so tests assert on them, and the output stays quiet. */
export class CapturingLogger {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line.trimEnd());
  }
  /** The lines as objects (pino writes one JSON object per line). */
  records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/** A fresh DATA_DIR for one bot, removed with it. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'queue-pulse-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * LivePerson's retry waits, scaled down in end-to-end tests so a 5xx costs milliseconds instead
 * of seconds; the policy (which errors retry, in which order) is unchanged.
 */
export const FAST_RETRIES: StartOptions['retry'] = { timeScale: 0.01 };

/**
 * Looks at every request the bot's Bolt middleware sees, from now until `stop()` (Bolt has no way
 * to take a middleware out, so the probe stays installed and only stops looking).
 */
export function probeRequests<T>(
  app: App,
  look: (args: AnyMiddlewareArgs & { context: Context }) => T,
): { seen: T[]; stop(): void } {
  const seen: T[] = [];
  let probing = true;
  app.use(async (args) => {
    if (probing) seen.push(look(args));
    await args.next();
  });
  return { seen, stop: () => (probing = false) };
}

export interface CommandResult {
  status: number;
  /** The ack body: what Slack shows at once. */
  ack: Record<string, unknown> | null;
  /** Milliseconds until the HTTP answer (the ack) arrived. */
  ackMs: number;
  responseId: string;
}

export interface Harness {
  bot: RunningBot;
  /** The bot's (and the simulator's) clock; `setNow` moves it, e.g. to a day later. */
  now(): number;
  setNow(ms: number): void;
  slack: FakeSlack;
  sim: Simulator;
  logger: CapturingLogger;
  eventsUrl: string;
  baseUrl: string;
  command(
    text: string,
    opts?: { userId?: string; channelId?: string; responseId?: string },
  ): Promise<CommandResult>;
  click(input: {
    actionId: string;
    value?: string;
    blockId?: string;
    ephemeral?: boolean;
    /** The clicked message (default: a new one per click; the same one for a double click). */
    messageTs?: string;
    /** A menu's chosen option (value and text) instead of a button. */
    selectedValue?: string;
    selectedText?: string;
    channelId?: string;
    userId?: string;
    /** A click on the App Home tab. */
    home?: boolean;
    /** Choose the response_url id (e.g. to expire it first). */
    responseId?: string;
  }): Promise<CommandResult>;
  /** Waits until `count` posts reached that response_url; returns them all. */
  responses(responseId: string, count?: number, timeoutMs?: number): Promise<ResponsePost[]>;
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  /** A signed app_home_opened event (the Home tab opened by `userId`, default U0456). */
  openHome(opts?: { eventId?: string; userId?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { now?: number; env?: Record<string, string>; start?: StartOptions } = {},
): Promise<Harness> {
  const slack = await new FakeSlack().start();
  const port = await freePort();
  const logger = new CapturingLogger();
  let now = opts.now ?? BUSY_NOW;
  const data = tempDataDir();
  const bot = await startBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      CHARTS: 'off',
      LOG_LEVEL: 'debug',
      DATA_DIR: data.dir,
      ...opts.env,
    },
    { logDestination: logger, now: () => now, retry: FAST_RETRIES, ...opts.start },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  let seq = 0;

  async function post(
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(eventsUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, ...slackSignatureHeaders(SIGNING_SECRET, body), ...headers },
      body,
    });
  }

  async function send(body: string, responseId: string): Promise<CommandResult> {
    const started = Date.now();
    const res = await post(body, 'application/x-www-form-urlencoded');
    const text = await res.text();
    const ackMs = Date.now() - started;
    let ack: Record<string, unknown> | null = null;
    if (text) {
      try {
        ack = JSON.parse(text) as Record<string, unknown>;
      } catch {
        ack = { raw: text };
      }
    }
    return { status: res.status, ack, ackMs, responseId };
  }

  return {
    bot,
    now: () => now,
    setNow(ms) {
      now = ms;
    },
    slack,
    sim: bot.container.simulator!,
    logger,
    eventsUrl,
    baseUrl,
    post,
    openHome(o = {}) {
      const body = JSON.stringify({
        token: 'x',
        team_id: 'T0001',
        api_app_id: 'A0789',
        type: 'event_callback',
        event_id: o.eventId ?? 'Ev0001',
        event_time: 1732550000,
        event: {
          type: 'app_home_opened',
          user: o.userId ?? 'U0456',
          channel: 'D0001',
          tab: 'home',
          event_ts: '1732550000.000300',
        },
      });
      return post(body, 'application/json');
    },
    command(text, o = {}) {
      const responseId = o.responseId ?? `cmd${++seq}`;
      return send(
        slashCommandBody({
          text,
          responseUrl: slack.responseUrl(responseId),
          ...(o.userId ? { userId: o.userId } : {}),
          ...(o.channelId ? { channelId: o.channelId } : {}),
        }),
        responseId,
      );
    },
    click({
      responseId = `act${++seq}`,
      messageTs = `1732550000.${String(++seq).padStart(6, '0')}`,
      ...input
    }) {
      return send(
        blockActionsBody({ ...input, messageTs, responseUrl: slack.responseUrl(responseId) }),
        responseId,
      );
    },
    async responses(responseId, count = 1, timeoutMs = 15_000) {
      return slack.waitFor(() => {
        const got = slack.responsesTo(responseId);
        return got.length >= count ? got : undefined;
      }, timeoutMs);
    },
    async close() {
      await bot.stop();
      await slack.close();
      data.remove();
    },
  };
}

/** Slack escapes &, <, > in command text (should_escape); tests send text the same way. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface BlockLike {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

/** Every text in a message's blocks, in order (section text, fields, context, headers). */
export function texts(message: Record<string, unknown>): string[] {
  const blocks = (message.blocks ?? []) as BlockLike[];
  const out: string[] = [];
  for (const b of blocks) {
    if (b.text?.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') out.push(e.text);
      else if (e.text?.text) out.push(e.text.text);
    }
  }
  return out;
}

/** The value shown under a bold KPI label (`*Waiting in queue*\n7`). */
export function fieldValue(message: Record<string, unknown>, label: string): string | undefined {
  return fieldLine(message, label)?.replace(/ · _[^_]*_$/, '');
}

/** The value line of a field with the threshold note after it ("3m 48s · _over the 2m target_"). */
export function fieldLine(message: Record<string, unknown>, label: string): string | undefined {
  for (const t of texts(message)) {
    const m = new RegExp(`\\*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*\\n([^\\n]+)`).exec(t);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** Buttons of a message: action_id and value. */
export function buttons(
  message: Record<string, unknown>,
): { actionId: string; value: string; text: string }[] {
  const blocks = (message.blocks ?? []) as BlockLike[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => ({
      actionId: e.action_id ?? '',
      value: e.value ?? '',
      text: typeof e.text === 'string' ? e.text : (e.text?.text ?? ''),
    }));
}
