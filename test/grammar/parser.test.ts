import { strict as assert } from 'node:assert';
import { rngFrom } from '../../src/simulator/random';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import { INPUT_ECHO_CHARS, parseCommand } from '../../src/grammar/parser';
import { resolveWindow } from '../../src/domain/window';
import { windowLabel, windowNotes, windowProblemText } from '../../src/slack/views/window-text';
import { USAGE_EXAMPLES } from '../../src/slack/views/help';
import { isDigestCommand } from '../../src/domain/digest-command';
import { DEFAULT_TOP, MAX_TOP, RANK_METRICS, type ParsedCommand } from '../../src/domain/query';

/** Monday 2026-06-15 14:30 UTC: 16:30 in Berlin (CEST), 10:30 in New York (EDT). */
const NOW = Date.UTC(2026, 5, 15, 14, 30);
/** 2026-11-01 23:30 EST in New York: the clocks went back at 02:00, so the day is 25 h long. */
const NY_FALL_BACK_LATE = Date.UTC(2026, 10, 2, 4, 30);
/** 2026-11-01 10:00 EST in New York. */
const NY_FALL_BACK_MORNING = Date.UTC(2026, 10, 1, 15, 0);
/** 2026-03-29 10:00 CEST in Berlin: the clocks went forward at 02:00. */
const BERLIN_SPRING = Date.UTC(2026, 2, 29, 8, 0);
/** 2026-10-25 13:00 CET in Berlin: the clocks went back at 03:00. */
const BERLIN_FALL = Date.UTC(2026, 9, 25, 12, 0);

/** A window as the answer shows it: instants, label and notes. */
interface TimeWindow {
  from: number;
  to: number;
  label: string;
}
/** A parse with its window as shown (distributes over the union, so each kind keeps its fields). */
type Shown = ParsedCommand extends infer P
  ? P extends { window: unknown }
    ? Omit<P, 'window'> & { window: TimeWindow & { note?: string } }
    : P
  : never;

/**
 * Parses, then resolves the window at `now` in `tz` exactly as the report service does: what the
 * user ends up seeing. A window that cannot be answered reads as the sentence the user gets.
 */
function parseAt(text: string, now: number, tz: string): Shown {
  const parsed = parseCommand(text);
  if (parsed.kind === 'usage' || parsed.kind === 'help' || isDigestCommand(parsed)) return parsed;
  const r = resolveWindow(parsed.window, now, tz);
  if (!r.ok) return { kind: 'usage', message: windowProblemText(r.problem), input: text };
  const note = windowNotes(r.window).join(' ');
  const window = {
    from: r.window.from,
    to: r.window.to,
    label: windowLabel(r.window),
    ...(note ? { note } : {}),
  };
  return { ...parsed, window };
}

const last = (ms: number, label: string, now = NOW): TimeWindow => ({ from: now - ms, to: now, label });
const DEFAULT = last(HOUR_MS, 'last 1h');

type Want =
  | { kind: 'usage'; message: RegExp }
  | { kind: 'help' }
  | ({ kind: 'overview' | 'skill' | 'group' | 'ranking'; window?: TimeWindow; note?: RegExp } & Record<
      string,
      unknown
    >);

interface Case {
  text: string;
  now?: number;
  tz?: string;
  want: Want;
}

const usage = (message: RegExp): Want => ({ kind: 'usage', message });
const overview = (more: Record<string, unknown> = {}): Want => ({ kind: 'overview', ...more });
const skill = (name: string, more: Record<string, unknown> = {}): Want => ({ kind: 'skill', name, ...more });
const group = (name: string, more: Record<string, unknown> = {}): Want => ({ kind: 'group', name, ...more });
const ranking = (dimension: 'skills' | 'groups', more: Record<string, unknown> = {}): Want => ({
  kind: 'ranking',
  dimension,
  by: 'queue',
  top: DEFAULT_TOP,
  ...more,
});
const HELP: Want = { kind: 'help' };
const HUMAN = { audience: 'humans' };
const BOT = { audience: 'bots' };
const PUBLIC = { public: true };

