/**
 * The offline sandbox: a local page that plays Slack's part. Type `/queue …`, and the sandbox
 * signs a real slash-command request into the bot's /slack/events, receives the bot's answers on
 * its response_url and Web API (FakeSlack), and keeps what Slack would show in a SandboxWorkspace,
 * which the page renders from a stream. Clicks, selections, modal submissions and the Home tab go
 * back to the bot as signed requests shaped as Slack's. Nothing leaves the machine.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeSlack, parseJsonObject } from './fake-slack';
import {
  appHomeOpenedBody,
  blockActionsBody,
  messageActionBody,
  slashCommandBody,
  viewActionBody,
  viewClosedBody,
  viewSubmissionBody,
  type ElementAction,
  type StateValues,
} from './payloads';
import { slackSignatureHeaders } from './sign';
import { sandboxPage, type SandboxChannel } from './sandbox-page';
import { SandboxWorkspace, type WorkspaceChange } from './workspace';

/** The bot's clock as the page's clock control moves it (see clock.ts). */
export interface SandboxClock {
  now(): number;
  offsetMs(): number;
  /** When the next digest in the sandbox's channels fires, if one is scheduled. */
  nextDigest(): Promise<number | undefined>;
  /** Moves the clock forward and runs the scheduler. */
  advance(ms: number): Promise<void>;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Where the bot listens, e.g. http://127.0.0.1:3000/slack/events */
  botEventsUrl: string;
  signingSecret: string;
}

export interface Sandbox {
  readonly url: string;
  readonly slack: FakeSlack;
  readonly workspace: SandboxWorkspace;
  /** The channels the sidebar lists (and a conversations_select offers). */
  readonly channels: readonly SandboxChannel[];
  /** Hands the page's clock control to the bot's clock (the demo does it once the bot runs). */
  setClock(clock: SandboxClock): void;
  close(): Promise<void>;
}

interface ForwardResult {
  status: number;
  /** The bot's ack body (the first answer Slack would show), parsed when JSON. */
  ack: unknown;
}

/** The sandbox's workspace: the user, their DM with the bot, and a few channels. */
export const SANDBOX_USER = { id: 'U0456', name: 'lee' };
export const SANDBOX_DM = 'D0001';
export const SANDBOX_CHANNELS: readonly SandboxChannel[] = [
  { id: 'C0123', name: 'support-leads' },
  { id: 'C0BILLING', name: 'billing-team' },
  { id: 'C0SALES', name: 'sales-floor' },
];

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A trigger_id as Slack mints them for each interaction (the bot opens modals with it). */
const triggerId = (): string =>
  `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(8).toString('hex')}`;

