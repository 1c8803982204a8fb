import { strict as assert } from 'node:assert';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { startBot, type RunningBot } from '../../src/main';
import { foregroundOpen } from '../../src/shared/loop-turn';
import { FakeSlack } from '../../src/sandbox/fake-slack';
import { parsePrometheusText } from '../observability/prometheus-text';
import { BUSY_NOW, CapturingLogger, freePort, probeRequests, tempDataDir } from './harness';

/**
 * Socket Mode as Slack runs it: apps.connections.open hands out a WebSocket URL, Slack says
 * hello, then sends envelopes; the app answers each envelope_id with the ack payload.
 */
describe('e2e: Socket Mode (SLACK_APP_TOKEN)', function () {
  this.timeout(30_000);
  let slack: FakeSlack;
  let wss: WebSocketServer;
  let bot: RunningBot;
  let socket: Promise<WebSocket>;
  let port: number;
  const data = tempDataDir();

  before(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    socket = new Promise((resolve) =>
      wss.once('connection', (ws) => {
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0789' } }));
        resolve(ws);
      }),
    );
    slack = await new FakeSlack().start();
    slack.socketModeUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    port = await freePort();
    bot = await startBot(
      {
        SLACK_BOT_TOKEN: 'xoxb-socket',
        SLACK_APP_TOKEN: 'xapp-1-socket',
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        CHARTS: 'off',
        DATA_DIR: data.dir,
      },
      { logDestination: new CapturingLogger(), now: () => BUSY_NOW },
    );
  });

  after(async () => {
    data.remove();
    await bot.stop();
    await slack.close();
    for (const c of wss.clients) c.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });

  it('opens the connection with the app-level token', () => {
    const open = slack.callsTo('apps.connections.open');
    assert.equal(open.length >= 1, true);
    assert.equal(open[0]!.token, 'xapp-1-socket');
  });

  it('answers a slash command envelope with its ack, and the report through response_url', async () => {
    const ws = await socket;
    const acked = new Promise<Record<string, unknown>>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        if (msg.envelope_id === 'env-1') resolve(msg);
      }),
    );
    ws.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'x',
          team_id: 'T0001',
          team_domain: 'acme',
          channel_id: 'C0123',
          channel_name: 'support-leads',
          user_id: 'U0456',
          user_name: 'lee',
          command: '/queue',
          text: 'skill billing',
          api_app_id: 'A0789',
          is_enterprise_install: 'false',
          response_url: slack.responseUrl('sock1'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const ack = await acked;
    assert.match(JSON.stringify(ack.payload), /Fetching/);
    const posts = await slack.waitFor(() => {
      const got = slack.responsesTo('sock1');
      return got.length ? got : undefined;
    });
    assert.match(JSON.stringify(posts[0]!.body), /Waiting in queue/);
  });

  it('still serves /healthz on PORT', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { slack: { mode: string } };
    assert.equal(body.slack.mode, 'socket');
  });

  it('serves /metrics on PORT too, the Socket Mode command timed as a command', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(res.status, 200);
    const scrape = parsePrometheusText(await res.text());
    assert.equal(scrape.value('queue_pulse_slack_ack_seconds_count', { kind: 'command' }), 1);
  });

  it('an envelope holds back the work after other acks by one mark, until its ack', async () => {
    const ws = await socket;
    const probe = probeRequests(bot.app, () => foregroundOpen());
    try {
      const acked = new Promise<void>((resolve) =>
        ws.on('message', (data: Buffer) => {
          if ((JSON.parse(data.toString()) as { envelope_id?: string }).envelope_id === 'env-help') resolve();
        }),
      );
      ws.send(
        JSON.stringify({
          envelope_id: 'env-help',
          type: 'slash_commands',
          accepts_response_payload: true,
          payload: {
            team_id: 'T0001',
            channel_id: 'C0123',
            user_id: 'U0456',
            command: '/queue',
            text: 'help',
            api_app_id: 'A0789',
            response_url: slack.responseUrl('sock-help'),
            trigger_id: '1.2.4',
          },
        }),
      );
      await acked;
      assert.deepEqual(probe.seen, [1], 'marked from Bolt taking it (no HTTP request to mark here)');
      assert.equal(foregroundOpen(), 0, 'the mark ends with the ack');
    } finally {
      probe.stop();
    }
  });
});
