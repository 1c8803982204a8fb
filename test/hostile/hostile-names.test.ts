/**
 * LivePerson names as hostile input, end to end: the simulator's skills, agent groups and agents
 * are called `<!channel>`, `<@U123>`, `& <b>bold</b>`, mrkdwn, a link, RTL and zero-width marks and
 * 300 characters; the real bot answers signed commands and clicks over HTTP, and every payload the
 * fake Slack receives (posts, updates, ephemerals, response_url posts, modals, the Home tab) must fit
 * Slack's limits and carry no name unescaped.
 */
import { strict as assert } from 'node:assert';
import vm from 'node:vm';
import {
  DEFAULT_OAUTH,
  apiKeyAccountEnv,
  startSimulator,
  type RosterNames,
  type Simulator,
} from '../../src/simulator';
import { BUSY_NOW, slackEscape, startHarness, type Harness } from '../e2e/harness';
import { MAX_LABEL_CHARS } from '../../src/charts/chart-text';
import { messageProblems, textObjects, viewProblems } from './safety';

/** A 300-character name with markup at its start, where a cut keeps it. */
const long = (head: string) => (head + ' ' + 'Ωmega-long-name '.repeat(30)).slice(0, 300);
const LONG_SKILL = long('<!channel> & <b>Long</b> desk');
const LONG_GROUP = long('<!here> &amp; lengthy team');
const LONG_AGENT = long('<@U123> & lengthy person');

const NAMES: Required<RosterNames> = {
  skills: {
    '1001': '<!channel> Billing',
    '1002': 'Sales & <b>bold</b>',
    '1003': '*bold* _it_ ~s~ `code` Hardware',
    '1004': '<https://evil.example|click> Software',
    '1005': 'Returns &amp; <@U123> Exchanges',
    '1006': 'VIP <!here> 🚀 \u202eLTR\u202c zero\u200bwidth',
    '1007': LONG_SKILL,
  },
  agentGroups: {
    '502': 'Tier 1 <!channel> & <b>co</b>',
    '503': LONG_GROUP,
    '505': '<@U123> Billing Team &amp;',
    '506': '*VIP* <https://evil.example|click> Desk',
  },
  agents: {
    '7001': '<!channel> Maya',
    '7002': 'Liam & <b>Chen</b>',
    '7003': LONG_AGENT,
    '7004': '*Noah* <https://evil.example|click>',
  },
};

/** What the fake Slack received, as one list of payloads to check. */
interface Payload {
  where: string;
  kind: 'message' | 'view';
  body: Record<string, unknown>;
}