/** Starts the sandbox page and its fake Slack on one port. */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const streams = new Set<ServerResponse>();
  let clock: SandboxClock | undefined;
  // Messages carry the bot's time, so a digest fast-forwarded to 17:00 reads 17:00 on the page.
  const now = () => (clock ? clock.now() : Date.now());
  const workspace = new SandboxWorkspace({
    dm: { channel: SANDBOX_DM, user: SANDBOX_USER.id },
    nowSeconds: () => Math.floor(now() / 1000),
  });
  let seq = 0;
  const channelName = (id: string) => SANDBOX_CHANNELS.find((c) => c.id === id)?.name ?? id;

  async function forward(body: string, contentType: string): Promise<ForwardResult> {
    const res = await fetch(opts.botEventsUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, ...slackSignatureHeaders(opts.signingSecret, body) },
      body,
    });
    const text = await res.text();
    let ack: unknown = text;
    try {
      ack = text ? JSON.parse(text) : null;
    } catch {
      // Bolt acks with an empty body or plain text; keep it as is.
    }
    return { status: res.status, ack };
  }

  /** Forwards and answers the page; a bot that does not answer is said in `channel` too. */
  async function relay(
    res: ServerResponse,
    body: string,
    contentType: string,
    where: string | undefined,
    extra: Record<string, unknown> = {},
  ): Promise<ForwardResult | undefined> {
    try {
      const result = await forward(body, contentType);
      if (result.status !== 200 && where)
        workspace.notice(
          where,
          `The bot answered HTTP ${result.status}: Slack would show "operation_timeout".`,
        );
      sendJson(res, 200, { ...extra, ...result });
      return result;
    } catch (err) {
      const error = `The bot did not answer: ${(err as Error).message}`;
      if (where) workspace.notice(where, error);
      sendJson(res, 502, { ...extra, error });
      return undefined;
    }
  }

  async function clockState(): Promise<Record<string, unknown>> {
    if (!clock) return { available: false };
    return {
      available: true,
      now: clock.now(),
      offsetMs: clock.offsetMs(),
      nextDigest: (await clock.nextDigest()) ?? null,
    };
  }

  function stateOf(input: Record<string, unknown>): StateValues {
    return isObject(input.state) ? (input.state as StateValues) : {};
  }

  function actionOf(input: Record<string, unknown>): ElementAction | undefined {
    const a = input.action;
    if (!isObject(a) || typeof a.type !== 'string' || typeof a.action_id !== 'string') return undefined;
    return { ...a, type: a.type, action_id: a.action_id, block_id: str(a.block_id) ?? '' };
  }

  async function action(res: ServerResponse, input: Record<string, unknown>): Promise<void> {
    // The first sandbox page sent flat fields and a responseId; scripts written for it still work.
    if (typeof input.actionId === 'string') {
      const responseId = str(input.responseId) ?? `act${++seq}`;
      const msg = workspace.message(responseId);
      await relay(
        res,
        blockActionsBody({
          actionId: input.actionId,
          blockId: str(input.blockId) ?? '',
          value: str(input.value),
          selectedValue: str(input.selectedValue),
          ...(str(input.selectedText) ? { selectedText: str(input.selectedText) } : {}),
          messageTs: msg?.ts ?? `${1732550000 + seq}.000100`,
          responseUrl: slack.responseUrl(workspace.responseIdFor(responseId) ?? responseId),
          ephemeral: input.ephemeral !== false,
        }),
        'application/x-www-form-urlencoded',
        msg?.pane,
        { responseId },
      );
      return;
    }
    const act = actionOf(input);
    if (!act) return sendJson(res, 400, { error: 'action: { type, action_id, block_id } is required' });
    const viewId = str(input.viewId);
    if (viewId) {
      const view = workspace.view(viewId);
      if (!view) return sendJson(res, 404, { error: `no view ${viewId} on screen` });
      await relay(
        res,
        viewActionBody({ action: act, view: view.view, state: stateOf(input), triggerId: triggerId() }),
        'application/x-www-form-urlencoded',
        undefined,
      );
      return;
    }
    const key = str(input.messageKey) ?? '';
    const msg = workspace.message(key);
    const responseId = workspace.responseIdFor(key);
    if (!msg || !responseId) return sendJson(res, 404, { error: `no message ${key}` });
    await relay(
      res,
      messageActionBody({
        action: act,
        message: {
          ts: msg.ts,
          channel: msg.channel,
          channelName: channelName(msg.channel),
          ephemeral: msg.ephemeral,
          ...(msg.text !== undefined ? { text: msg.text } : {}),
          ...(msg.blocks ? { blocks: msg.blocks } : {}),
        },
        state: stateOf(input),
        responseUrl: slack.responseUrl(responseId),
        triggerId: triggerId(),
      }),
      'application/x-www-form-urlencoded',
      msg.pane,
      { responseId },
    );
  }

  const routes = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    raw: Buffer,
  ): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(sandboxPage({ channels: SANDBOX_CHANNELS, user: SANDBOX_USER, dmChannel: SANDBOX_DM }));
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/sandbox/stream') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // The whole state first: a page opened (or reconnected) late shows what Slack would.
      res.write(`data: ${JSON.stringify({ type: 'snapshot', ...workspace.snapshot() })}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/sandbox/clock') {
      sendJson(res, 200, await clockState());
      return true;
    }
    if (req.method !== 'POST' || !url.pathname.startsWith('/sandbox/')) return false;
    const input = parseJsonObject(raw.toString('utf8'));
    switch (url.pathname) {
      case '/sandbox/command': {
        const responseId = `cmd${++seq}`;
        const text = str(input.text) ?? '';
        const channel = str(input.channel) ?? SANDBOX_CHANNELS[0]!.id;
        workspace.command({ responseId, channel, text: `/queue ${text}` });
        // Slack escapes &, < and > in command text (should_escape); do the same.
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const result = await relay(
          res,
          slashCommandBody({
            text: escaped,
            responseUrl: slack.responseUrl(responseId),
            channelId: channel,
            channelName: channel === SANDBOX_DM ? 'directmessage' : channelName(channel),
            userId: SANDBOX_USER.id,
            userName: SANDBOX_USER.name,
            triggerId: triggerId(),
          }),
          'application/x-www-form-urlencoded',
          workspace.paneOf(channel),
          { responseId },
        );
        if (result?.status === 200) workspace.ack(responseId, result.ack);
        return true;
      }
      case '/sandbox/action':
        await action(res, input);
        return true;
      case '/sandbox/submit': {
        const viewId = str(input.viewId) ?? '';
        const view = workspace.view(viewId);
        if (!view) {
          sendJson(res, 404, { error: `no view ${viewId} on screen` });
          return true;
        }
        const result = await relay(
          res,
          viewSubmissionBody({ view: view.view, state: stateOf(input), triggerId: triggerId() }),
          'application/x-www-form-urlencoded',
          undefined,
        );
        if (result?.status === 200) workspace.submitted(viewId, result.ack);
        return true;
      }
      case '/sandbox/close': {
        const viewId = str(input.viewId) ?? '';
        const view = workspace.view(viewId);
        workspace.closed(viewId);
        // Slack tells the app only when the view asked for it.
        if (view?.view.notify_on_close === true)
          await relay(
            res,
            viewClosedBody({ view: view.view, state: stateOf(input) }),
            'application/x-www-form-urlencoded',
            undefined,
          );
        else sendJson(res, 200, { status: 200 });
        return true;
      }
      case '/sandbox/home': {
        const home = workspace.homeOf(SANDBOX_USER.id);
        await relay(
          res,
          appHomeOpenedBody({
            user: SANDBOX_USER.id,
            dmChannel: SANDBOX_DM,
            ...(home ? { view: home.view } : {}),
          }),
          'application/json',
          undefined,
        );
        return true;
      }
      case '/sandbox/clock': {
        if (!clock) {
          sendJson(res, 409, { error: 'The bot is not running yet.' });
          return true;
        }
        let by =
          typeof input.advanceMs === 'number' && Number.isFinite(input.advanceMs) ? input.advanceMs : 0;
        if (input.toNextDigest === true) {
          const next = await clock.nextDigest();
          if (next === undefined) {
            sendJson(res, 409, {
              error: 'No digest is scheduled in the sandbox channels.',
              ...(await clockState()),
            });
            return true;
          }
          by = Math.max(0, next - clock.now()) + 1_000;
        }
        await clock.advance(by);
        sendJson(res, 200, await clockState());
        broadcast({ type: 'clock', ...(await clockState()) });
        return true;
      }
      default:
        return false;
    }
  };

  const broadcast = (event: WorkspaceChange | Record<string, unknown>): void => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const s of streams) s.write(data);
  };
  workspace.onChange(broadcast);

  const slack = new FakeSlack({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1', routes, now });
  slack.onEvent((event) => {
    if (event.kind === 'response') workspace.responsePost(event.post.id, event.post.body);
    else workspace.apiCall(event.call);
  });
  const sandbox: Sandbox = {
    slack,
    workspace,
    channels: SANDBOX_CHANNELS,
    get url() {
      return slack.url;
    },
    setClock(c) {
      clock = c;
    },
    async close() {
      for (const s of streams) s.end();
      await slack.close();
    },
  };
  await slack.start();
  return sandbox;
}