const CASES: Case[] = [
  // The four reports and their spellings.
  { text: '', want: overview() },
  { text: '   \n ', want: overview() },
  { text: 'overview', want: overview() },
  { text: 'skill billing', want: skill('billing') },
  { text: 'SKILL Billing', want: skill('Billing') },
  { text: 'skills billing', want: skill('billing') },
  { text: 'group Tier 1', want: group('Tier 1') },
  { text: 'groups Tier 1 Night', want: group('Tier 1 Night') },
  { text: 'agent group Tier 2', want: group('Tier 2') },
  { text: 'Agent-Group VIP Desk', want: group('VIP Desk') },
  { text: 'skills', want: ranking('skills') },
  // Groups have no queue: they rank by load unless told otherwise.
  { text: 'groups', want: ranking('groups', { by: 'load' }) },
  { text: 'groups by wait', want: usage(/wait for skills, not agent groups.*`\/queue skills by wait`/) },
  { text: 'groups by queue', want: usage(/can't be ranked `by queue`/) },
  { text: 'groups by overdue top 5', want: usage(/`\/queue groups by load`/) },
  { text: 'agent groups by load', want: ranking('groups', { by: 'load' }) },
  { text: '/queue skill billing', want: skill('billing') },
  // Rankings: by, top, synonyms, slips.
  { text: 'skills by wait top 5', want: ranking('skills', { by: 'wait', top: 5 }) },
  { text: 'skills top 5 by wait', want: ranking('skills', { by: 'wait', top: 5 }) },
  { text: 'skills top5', want: ranking('skills', { top: 5 }) },
  { text: 'skills top 50', want: ranking('skills', { top: MAX_TOP }) },
  { text: 'skills, by wait', want: ranking('skills', { by: 'wait' }) },
  { text: 'skill by wait', want: ranking('skills', { by: 'wait' }) },
  { text: 'group top 3', want: ranking('groups', { top: 3, by: 'load' }) },
  { text: 'skills by waiting', want: ranking('skills', { by: 'queue' }) },
  { text: 'skills by Wait Time', want: ranking('skills', { by: 'wait' }) },
  { text: 'skills by waits', want: ranking('skills', { by: 'wait' }) },
  { text: 'groups by response time', want: ranking('groups', { by: 'response' }) },
  { text: 'skills by satisfaction', want: ranking('skills', { by: 'csat' }) },
  { text: 'skills by closed conversations', want: ranking('skills', { by: 'closed' }) },
  { text: 'skills by SLA', want: ranking('skills', { by: 'overdue' }) },
  { text: 'skills by wait by wait', want: ranking('skills', { by: 'wait' }) },
  {
    text: 'skills by phone',
    want: usage(/I can't rank by “phone”\. Rank by one of: `queue`, `wait`.*`overdue`/),
  },
  { text: 'skills by', want: usage(/Rank by what\?/) },
  { text: 'skills top 0', want: usage(/from 1 to 50 \(not “0”\)/) },
  { text: 'skills top 51', want: usage(/from 1 to 50 \(not “51”\)/) },
  { text: 'skills top -3', want: usage(/from 1 to 50/) },
  { text: 'skills top', want: usage(/`top` takes a number from 1 to 50, e\.g\. `top 5`/) },
  { text: 'skills top 5 top 6', want: usage(/Pick one `top`/) },
  { text: 'skills by wait by load', want: usage(/Rank by one thing at a time: `by wait` or `by load`/) },
  { text: 'by wait', want: usage(/rank skills or agent groups: try `\/queue skills by wait top 5`/) },
  {
    text: 'skill billing top 5',
    want: usage(/`top` ranks skills or agent groups.*“billing top 5” is a name/),
  },
  { text: 'skill billing by phone', want: usage(/rank by “phone”.*`\/queue skill "billing by phone"`/) },
  // A report word without a name.
  { text: 'skill', want: usage(/Which skill\? e\.g\. `\/queue skill billing`/) },
  { text: 'group', want: usage(/Which agent group\? e\.g\. `\/queue group Tier 1`/) },
  { text: 'skill last 4h', want: usage(/Which skill\?/) },
  { text: 'skill ""', want: usage(/Which skill\?/) },
  { text: 'skills last 4h groups', want: usage(/One report at a time/) },
  // Lengths of time.
  { text: 'last 30m', want: overview({ window: last(30 * MINUTE_MS, 'last 30m') }) },
  { text: 'last 30 min', want: overview({ window: last(30 * MINUTE_MS, 'last 30m') }) },
  { text: 'last 90 minutes', want: overview({ window: last(90 * MINUTE_MS, 'last 1h30m') }) },
  { text: 'skill billing last 4h', want: skill('billing', { window: last(4 * HOUR_MS, 'last 4h') }) },
  { text: 'skill billing last 4 hours', want: skill('billing', { window: last(4 * HOUR_MS, 'last 4h') }) },
  { text: 'LAST 1H30M', want: overview({ window: last(90 * MINUTE_MS, 'last 1h30m') }) },
  { text: 'last 1 h 30 m', want: overview({ window: last(90 * MINUTE_MS, 'last 1h30m') }) },
  { text: 'last hour', want: overview({ window: last(HOUR_MS, 'last 1h') }) },
  { text: 'last an hour', want: overview({ window: last(HOUR_MS, 'last 1h') }) },
  { text: 'last 1.5h', want: overview({ window: last(90 * MINUTE_MS, 'last 1h30m') }) },
  { text: 'last 24h', want: overview({ window: last(DAY_MS, 'last 24h') }) },
  {
    text: 'last 2d',
    want: usage(/^That window is 2 d; LivePerson keeps at most 24 h per query\. Try `last 24h`\.$/),
  },
  {
    text: 'last 30h',
    want: usage(/^That window is 30 h; LivePerson keeps at most 24 h per query\. Try `last 24h`\.$/),
  },
  { text: 'last week', want: usage(/That window is 7 d;/) },
  { text: 'last 30d', want: usage(/30 d; LivePerson keeps only the last 14 days of metrics/) },
  { text: 'last 0m', want: usage(/nothing in it/) },
  { text: 'last -5m', want: usage(/can't run backwards/) },
  { text: 'last 30s', want: usage(/under a minute/) },
  { text: 'last 4', want: usage(/^Last 4 what\? Try `last 4m` or `last 4h`\.$/) },
  { text: 'last', want: usage(/`last` needs a length, like `last 30m`/) },
  { text: 'skill billing last mile', want: usage(/needs a length.*“billing last mile” is a name/) },
  { text: 'last 4h today', want: usage(/one time phrase, not two: `last 4h` or `today`/) },
  { text: 'today since 8am', want: usage(/one time phrase/) },
  // Times of day, in the asker's zone.
  {
    text: 'since 08:00',
    tz: 'Europe/Berlin',
    want: overview({ window: { from: Date.UTC(2026, 5, 15, 6, 0), to: NOW, label: 'since 08:00' } }),
  },
  {
    text: 'skill billing since 8am',
    tz: 'Europe/Berlin',
    want: skill('billing', { window: { from: Date.UTC(2026, 5, 15, 6, 0), to: NOW, label: 'since 08:00' } }),
  },
  {
    text: 'since 8am today',
    tz: 'Europe/Berlin',
    want: overview({ window: { from: Date.UTC(2026, 5, 15, 6, 0), to: NOW, label: 'since 08:00' } }),
  },
  {
    text: 'since 10',
    tz: 'America/New_York',
    want: overview({ window: { from: Date.UTC(2026, 5, 15, 14, 0), to: NOW, label: 'since 10:00' } }),
  },
  {
    text: 'since noon',
    tz: 'UTC',
    want: overview({ window: { from: Date.UTC(2026, 5, 15, 12, 0), to: NOW, label: 'since 12:00' } }),
  },
  {
    text: 'since 8:30pm',
    tz: 'Europe/Berlin',
    want: overview({
      window: { from: Date.UTC(2026, 5, 14, 18, 30), to: NOW, label: 'since 20:30 yesterday' },
      note: /20:30 hasn't come yet today \(Europe\/Berlin\), so this is since 20:30 yesterday\./,
    }),
  },
  {
    text: 'since 8:30 PM',
    tz: 'Europe/Berlin',
    want: overview({
      window: { from: Date.UTC(2026, 5, 14, 18, 30), to: NOW, label: 'since 20:30 yesterday' },
      note: /since 20:30 yesterday/,
    }),
  },
  {
    text: 'since 17',
    tz: 'America/New_York',
    want: overview({
      window: { from: Date.UTC(2026, 5, 14, 21, 0), to: NOW, label: 'since 17:00 yesterday' },
      note: /since 17:00 yesterday/,
    }),
  },
  {
    text: 'since 22:00',
    tz: 'Europe/Berlin',
    want: overview({
      window: { from: Date.UTC(2026, 5, 14, 20, 0), to: NOW, label: 'since 22:00 yesterday' },
      note: /since 22:00 yesterday/,
    }),
  },
  {
    text: 'since 22:00 yesterday',
    tz: 'Europe/Berlin',
    want: overview({
      window: { from: Date.UTC(2026, 5, 14, 20, 0), to: NOW, label: 'since 22:00 yesterday' },
    }),
  },
  {
    text: 'since 20:00 today',
    tz: 'Europe/Berlin',
    want: usage(/It isn't 20:00 yet today \(it's 16:30 in Europe\/Berlin\)/),
  },
  {
    text: 'since 01:00',
    now: BERLIN_SPRING,
    tz: 'Europe/Berlin',
    // 01:00 CET is 00:00 UTC: 8 h before 10:00 CEST, not 9.
    want: overview({
      window: { from: Date.UTC(2026, 2, 29, 0, 0), to: BERLIN_SPRING, label: 'since 01:00' },
    }),
  },
  {
    text: 'since 02:30',
    now: BERLIN_SPRING,
    tz: 'Europe/Berlin',
    want: overview({
      window: { from: Date.UTC(2026, 2, 29, 1, 0), to: BERLIN_SPRING, label: 'since 02:30' },
      note: /02:30 didn't exist today \(the clocks went forward\), so this counts from 03:00/,
    }),
  },
  {
    text: 'since 02:30',
    now: BERLIN_FALL,
    tz: 'Europe/Berlin',
    // 02:30 happened twice; the first (CEST) is meant.
    want: overview({ window: { from: Date.UTC(2026, 9, 25, 0, 30), to: BERLIN_FALL, label: 'since 02:30' } }),
  },
  { text: 'since 25:00', want: usage(/`since` needs a time of day/) },
  { text: 'since 13pm', want: usage(/`since` needs a time of day/) },
  {
    text: 'since',
    want: usage(/`since` needs a time of day, like `since 08:00`, `since 8am` or `since 17`/),
  },
  // yesterday: the previous calendar day in the asker's zone.
  {
    text: 'yesterday',
    want: overview({
      window: { from: Date.UTC(2026, 5, 14), to: Date.UTC(2026, 5, 15) - 1, label: 'yesterday' },
    }),
  },
  {
    text: 'skill billing yesterday',
    tz: 'Europe/Berlin',
    want: skill('billing', {
      window: { from: Date.UTC(2026, 5, 13, 22), to: Date.UTC(2026, 5, 14, 22) - 1, label: 'yesterday' },
    }),
  },
  {
    // 2026-11-02 in New York: yesterday (Nov 1) had 25 hours, so its last 24 h are counted.
    text: 'yesterday',
    now: Date.UTC(2026, 10, 2, 15, 0),
    tz: 'America/New_York',
    want: overview({
      window: {
        from: Date.UTC(2026, 10, 2, 5, 0) - DAY_MS,
        to: Date.UTC(2026, 10, 2, 5, 0) - 1,
        label: 'yesterday',
      },
      note: /Yesterday was 25 h long \(the clocks went back\), so this covers its last 24 h\./,
    }),
  },
  {
    text: 'group Tier 1 yesterday',
    want: group('Tier 1', {
      window: { from: Date.UTC(2026, 5, 14), to: Date.UTC(2026, 5, 15) - 1, label: 'yesterday' },
    }),
  },
  { text: 'yesterday last 4h', want: usage(/one time phrase, not two: `yesterday` or `last 4h`/) },
  { text: 'today yesterday', want: usage(/one time phrase, not two: `today` or `yesterday`/) },
  // today, including DST days.
  { text: 'today', want: overview({ window: { from: Date.UTC(2026, 5, 15), to: NOW, label: 'today' } }) },
  {
    text: 'today',
    tz: 'Europe/Berlin',
    want: overview({ window: { from: Date.UTC(2026, 5, 14, 22, 0), to: NOW, label: 'today' } }),
  },
  {
    text: 'today',
    now: NY_FALL_BACK_LATE,
    tz: 'America/New_York',
    want: overview({
      window: { from: NY_FALL_BACK_LATE - DAY_MS, to: NY_FALL_BACK_LATE, label: 'today' },
      note: /Today is 24\.5 h long so far \(the clocks went back\), so this covers the last 24 h\./,
    }),
  },
  {
    text: 'today',
    now: NY_FALL_BACK_MORNING,
    tz: 'America/New_York',
    // Midnight was still EDT (04:00 UTC): 11 h so far, within 24 h, no note.
    want: overview({
      window: { from: Date.UTC(2026, 10, 1, 4, 0), to: NY_FALL_BACK_MORNING, label: 'today' },
    }),
  },
  {
    text: 'today',
    now: Date.UTC(2026, 5, 14, 22, 0, 30),
    tz: 'Europe/Berlin',
    want: usage(/only just begun/),
  },
  {
    text: 'today',
    tz: 'Not/AZone',
    want: overview({
      window: { from: Date.UTC(2026, 5, 15), to: NOW, label: 'today' },
      note: /timezone “Not\/AZone”, so times are in UTC/,
    }),
  },
  // Humans, bots, public.
  { text: 'humans', want: overview(HUMAN) },
  { text: 'bots last 30m', want: overview({ ...BOT, window: last(30 * MINUTE_MS, 'last 30m') }) },
  { text: 'skill billing human', want: skill('billing', HUMAN) },
  { text: 'skills bot', want: ranking('skills', BOT) },
  { text: 'skill billing humans humans', want: skill('billing', HUMAN) },
  { text: 'humans bots', want: usage(/Pick one of `humans` or `bots` — or neither, to see both together/) },
  { text: 'public', want: overview(PUBLIC) },
  { text: 'skills by csat public', want: ranking('skills', { by: 'csat', ...PUBLIC }) },
  { text: 'group Tier 1 Night public', want: group('Tier 1 Night', PUBLIC) },
  // Names that hold keywords.
  { text: 'group bots', want: group('bots') },
  { text: 'group Bots last 4h', want: group('Bots', { window: last(4 * HOUR_MS, 'last 4h') }) },
  { text: 'skill Bot Triage', want: skill('Bot Triage') },
  { text: 'skill Human Resources bots', want: skill('Human Resources', BOT) },
  {
    text: 'skill Public Sector today public',
    want: skill('Public Sector', { ...PUBLIC, window: todayUtc() }),
  },
  { text: 'skill "Last Mile" last 4h', want: skill('Last Mile', { window: last(4 * HOUR_MS, 'last 4h') }) },
  // Quoting and escaping.
  {
    text: 'skill tech support - hardware last 4h',
    want: skill('tech support - hardware', { window: last(4 * HOUR_MS, 'last 4h') }),
  },
  {
    text: 'skill "Tech Support - Hardware" last 4h humans',
    want: skill('Tech Support - Hardware', { ...HUMAN, window: last(4 * HOUR_MS, 'last 4h') }),
  },
  { text: "skill 'Tech Support - Software'", want: skill('Tech Support - Software') },
  {
    text: 'skill “Tech Support - Hardware” today',
    want: skill('Tech Support - Hardware', { window: todayUtc() }),
  },
  { text: 'skill ‘VIP’ humans', want: skill('VIP', HUMAN) },
  { text: "skill Lee's team", want: skill("Lee's team") },
  { text: 'skill "Billing" Disputes', want: skill('Billing Disputes') },
  { text: 'skill "billing', want: usage(/quote is never closed/) },
  { text: 'skill “billing last 4h', want: usage(/quote is never closed/) },
  { text: 'skill Returns &amp; Exchanges', want: skill('Returns & Exchanges') },
  { text: 'skill Loyalty &lt;Gold&gt; public', want: skill('Loyalty <Gold>', PUBLIC) },
  {
    text: 'skill "Returns &amp; Exchanges" last 30m',
    want: skill('Returns & Exchanges', { window: last(30 * MINUTE_MS, 'last 30m') }),
  },
  { text: 'skill &amp;lt;', want: skill('&lt;') },
  // Slack entities and mentions.
  {
    text: 'skill <#C123|support-leads>',
    want: usage(/^Channels and people aren't skills — try `\/queue skill billing`\.$/),
  },
  { text: 'skill <@U456|lee>', want: usage(/Channels and people aren't skills/) },
  {
    text: 'group <@U456>',
    want: usage(/Channels and people aren't agent groups — try `\/queue group Tier 1`/),
  },
  { text: '<#C123|support-leads>', want: usage(/Channels and people aren't skills/) },
  { text: 'skill #support-leads', want: usage(/Channels and people aren't skills/) },
  { text: 'skill @lee last 4h', want: usage(/Channels and people aren't skills/) },
  { text: 'skill "<@U1|lee>"', want: usage(/Channels and people aren't skills/) },
  {
    text: 'skill billing public <#C123|support-leads>',
    want: usage(/answer in the channel where you ask\. Run the command in #support-leads and add `public`/),
  },
  { text: 'skill billing in <#C123|support-leads>', want: usage(/Run the command in #support-leads/) },
  { text: 'public in <#C123>', want: usage(/Run the command in that channel/) },
  { text: 'skills public #support-leads', want: usage(/Run the command in #support-leads/) },
  { text: 'skill <!here>', want: usage(/Mentions like @here don't belong/) },
  { text: 'group <!subteam^S123|@leads>', want: usage(/Slack user groups aren't agent groups/) },
  { text: 'skill <https://example.com|docs>', want: usage(/Links aren't skills/) },
  // Help, garbage, typos.
  { text: 'help', want: HELP },
  { text: 'HELP skill', want: HELP },
  { text: '?', want: HELP },
  { text: '-h', want: HELP },
  { text: '--help', want: HELP },
  { text: '...', want: HELP },
  { text: '🙂🙂', want: HELP },
  {
    text: 'foo',
    want: usage(
      /^I don't know “foo”\. For one skill try `\/queue skill foo`; for an agent group, `\/queue group foo`\.$/,
    ),
  },
  { text: 'billing last 4h', want: usage(/`\/queue skill billing`/) },
  { text: '"billing"', want: usage(/I don't know “billing”/) },
  { text: '4h', want: usage(/I don't know “4h” — did you mean `\/queue last 4h`\?/) },
  { text: '8am skill billing', want: usage(/did you mean `\/queue since 8am skill billing`\?/) },
  { text: 'wait', want: usage(/did you mean `\/queue skills by wait`\?/) },
  { text: 'skill billing last 4h humans 30m', want: usage(/“30m” there — did you mean `last 30m`\?/) },
  { text: 'skill billing, last 4h', want: skill('billing', { window: last(4 * HOUR_MS, 'last 4h') }) },
  { text: 'skils by wait', want: usage(/did you mean `\/queue skills by wait`\?/) },
  { text: 'grup Tier 1', want: usage(/did you mean `\/queue group Tier 1`\?/) },
  { text: 'skill billing last 4h sales', want: usage(/I didn't understand “sales” there/) },
  { text: 'last 4h "billing"', want: usage(/I didn't expect “billing” there/) },
  { text: 'skill `rm -rf` last 4h x', want: usage(/“x”/) },
  { text: 'x'.repeat(5000), want: usage(/^That's 5,000 characters; a \/queue command is a few words/) },
  {
    text: 'skill\u0000billing\u0007 last\t4h',
    want: skill('billing', { window: last(4 * HOUR_MS, 'last 4h') }),
  },
  { text: 'sk\u200bill billing', want: skill('billing') },
  { text: 'ｓｋｉｌｌ billing', want: skill('billing') },
  { text: 'skill 🚀 Launch', want: skill('🚀 Launch') },
];

function todayUtc(): TimeWindow {
  return { from: Date.UTC(2026, 5, 15), to: NOW, label: 'today' };
}

function check(c: Case): void {
  const got = parseAt(c.text, c.now ?? NOW, c.tz ?? 'UTC');
  const want = c.want;
  if (want.kind === 'usage') {
    assert.equal(got.kind, 'usage', `expected usage, got ${JSON.stringify(got)}`);
    if (got.kind === 'usage') assert.match(got.message, want.message);
    return;
  }
  if (want.kind === 'help') {
    assert.deepEqual(got, { kind: 'help' });
    return;
  }
  if (got.kind === 'usage' || got.kind === 'help')
    assert.fail(`expected ${want.kind}, got ${JSON.stringify(got)}`);
  assert.equal(got.kind, want.kind, JSON.stringify(got));
  const { window: wantWindow = DEFAULT, note, ...rest } = want;
  const { window: gotWindow, ...gotRest } = got;
  const { note: gotNote, ...gotWindowCore } = gotWindow;
  assert.deepEqual(gotRest, { public: false, ...rest });
  assert.deepEqual(gotWindowCore, wantWindow);
  if (note) assert.match(gotNote ?? '', note);
  else assert.equal(gotNote, undefined, 'no note expected');
}

describe('parseCommand', () => {
  it(`has a table of at least 60 cases (${CASES.length})`, () => assert.ok(CASES.length >= 60));

  for (const c of CASES) {
    const where = [c.tz, c.now === undefined ? '' : new Date(c.now).toISOString()].filter(Boolean).join(' ');
    const shown = c.text.length > 60 ? `${c.text.slice(0, 20)}… (${c.text.length} chars)` : c.text;
    it(`${JSON.stringify(shown)}${where ? ` [${where}]` : ''} → ${c.want.kind}`, () => check(c));
  }

  it('produces exactly the documented shape: intent, never instants', () => {
    assert.deepEqual(parseCommand('skill Returns &amp; Exchanges last 4h humans public'), {
      kind: 'skill',
      name: 'Returns & Exchanges',
      window: { kind: 'last', ms: 4 * HOUR_MS },
      audience: 'humans',
      public: true,
    });
    assert.deepEqual(parseCommand('groups by load top 3'), {
      kind: 'ranking',
      dimension: 'groups',
      by: 'load',
      top: 3,
      window: { kind: 'last', ms: HOUR_MS },
      public: false,
    });
  });

  it('keeps time phrases as specs, whatever the clock or the zone', () => {
    assert.deepEqual(parseCommand('since 8:30pm'), {
      kind: 'overview',
      window: { kind: 'since', hour: 20, minute: 30, day: 'auto' },
      public: false,
    });
    assert.deepEqual(parseCommand('skill billing since 17 yesterday'), {
      kind: 'skill',
      name: 'billing',
      window: { kind: 'since', hour: 17, minute: 0, day: 'yesterday' },
      public: false,
    });
    assert.deepEqual(parseCommand('today'), { kind: 'overview', window: { kind: 'today' }, public: false });
    assert.deepEqual(parseCommand('yesterday'), {
      kind: 'overview',
      window: { kind: 'yesterday' },
      public: false,
    });
  });

  it('accepts every rank metric by name', () => {
    for (const m of RANK_METRICS) {
      const got = parseCommand(`skills by ${m}`);
      assert.equal(got.kind === 'ranking' && got.by, m);
    }
  });

  it('echoes the input unescaped and cut to about 100 characters', () => {
    const r = parseCommand('skill Returns &amp; Exchanges by phone');
    assert.equal(r.kind === 'usage' && r.input, 'skill Returns & Exchanges by phone');
    const long = parseCommand(`foo ${'ab '.repeat(2000)}`);
    assert.equal(long.kind, 'usage');
    if (long.kind === 'usage') {
      assert.equal(Array.from(long.input).length, INPUT_ECHO_CHARS + 1);
      assert.ok(long.input.endsWith('…'));
    }
  });

  it('keeps quoted fragments of the input short and free of backticks in messages', () => {
    const r = parseCommand(`skill billing last 4h ${'`'}${'z'.repeat(300)}`);
    assert.equal(r.kind, 'usage');
    if (r.kind === 'usage') {
      assert.ok(r.message.length < 200, r.message);
      assert.ok(!r.message.includes('`z'), r.message);
    }
  });

  it('is plain data that survives JSON (it rides in button values)', () => {
    const r = parseCommand('skills by wait top 5 since 8am humans public');
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });

  describe('USAGE_EXAMPLES', () => {
    it('has commands and meanings', () => {
      assert.ok(USAGE_EXAMPLES.length >= 6);
      for (const e of USAGE_EXAMPLES) {
        assert.match(e.command, /^\/queue( |$)/);
        assert.ok(e.meaning.length > 0);
      }
    });
    for (const e of USAGE_EXAMPLES) {
      it(`${e.command} parses to a report or help`, () => {
        for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York']) {
          for (const now of [NOW, Date.UTC(2026, 5, 15, 23, 59), Date.UTC(2026, 5, 15, 6, 17)]) {
            const got = parseAt(e.command.replace(/^\/queue\s*/, ''), now, tz);
            assert.notEqual(
              got.kind,
              'usage',
              `${e.command} at ${new Date(now).toISOString()} ${tz}: ${JSON.stringify(got)}`,
            );
          }
        }
      });
    }
  });

  describe('fuzz', () => {
    // The simulator's seeded mulberry32: the same reproducible stream.
    const rng = rngFrom;
    const WORDS = [
      'skill',
      'skills',
      'group',
      'groups',
      'agent',
      'by',
      'top',
      'last',
      'since',
      'today',
      'yesterday',
      'humans',
      'bots',
      'human',
      'bot',
      'public',
      'in',
      'help',
      '?',
      '-h',
      'wait',
      'queue',
      'load',
      'csat',
      '4h',
      '30m',
      '1h30m',
      '90',
      'minutes',
      'hour',
      '2d',
      '08:00',
      '8am',
      'pm',
      '17',
      '25:00',
      '0',
      '51',
      '5',
      'top5',
      'billing',
      'Tier',
      '1',
      '-',
      '&amp;',
      '&lt;',
      '&gt;',
      '<#C1|x>',
      '<@U1>',
      '<!here>',
      '<https://a|b>',
      '"',
      "'",
      '“',
      '”',
      '‘',
      '’',
      '«',
      '»',
      '<',
      '>',
      '&',
      '#leads',
      '@lee',
      '🙂',
      '👩‍💻',
      'ｓｋｉｌｌ',
      '\u0000',
      '\u200b',
      '\u202e',
      '\t',
      '\n',
      'constructor',
      '__proto__',
      'toString',
      ',',
      '/queue',
      'noon',
      'an',
    ];
    const ZONES = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Pacific/Chatham',
      'Nope/Nope',
      '',
    ];
    const KINDS = new Set(['overview', 'skill', 'group', 'ranking', 'help', 'usage']);

    function randomText(next: () => number): string {
      const parts: string[] = [];
      const n = Math.floor(next() * 14);
      for (let i = 0; i < n; i++) {
        if (next() < 0.6) parts.push(WORDS[Math.floor(next() * WORDS.length)] ?? '');
        else {
          const len = 1 + Math.floor(next() * 8);
          let s = '';
          for (let k = 0; k < len; k++) {
            const r = next();
            const code =
              r < 0.5
                ? 32 + Math.floor(next() * 95)
                : r < 0.7
                  ? Math.floor(next() * 32)
                  : Math.floor(next() * 0xd7ff);
            s += String.fromCharCode(code);
          }
          parts.push(s);
        }
      }
      const sep = next() < 0.8 ? ' ' : '';
      const text = parts.join(sep);
      return next() < 0.02 ? text.repeat(60) : text;
    }

    function assertWellFormed(r: Shown, now: number, text: string): void {
      const ctx = `${JSON.stringify(text)} → ${JSON.stringify(r)}`;
      assert.ok(KINDS.has(r.kind), ctx);
      assert.deepEqual(JSON.parse(JSON.stringify(r)), r, ctx);
      if (r.kind === 'help' || isDigestCommand(r)) return;
      if (r.kind === 'usage') {
        assert.ok(typeof r.message === 'string' && r.message.length > 0, ctx);
        assert.ok(Array.from(r.input).length <= INPUT_ECHO_CHARS + 1, ctx);
        return;
      }
      // Every window ends now, except yesterday, which ends at the last midnight.
      assert.ok(r.window.to === now || (r.window.to < now && r.window.to > now - DAY_MS), ctx);
      const span = r.window.to - r.window.from;
      assert.ok(span >= MINUTE_MS - 1 && span <= DAY_MS, ctx);
      assert.ok(r.window.label.length > 0, ctx);
      assert.equal(typeof r.public, 'boolean', ctx);
      if (r.audience !== undefined) assert.ok(r.audience === 'humans' || r.audience === 'bots', ctx);
      if (r.kind === 'skill' || r.kind === 'group')
        assert.ok(r.name.length > 0 && r.name === r.name.trim(), ctx);
      if (r.kind === 'ranking') {
        assert.ok(Number.isInteger(r.top) && r.top >= 1 && r.top <= MAX_TOP, ctx);
        assert.ok((RANK_METRICS as readonly string[]).includes(r.by), ctx);
      }
    }

    it('never throws and always returns a well-formed result (2,000 seeded strings)', () => {
      const next = rng(20260615);
      for (let i = 0; i < 2000; i++) {
        const text = randomText(next);
        const now = Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * DAY_MS);
        const tz = ZONES[Math.floor(next() * ZONES.length)] ?? 'UTC';
        let r: Shown | undefined;
        assert.doesNotThrow(() => {
          r = parseAt(text, now, tz);
        }, JSON.stringify(text));
        assertWellFormed(r!, now, text);
        // Pure: the same input gives the same answer, and the parse itself is JSON data.
        assert.deepEqual(parseAt(text, now, tz), r);
        const parsed = parseCommand(text);
        assert.deepEqual(JSON.parse(JSON.stringify(parsed)), parsed);
      }
    });

    it('survives non-string input from JavaScript callers', () => {
      const bads: unknown[] = [undefined, null, 42, {}, []];
      for (const bad of bads) {
        const r = parseCommand(bad as string);
        assert.ok(KINDS.has(r.kind));
        assert.doesNotThrow(() => resolveWindow({ kind: 'today' }, NOW, bad as string));
        assert.ok(KINDS.has(r.kind));
      }
    });
  });
});

describe('parseCommand: vs yesterday / vs last week', () => {
  const compareOf = (text: string) => {
    const r = parseCommand(text);
    assert.ok(
      r.kind === 'skill' || r.kind === 'group' || r.kind === 'overview',
      `${text}: ${JSON.stringify(r)}`,
    );
    return r;
  };

  it('a skill, a group or the overview compared with yesterday or last week', () => {
    assert.deepEqual(parseCommand('skill billing vs yesterday'), {
      kind: 'skill',
      name: 'billing',
      window: { kind: 'last', ms: HOUR_MS },
      public: false,
      compare: ['yesterday'],
    });
    assert.deepEqual(compareOf('skill billing last 4h vs last week').compare, ['week']);
    assert.deepEqual(compareOf('group Tier 1 versus a week ago').compare, ['week']);
    assert.deepEqual(parseCommand('group Tier 1 versus a week ago'), {
      kind: 'group',
      name: 'Tier 1',
      window: { kind: 'last', ms: HOUR_MS },
      public: false,
      compare: ['week'],
    });
    assert.deepEqual(compareOf('vs yesterday').compare, ['yesterday']);
    assert.deepEqual(compareOf('VS. Last Week humans').compare, ['week']);
  });

  it('"vs" ends an unquoted name; the time words after it compare, they do not set the window', () => {
    const r = compareOf('skill billing vs yesterday');
    assert.ok(r.kind === 'skill' && r.name === 'billing');
    assert.deepEqual(r.window, { kind: 'last', ms: HOUR_MS });
    const both = compareOf('skill billing yesterday vs last week');
    assert.deepEqual(both.window, { kind: 'yesterday' });
    assert.deepEqual(both.compare, ['week']);
  });

  it('both, in the order typed, each once', () => {
    assert.deepEqual(compareOf('skill billing vs last week vs yesterday vs last week').compare, [
      'week',
      'yesterday',
    ]);
  });

  it('no vs, no compare field', () => {
    assert.equal('compare' in compareOf('skill billing last 4h'), false);
  });

  it('vs tomorrow, or vs with nothing after it, answers with what to type', () => {
    const tomorrow = parseCommand('skill billing vs tomorrow');
    assert.equal(tomorrow.kind, 'usage');
    assert.ok(tomorrow.kind === 'usage');
    assert.match(tomorrow.message, /^I can't compare with “tomorrow”\. Try `vs yesterday` or `vs last week`/);
    const bare = parseCommand('skill billing vs');
    assert.ok(bare.kind === 'usage');
    assert.match(bare.message, /^Compare with what\? Try `vs yesterday` or `vs last week`/);
  });

  it('a ranking is not compared', () => {
    const r = parseCommand('skills by wait vs yesterday');
    assert.ok(r.kind === 'usage');
    assert.match(r.message, /rankings are not compared/);
  });
});
