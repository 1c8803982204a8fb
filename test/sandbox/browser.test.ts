/**
 * The sandbox as a newcomer uses it, in a real browser: Debian's chromium driven by playwright-core
 * (never a downloaded browser). A command's report with its numbers, drill-down clicks replacing it
 * in place, a modal rendered from the bot's views.open and submitted with inline errors, App Home,
 * a DM with every block kind, the clock fast-forwarded past a digest, and no answer left on its
 * "Fetching" placeholder. Screenshots go to test-output/ (gitignored).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { startDemo, type Demo } from '../../src/demo';
import { BUSY_NOW, CapturingLogger, freePort, tempDataDir } from '../e2e/harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(process.cwd(), 'test-output');
const MIN = 60_000;

describe('sandbox in a browser (playwright-core + Debian chromium)', function () {
  this.timeout(60_000);
  let demo: Demo;
  let browser: Browser;
  let page: Page;
  let data: { dir: string; remove(): void };
  const requests: string[] = [];
  const pageErrors: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      // CI installs chromium (.ci/run): there a missing browser is a failure, not a skip.
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed chromium`);
      console.log(`      (skipped: no chromium at ${CHROMIUM}; apt-get install -y chromium to run it)`);
      this.skip();
    }
    mkdirSync(OUT, { recursive: true });
    data = tempDataDir();
    demo = await startDemo(
      { DATA_DIR: data.dir },
      { port: await freePort(), sandboxPort: 0, logDestination: new CapturingLogger(), now: () => BUSY_NOW },
    );
    // A digest due in ten minutes, created before the page loads (15:10 UTC on the busy afternoon).
    await demo.bot.container.digests.add(
      {
        channelId: 'C0123',
        schedule: { days: { kind: 'daily' }, hour: 15, minute: 10, zone: 'UTC' },
        windowMs: 8 * 60 * MIN,
        scope: { kind: 'skills', items: [{ id: '1001', name: 'Billing' }] },
        chart: true,
      },
      { teamId: 'T0001', userId: 'U0456' },
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // The flags keep chromium off the network (this machine's is closed) and quiet as root.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(demo.sandbox.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
    data?.remove();
  });

  const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });
  const command = async (text: string) => {
    await page.fill('#cmd', text);
    await page.press('#cmd', 'Enter');
  };
  /** The pane's bot messages once none is on its placeholder (fails after `ms` otherwise). */
  const settled = async (pane: string, ms = 20_000) => {
    await page.waitForFunction(
      (p) => {
        const msgs = Array.from(document.querySelectorAll('[data-pane="' + p + '"] .msg.bot'));
        return msgs.length > 0 && msgs.every((m) => !/Fetching|Still waiting/.test(m.textContent ?? ''));
      },
      pane,
      { timeout: ms },
    );
  };
  const lastBot = (pane = 'C0123') => page.locator(`[data-pane="${pane}"] .msg.bot`).last();

  it('answers a typed command with the report and its numbers', async () => {
    await command('/queue skill billing');
    await page.waitForSelector('[data-pane="C0123"] .msg.bot:has-text("Waiting in queue")', {
      timeout: 20_000,
    });
    await settled('C0123');
    const report = lastBot();
    const text = (await report.textContent()) ?? '';
    assert.match(text, /Skill Billing/);
    assert.match(text, /Waiting in queue\s*\d+/);
    assert.match(text, /Free human slots\s*\d+/);
    // Status marks are CSS dots (no emoji font needed); no shortcode is left as text.
    assert.ok((await report.locator('.dot').count()) > 0);
    assert.doesNotMatch(text, /:[a-z_]+:/);
    // The chart is the local PNG uploaded to the fake Slack, served from this machine.
    const src = await report.locator('.img-block img').getAttribute('src');
    assert.match(src ?? '', /^\/files\/F/);
    await shot('report');
  });

  it('"By agent group" and "Agents" each replace the report in place', async () => {
    const key = await lastBot().getAttribute('data-key');
    const count = await page.locator('[data-pane="C0123"] .msg.bot').count();
    await lastBot().locator('button:has-text("By agent group")').click();
    await page.waitForSelector(`[data-key="${key}"] .h:has-text("Agent groups")`, { timeout: 20_000 });
    await settled('C0123');
    assert.equal(await page.locator('[data-pane="C0123"] .msg.bot').count(), count);
    assert.match((await lastBot().textContent()) ?? '', /VIP Desk/);
    await shot('by-agent-group');
    await lastBot().locator('button:has-text("◀")').click();
    await page.waitForSelector(`[data-key="${key}"] .h:has-text("Skill Billing")`, { timeout: 20_000 });
    await lastBot().locator('button:has-text("Agents")').click();
    await page.waitForSelector(`[data-key="${key}"] .h:has-text("Agents")`, { timeout: 20_000 });
    await settled('C0123');
    assert.equal(await page.locator('[data-pane="C0123"] .msg.bot').count(), count);
    await shot('agents');
  });

  it('commands typed in quick succession each end on their answer, none on "Fetching"', async () => {
    await command('/queue skill biling');
    await command('/queue skill sales');
    await command('/queue skill billing');
    await page.waitForFunction(() => document.querySelectorAll('[data-pane="C0123"] .msg.bot').length >= 4);
    await settled('C0123');
  });

  it('renders a modal from views.open, shows the bot’s field errors inline, closes on success', async () => {
    const submissions: Record<string, unknown>[] = [];
    demo.bot.app.view('sandbox_probe', async ({ ack, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
      submissions.push(view as unknown as Record<string, unknown>);
      if (submissions.length === 1)
        await ack({ response_action: 'errors', errors: { time_block: 'Use HH:MM, e.g. 17:00' } });
      else await ack();
    });
    const opt = (text: string, value: string) => ({ text: { type: 'plain_text' as const, text }, value });
    await demo.bot.container.slack.views.open({
      trigger_id: 'sandbox.test.trigger',
      view: {
        type: 'modal',
        callback_id: 'sandbox_probe',
        private_metadata: 'meta-42',
        title: { type: 'plain_text', text: 'Probe' },
        submit: { type: 'plain_text', text: 'Save' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: [
          {
            type: 'input',
            block_id: 'name_block',
            label: { type: 'plain_text', text: 'Name' },
            element: { type: 'plain_text_input', action_id: 'name' },
          },
          {
            type: 'input',
            block_id: 'days_block',
            label: { type: 'plain_text', text: 'Days' },
            element: {
              type: 'static_select',
              action_id: 'days',
              option_groups: [
                {
                  label: { type: 'plain_text', text: 'Often' },
                  options: [opt('Weekdays', 'weekdays'), opt('Daily', 'daily')],
                },
              ],
            },
          },
          {
            type: 'input',
            block_id: 'chart_block',
            optional: true,
            label: { type: 'plain_text', text: 'Extras' },
            element: { type: 'checkboxes', action_id: 'extras', options: [opt('Chart', 'chart')] },
          },
          {
            type: 'input',
            block_id: 'scope_block',
            label: { type: 'plain_text', text: 'Scope' },
            element: {
              type: 'radio_buttons',
              action_id: 'scope',
              options: [opt('Account', 'account'), opt('Skills', 'skills')],
            },
          },
          {
            type: 'input',
            block_id: 'time_block',
            label: { type: 'plain_text', text: 'Time' },
            element: { type: 'timepicker', action_id: 'time' },
          },
          {
            type: 'input',
            block_id: 'channel_block',
            label: { type: 'plain_text', text: 'Channel' },
            element: { type: 'conversations_select', action_id: 'channel' },
          },
        ],
      },
    });
    const modal = page.locator('.modal[data-callback-id="sandbox_probe"]');
    await modal.waitFor();
    await modal.locator('[data-action-id="name"]').fill('Late shift');
    await modal.locator('[data-action-id="days"]').selectOption({ label: 'Daily' });
    await modal.locator('[data-action-id="extras"] input').check();
    await modal.locator('[data-action-id="scope"] label:has-text("Skills") input').check();
    await modal.locator('[data-action-id="time"]').fill('17:30');
    await modal.locator('[data-action-id="channel"]').selectOption({ label: '#billing-team' });
    await modal.locator('[data-role="submit"]').click();
    await page.waitForSelector('[data-error-for="time_block"]:has-text("Use HH:MM")');
    // The error came back without losing what was typed.
    assert.equal(await modal.locator('[data-action-id="name"]').inputValue(), 'Late shift');
    await shot('modal-errors');
    await modal.locator('[data-role="submit"]').click();
    await page.waitForSelector('#modal-root:not(.on)', { state: 'attached' });
    const v = submissions[1]!;
    assert.equal(v.callback_id, 'sandbox_probe');
    assert.equal(v.private_metadata, 'meta-42');
    assert.deepEqual((v.state as { values: unknown }).values, {
      name_block: { name: { type: 'plain_text_input', value: 'Late shift' } },
      days_block: { days: { type: 'static_select', selected_option: opt('Daily', 'daily') } },
      chart_block: { extras: { type: 'checkboxes', selected_options: [opt('Chart', 'chart')] } },
      scope_block: { scope: { type: 'radio_buttons', selected_option: opt('Skills', 'skills') } },
      time_block: { time: { type: 'timepicker', selected_time: '17:30' } },
      channel_block: { channel: { type: 'conversations_select', selected_conversation: 'C0BILLING' } },
    });
  });

  it('opens App Home (app_home_opened) and its buttons answer from a view container', async () => {
    await page.click('[data-nav="home"]');
    await page.waitForSelector('[data-pane="home"] .h:has-text("Queue Pulse")', { timeout: 20_000 });
    await page.waitForSelector('[data-pane="home"]:has-text("Account · last hour")');
    const before = demo.sandbox.slack.callsTo('views.publish').length;
    await page.click('[data-pane="home"] button:has-text("Refresh")');
    await demo.sandbox.slack.waitFor(
      () => demo.sandbox.slack.callsTo('views.publish').length > before,
      20_000,
    );
    await shot('home');
  });

  it('shows the bot’s DMs in their own pane, every block kind rendered', async () => {
    const epoch = Math.floor(BUSY_NOW / 1000);
    await demo.bot.container.slack.chat.postMessage({
      channel: 'U0456',
      text: 'kitchen sink',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Every block' } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: `*bold* _italic_ \`code\` <https://example.com|a link> <#C0123> <@U0456> <!date^${epoch}^{date_short} {time}|fallback> :warning: :red_circle:`,
          },
          accessory: {
            type: 'overflow',
            action_id: 'more',
            options: [{ text: { type: 'plain_text', text: 'Watch' }, value: 'w' }],
          },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Waiting*\n3' },
            { type: 'mrkdwn', text: '*Load*\n71%' },
          ],
        },
        { type: 'divider' },
        { type: 'image', image_url: 'https://quickchart.io/chart?c=x', alt_text: 'an internet chart' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: ':clock3: last hour' }] },
      ],
    });
    await page.click('[data-nav="dm:U0456"]');
    const dm = page.locator('[data-pane="dm:U0456"] .msg.bot').last();
    await dm.locator('.h:has-text("Every block")').waitFor();
    const html = await dm.innerHTML();
    assert.match(html, /<b>bold<\/b>/);
    assert.match(html, /<i>italic<\/i>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /<a href="https:\/\/example.com"[^>]*>a link<\/a>/);
    const text = (await dm.textContent()) ?? '';
    assert.match(text, /#support-leads/);
    assert.match(text, /@lee/);
    assert.doesNotMatch(text, /fallback|<!date|:warning:|:clock3:/);
    assert.equal(await dm.locator('.dot').count(), 1);
    assert.match(text, /not loaded: the sandbox stays offline/);
    assert.equal(await dm.locator('.fields > div').count(), 2);
  });

  it('creates a digest in the bot’s own form (/queue digest add): a mistake comes back inline, then it is saved', async () => {
    await page.click('[data-nav="C0123"]');
    await command('/queue digest add');
    const modal = page.locator('.modal[data-callback-id="qp_digest"]');
    await modal.waitFor({ timeout: 15_000 });
    const field = (block: string) =>
      modal.locator(`.input[data-block-id="${block}"] [data-action-id="value"]`);
    await field('channel').selectOption({ label: '#support-leads' });
    await field('time').fill('15:20');
    await field('zone').selectOption({ label: 'UTC' });
    // Names typed while "The whole account" is chosen: the form says so under the field.
    await field('names').fill('billing');
    await modal.locator('[data-role="submit"]').click();
    await page.waitForSelector('[data-error-for="names"]');
    assert.equal(await field('names').inputValue(), 'billing', 'nothing typed was lost');
    await modal.locator('.input[data-block-id="scope"] label:has-text("Skills") input').check();
    await modal.locator('[data-role="submit"]').click();
    await page.waitForSelector('#modal-root:not(.on)', { state: 'attached' });
    // The modal closes with the ack; the digest is saved just after it.
    const find = async () =>
      (await demo.bot.container.digests.listForChannel('T0001', 'C0123')).find(
        (d) => d.schedule.hour === 15 && d.schedule.minute === 20,
      );
    let mine = await find();
    for (let i = 0; i < 100 && !mine; i++) {
      await new Promise((r) => setTimeout(r, 50));
      mine = await find();
    }
    assert.ok(mine, 'saved');
    assert.equal(mine.schedule.zone, 'UTC');
    assert.deepEqual(mine.scope, { kind: 'skills', items: [{ id: '1001', name: 'Billing' }] });
  });

  it('fast-forwards the bot’s clock past each digest and shows its summary in the channel', async () => {
    await page.click('[data-nav="C0123"]');
    const summaries = page.locator('[data-pane="C0123"] .msg.bot:has(.h:has-text("Shift summary"))');
    for (const [n, minutes] of [
      [1, 10],
      [2, 20],
    ] as const) {
      await page.waitForSelector('#next-digest:not([disabled])');
      await page.click('#next-digest');
      await summaries.nth(n - 1).waitFor({ timeout: 30_000 });
      assert.ok(demo.clock.now() >= BUSY_NOW + minutes * MIN, `past the ${minutes}-minute digest`);
    }
    await summaries.last().scrollIntoViewIfNeeded();
    await shot('digest');
  });

  it('left no answer on its placeholder, asked nothing of the internet, threw nothing', async () => {
    await settled('C0123');
    const stuck = await page.locator('.msg.bot:has-text("Fetching")').count();
    assert.equal(stuck, 0, 'an answer is still on its "Fetching" placeholder');
    const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(u));
    assert.deepEqual(outside, []);
    assert.deepEqual(pageErrors, []);
    // The README's picture (docs/sandbox.png is a copy): a report, its marks and its buttons.
    await page.click('[data-nav="C0123"]');
    await page.setViewportSize({ width: 1280, height: 1040 });
    await page
      .locator('[data-pane="C0123"] .msg.bot:has(.h:has-text("Skill Billing"))')
      .last()
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot('sandbox');
  });
});
