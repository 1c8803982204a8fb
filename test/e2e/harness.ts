/**
 * End-to-end harness: the real bot (startBot → Bolt HTTP receiver → report pipeline → KMM client)
 * on the in-process LivePerson simulator, a fake Slack Web API, and signed requests as Slack sends
 * them. Everything is real HTTP on 127.0.0.1.
 */
import { createServer } from 'node:net';
import { format } from 'node:util';
import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import { startBot, type RunningBot } from '../../src/main';
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

/** A Bolt logger that keeps every line (tests assert on it and keep the output quiet). */
export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  private level = LogLevel.DEBUG;
  // util.format, as Bolt's console logger does: an error's causes are printed in full, so a
  // secret hiding in one would show up here too.
  private record(level: string, msg: unknown[]) {
    this.lines.push(`${level} ${format(...msg)}`);
  }
  debug(...msg: unknown[]) {
    this.record('debug', msg);
  }
  info(...msg: unknown[]) {
    this.record('info', msg);
  }
  warn(...msg: unknown[]) {
    this.record('warn', msg);
  }
  error(...msg: unknown[]) {
    this.record('error', msg);
  }
  setLevel(level: LogLevel) {
    this.level = level;
  }
  getLevel() {
    return this.level;
  }
  setName() {}
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
  slack: FakeSlack;
  sim: Simulator;
  logger: CapturingLogger;
  eventsUrl: string;
  baseUrl: string;
  command(text: string, opts?: { userId?: string; channelId?: string }): Promise<CommandResult>;
  click(input: {
    actionId: string;
    value?: string;
    blockId?: string;
    ephemeral?: boolean;
    /** Choose the response_url id (e.g. to expire it first). */
    responseId?: string;
  }): Promise<CommandResult>;
  /** Waits until `count` posts reached that response_url; returns them all. */
  responses(responseId: string, count?: number, timeoutMs?: number): Promise<ResponsePost[]>;
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { now?: number; env?: Record<string, string> } = {},
): Promise<Harness> {
  const slack = await new FakeSlack().start();
  const port = await freePort();
  const logger = new CapturingLogger();
  const now = opts.now ?? BUSY_NOW;
  const bot = await startBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      CHARTS: 'off',
      LOG_LEVEL: 'debug',
      ...opts.env,
    },
    { logger, now: () => now },
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
    slack,
    sim: bot.services.simulator!,
    logger,
    eventsUrl,
    baseUrl,
    post,
    command(text, o = {}) {
      const responseId = `cmd${++seq}`;
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
    click({ responseId = `act${++seq}`, ...input }) {
      return send(blockActionsBody({ ...input, responseUrl: slack.responseUrl(responseId) }), responseId);
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
