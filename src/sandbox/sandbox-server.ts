/**
 * The offline sandbox: a local page that plays Slack's part. Type `/queue …`, and the sandbox
 * signs a real slash-command request into the bot's /slack/events, receives the bot's answers on
 * its response_url and Web API (FakeSlack), and renders the Block Kit; buttons send signed
 * block_actions. Nothing leaves the machine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeSlack, parseJsonObject } from './fake-slack';
import { blockActionsBody, slashCommandBody } from './payloads';
import { slackSignatureHeaders } from './sign';
import { SANDBOX_PAGE } from './sandbox-page';

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
  close(): Promise<void>;
}

interface ForwardResult {
  status: number;
  /** The bot's ack body (the first answer Slack would show), parsed when JSON. */
  ack: unknown;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the sandbox page and its fake Slack on one port. */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const streams = new Set<ServerResponse>();
  let seq = 0;
  const messageTs = new Map<string, string>();
  const messageTsOf = (responseId: string): string => {
    let ts = messageTs.get(responseId);
    if (!ts) messageTs.set(responseId, (ts = `${1732550000 + messageTs.size}.000100`));
    return ts;
  };

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

  const routes = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    raw: Buffer,
  ): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(SANDBOX_PAGE);
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/sandbox/stream') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/sandbox/command') {
      const input = parseJsonObject(raw.toString('utf8'));
      const responseId = `cmd${++seq}`;
      const text = typeof input.text === 'string' ? input.text : '';
      // Slack escapes &, < and > in command text (should_escape); do the same.
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      try {
        const result = await forward(
          slashCommandBody({ text: escaped, responseUrl: sandbox.slack.responseUrl(responseId) }),
          'application/x-www-form-urlencoded',
        );
        sendJson(res, 200, { responseId, ...result });
      } catch (err) {
        sendJson(res, 502, { responseId, error: `The bot did not answer: ${(err as Error).message}` });
      }
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/sandbox/action') {
      const input = parseJsonObject(raw.toString('utf8'));
      const responseId = typeof input.responseId === 'string' ? input.responseId : `act${++seq}`;
      const str = (k: string) => (typeof input[k] === 'string' ? input[k] : undefined);
      try {
        const result = await forward(
          blockActionsBody({
            actionId: str('actionId') ?? '',
            blockId: str('blockId') ?? '',
            value: str('value'),
            selectedValue: str('selectedValue'),
            ...(str('selectedText') ? { selectedText: str('selectedText') } : {}),
            // Each message has its own ts, as in Slack: the bot tells a double click from a click on
            // another message by it.
            messageTs: messageTsOf(responseId),
            responseUrl: sandbox.slack.responseUrl(responseId),
            ephemeral: input.ephemeral !== false,
          }),
          'application/x-www-form-urlencoded',
        );
        sendJson(res, 200, { responseId, ...result });
      } catch (err) {
        sendJson(res, 502, { responseId, error: `The bot did not answer: ${(err as Error).message}` });
      }
      return true;
    }
    return false;
  };

  const slack = new FakeSlack({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1', routes });
  const sandbox: Sandbox = {
    slack,
    get url() {
      return slack.url;
    },
    async close() {
      for (const s of streams) s.end();
      await slack.close();
    },
  };
  slack.onEvent((event) => {
    const data = JSON.stringify(
      event.kind === 'response'
        ? { kind: 'response', id: event.post.id, body: event.post.body }
        : { kind: 'call', method: event.call.method, args: event.call.args },
    );
    for (const s of streams) s.write(`data: ${data}\n\n`);
  });
  await slack.start();
  return sandbox;
}