function payloadsOf(h: Harness): Payload[] {
  const out: Payload[] = [];
  for (const c of h.slack.calls) {
    if (['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(c.method))
      out.push({ where: c.method, kind: 'message', body: c.args });
    if (['views.open', 'views.update', 'views.push', 'views.publish'].includes(c.method))
      out.push({ where: c.method, kind: 'view', body: c.args.view as Record<string, unknown> });
  }
  for (const r of h.slack.responses) {
    // A bare "delete the placeholder" carries no message.
    if (r.body.delete_original === true && r.body.text === undefined) continue;
    out.push({ where: `response_url ${r.id}`, kind: 'message', body: r.body });
  }
  return out;
}

/** Everything the user reads in a payload, joined (escaped mrkdwn and plain text alike). */
const shown = (p: Payload): string => shownText(p.body);

function shownText(body: Obj): string {
  const parts = [...textObjects(body)].map((t) => t.text);
  if (typeof body.text === 'string') parts.push(body.text);
  return parts.join('\n');
}

/** Image blocks and elements of a payload. */
function imagesOf(body: Obj): { url: string; alt: string }[] {
  const out: { url: string; alt: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Obj;
      if (o.type === 'image' && typeof o.image_url === 'string')
        out.push({ url: o.image_url, alt: typeof o.alt_text === 'string' ? o.alt_text : '' });
      Object.values(o).forEach(visit);
    }
  };
  visit(body.blocks);
  return out;
}

/** The axis labels a QuickChart URL draws (each line of a multi-line label on its own). */
function chartLabels(url: string): string[] {
  const config = new URL(url).searchParams.get('c');
  assert.ok(config, `no chart config in ${url.slice(0, 80)}`);
  // The config is a JavaScript object literal (QuickChart's format), read in a sandbox.
  const parsed = vm.runInNewContext(`(${config})`) as { data?: { labels?: unknown[] } };
  return (parsed.data?.labels ?? []).flatMap((l) => (Array.isArray(l) ? l.map(String) : [String(l)]));
}

type Obj = Record<string, unknown>;

const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Clickable {
  actionId: string;
  value?: string;
  selectedValue?: string;
  selectedText?: string;
  label: string;
}

const textOf = (t: unknown): string =>
  t && typeof t === 'object' && typeof (t as Obj).text === 'string' ? ((t as Obj).text as string) : '';

/** Buttons and menu options of a message or view, as a user could click them. */
function clickables(blocks: unknown): Clickable[] {
  const out: Clickable[] = [];
  const visit = (e: Obj) => {
    const actionId = typeof e.action_id === 'string' ? e.action_id : '';
    if (!actionId.startsWith('qp:')) return;
    if (e.type === 'button' && typeof e.value === 'string')
      out.push({ actionId, value: e.value, label: textOf(e.text) });
    const options = [
      ...(Array.isArray(e.options) ? (e.options as Obj[]) : []),
      ...(Array.isArray(e.option_groups)
        ? (e.option_groups as Obj[]).flatMap((g) => (Array.isArray(g.options) ? (g.options as Obj[]) : []))
        : []),
    ];
    for (const o of options) {
      const text = textOf(o.text);
      out.push({ actionId, selectedValue: String(o.value), selectedText: text, label: text });
    }
  };
  for (const b of Array.isArray(blocks) ? (blocks as Obj[]) : []) {
    if (b.accessory && typeof b.accessory === 'object') visit(b.accessory as Obj);
    if (Array.isArray(b.elements)) for (const e of b.elements as Obj[]) visit(e);
  }
  return out;
}

describe('hostile LivePerson names, end to end', function () {
  this.timeout(240_000);
  let sim: Simulator;
  let h: Harness;

  before(async () => {
    sim = await startSimulator({ now: BUSY_NOW, oauth: DEFAULT_OAUTH, names: NAMES });
    h = await startHarness({
      env: {
        ...apiKeyAccountEnv(sim.accountId, sim.url),
        CHARTS: 'quickchart',
      },
    });
  });
  after(async () => {
    await h?.close();
    await sim?.close();
  });

  /** Waits until every answer the bot started has gone out. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      assert.ok(await h.bot.container.inFlight.drain(30_000), 'answers still in flight');
    }
  }

  /** The last message posted to a response_url (the final answer), after it settled. */
  async function ask(text: string): Promise<Obj> {
    const r = await h.command(slackEscape(text));
    assert.equal(r.status, 200, text);
    await settle();
    const posts = h.slack.responsesTo(r.responseId);
    return posts.length ? posts[posts.length - 1]!.body : (r.ack ?? {});
  }

  async function click(c: Clickable, opts: { home?: boolean } = {}): Promise<void> {
    const r = await h.click({
      actionId: c.actionId,
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.selectedValue !== undefined
        ? { selectedValue: c.selectedValue, selectedText: c.selectedText ?? c.selectedValue }
        : {}),
      ...(opts.home ? { home: true } : {}),
    });
    assert.equal(r.status, 200, c.actionId);
    await settle();
  }

  /** Clicks every button and menu option of the answers, then of what they answered, once each. */
  async function crawl(start: Obj[], depth: number): Promise<void> {
    const seen = new Set<string>();
    let frontier = start;
    for (let d = 0; d < depth; d++) {
      const next: Obj[] = [];
      for (const message of frontier) {
        for (const c of clickables(message.blocks)) {
          // Digests are changed by their own steps below; pages and windows repeat what is checked.
          if (/^qp:(digest|digest-add|unwatch|page)/.test(c.actionId)) continue;
          const key = `${c.actionId.split(':')[1]}|${c.label}|${c.value ?? c.selectedValue}`;
          if (seen.has(key) || seen.size >= 160) continue;
          seen.add(key);
          const before = h.slack.responses.length;
          await click(c);
          next.push(...h.slack.responses.slice(before).map((p) => p.body));
        }
      }
      frontier = next;
    }
  }

  it('every surface that shows a name fits Slack and escapes it', async () => {
    const skill = (id: string) => NAMES.skills[id]!;
    const group = (id: string) => NAMES.agentGroups[id]!;
    const answers: Obj[] = [];
    answers.push(await ask(''));
    // Typed as the lead would copy it from LivePerson, and found exactly: a report, not a question.
    for (const [kind, names] of [
      ['Skill', NAMES.skills],
      ['Group', NAMES.agentGroups],
    ] as const) {
      for (const name of Object.values(names)) {
        const answer = await ask(`${kind.toLowerCase()} "${name}"`);
        const header = shownText(answer).split('\n')[0]!;
        assert.ok(header.startsWith(`${kind} ${escaped(name).slice(0, 20)}`), `${name}: ${header}`);
        answers.push(answer);
      }
    }
    for (const q of ['skills by wait', 'skills by load top 20', 'groups by load', 'groups by closed']) {
      answers.push(await ask(q));
    }
    answers.push(await ask(`skill "${skill('1001')}" vs yesterday`));
    answers.push(await ask(`skill "${skill('1002')}" last 4h vs last week`));
    // Not found, with suggestions; ambiguous, with a choice.
    const notFound = await ask('skill billin');
    const ambiguous = await ask('group tier');
    answers.push(notFound, ambiguous);
    await crawl(answers, 2);

    // Digests: the form, a one-liner, the list, Run now (the posted shift summary), Edit.
    await ask('digest add');
    const added = await ask(`digest add 17:00 skill ${skill('1001')}, ${LONG_SKILL}, ${skill('1002')}`);
    assert.match(JSON.stringify(added), /set up/, JSON.stringify(added).slice(0, 400));
    await ask(`digest add 08:00 group ${group('502')}, ${LONG_GROUP}`);
    await ask('digest add 09:00 skill biling');
    const list = await ask('digest list');
    for (const c of clickables(list.blocks).filter((x) => ['Run now', 'Edit'].includes(x.label)))
      await click(c);

    // App Home with the watches the crawl added, and its buttons.
    assert.equal((await h.openHome()).status, 200);
    await settle();
    const home = await h.slack.waitFor(() => {
      const published = h.slack.callsTo('views.publish');
      const last = published[published.length - 1]?.args.view as Obj | undefined;
      return last && JSON.stringify(last).includes('Unwatch') ? last : undefined;
    });
    for (const c of clickables(home.blocks).filter((x) => !/^qp:unwatch/.test(x.actionId)))
      await click(c, { home: true });

    const payloads = payloadsOf(h);
    const problems = payloads.flatMap((p) =>
      (p.kind === 'view' ? viewProblems(p.body) : messageProblems(p.body)).map((x) => `${p.where}: ${x}`),
    );
    assert.deepEqual(problems, [], `${problems.length} problems`);

    // Every surface was reached, and shows the names (escaped where mrkdwn).
    const all = payloads.map(shown).join('\n');
    const reached = (what: string, re: RegExp) => assert.match(all, re, `${what} not reached`);
    reached('the overview', /^Queue overview · last 1h/m);
    reached('the overview scope menu', /Open a skill or group/);
    reached('a skill report', /^Skill &lt;!channel&gt; Billing · last 1h/m);
    reached(
      'an agent group report',
      /^Group Tier 1 &lt;!channel&gt; &amp; &lt;b&gt;co&lt;\/b&gt; \(with sub-groups\)/m,
    );
    reached('a ranking', /^Skills by queue wait/m);
    reached('By agent group', /^Agent groups \(ow/m);
    reached('By skill', /^Skills for group /m);
    reached('Agents', /^Agents · Skill /m);
    reached('agent names', /\*&lt;!channel&gt; Maya\*/);
    reached('Trend', /^Trend · Skill /m);
    reached('Compare', /compared with the same window yesterday/);
    reached('Did you mean', /Did you mean/);
    reached('Share', /Shared by <@U0456>/);
    reached('App Home watches', /Unwatch/);
    reached('the digest form', /Skill or agent group names/);
    reached('a posted digest', /^Shift summary · &lt;!channel&gt; Billing/m);
    // Charts: an image with alt text on the answers, and labels the bot cut to an axis' width.
    const images = payloads.flatMap((p) => imagesOf(p.body));
    assert.ok(images.length > 0, 'no chart reached');
    assert.ok(
      images.some((img) =>
        chartLabels(img.url).some((l) => l.startsWith('<!channel> & <b>Long') && l.includes('…')),
      ),
      'no chart draws the long name, cut',
    );
    for (const img of images) {
      assert.ok(img.alt.length > 0 && img.alt.length <= 2000, `alt text of ${img.url.slice(0, 80)}`);
      for (const label of chartLabels(img.url)) {
        // A bar's label may end in its value, "(2s)"; the name before it is what gets cut.
        const name = label.replace(/ \([^()]*\)$/, '');
        assert.ok([...name].length <= MAX_LABEL_CHARS, `chart label ${JSON.stringify(label)}`);
      }
    }
    for (const name of [skill('1001'), skill('1002'), group('502'), NAMES.agents['7001']!])
      assert.ok(all.includes(escaped(name)), `${name} never shown escaped`);
    // The 300-character names are cut by the bot, with an ellipsis, never whole in a header.
    assert.ok(all.includes(escaped(LONG_SKILL).slice(0, 40)), 'the long skill is shown');
    assert.match(all, /Ωmega[^\n]*…/, 'a long name cut with an ellipsis');
    // A ping stays text: no payload carries a raw one anywhere (blocks, text, fallback, alt text).
    for (const p of payloads) {
      const raw = JSON.stringify(p.body);
      for (const ping of ['<!channel>', '<!here>', '<@U123>', '<https://evil'])
        assert.ok(
          !raw.includes(ping) || p.kind === 'view' || plainOnly(p.body, ping),
          `${p.where}: raw ${ping}`,
        );
    }
  });
});

/** True when `needle` appears only in plain_text objects, image alt text or option values (shown as typed). */
function plainOnly(body: Obj, needle: string): boolean {
  for (const t of textObjects(body)) if (t.type === 'mrkdwn' && t.text.includes(needle)) return false;
  return typeof body.text !== 'string' || !body.text.includes(needle);
}
