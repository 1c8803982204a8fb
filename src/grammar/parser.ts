/**
 * The `/queue` command grammar: slash-command text → a report query, a help request, or a usage
 * error that says what to type instead. Pure (the clock and the asker's timezone are arguments)
 * and total: whatever the text, it returns one of those and never throws.
 *
 *   /queue [skill <name> | group <name> | skills | groups] [by <metric>] [top N]
 *          [last 4h | since 08:00 | today] [humans | bots] [public]
 */
import { distance } from 'fastest-levenshtein';
import type { UserType } from '../liveperson/contract/catalog';
import {
  DEFAULT_TOP,
  DEFAULT_WINDOW_MS,
  MAX_TOP,
  RANK_METRICS,
  type ParsedCommand,
  type QueryOptions,
  type RankMetric,
  type TimeWindow,
  type UsageError,
} from '../domain/query';
import { durationLabel, parseClock, parseDuration } from './time-words';
import {
  lastWindow,
  sinceWindow,
  todayWindow,
  type SinceDay,
  type WindowResult,
} from '../domain/time-window';
import { sanitize, tokenize, unescapeSlack, type SlackEntity, type Token } from './tokenize';
import {
  BOT_WORDS,
  COMMAND_VOCABULARY,
  FLAG_WORDS,
  HELP_WORDS,
  HUMAN_WORDS,
  OVERVIEW_WORDS,
  PUBLIC_WORDS,
  TOP_GLUED,
  isKeyword,
  metricAt,
  reportWordAt,
  type ReportWord,
} from './vocabulary';

/** Longer text is not a command; refusing it keeps every later step small. */
export const MAX_COMMAND_CHARS = 500;
/** UsageError.input keeps this many characters of what was typed. */
export const INPUT_ECHO_CHARS = 100;
/** Quoted fragments of the input inside messages are cut to this many characters. */
const FRAGMENT_CHARS = 40;
const MAX_DURATION_WORDS = 6;

type Report = ReportWord | 'overview';
type Step = { next: number } | UsageError;

interface Draft {
  report?: Report;
  name?: string;
  /** Token index just past the report word and its name: a keyword here may belong to the name. */
  nameEnd?: number;
  time?: TimeWindow;
  userType?: UserType;
  public: boolean;
  by?: RankMetric;
  top?: number;
}

/** Parses `/queue` text (as Slack sends it: HTML-escaped) at `now` for a user in `timezone`. */
export function parseCommand(text: string, now: number, timezone: string): ParsedCommand {
  const clean = sanitize(typeof text === 'string' ? text : '');
  const input = echo(unescapeSlack(clean).trim());
  if (clean.length > MAX_COMMAND_CHARS) {
    return usage(
      `That's ${clean.length.toLocaleString('en-US')} characters; a /queue command is a few words, ` +
        'e.g. `/queue skill billing last 4h`.',
      input,
    );
  }
  const lexed = tokenize(clean);
  if (!lexed.ok) return usage(lexed.message, input);
  let tokens = lexed.tokens;
  // Pasted from the help, "/queue skill billing" arrives with the command name in the text.
  if (tokens[0]?.type === 'word' && tokens[0].key === '/queue') tokens = tokens.slice(1);
  const head = tokens[0];
  if (head?.type === 'word' && HELP_WORDS.has(head.key)) return { kind: 'help' };
  if (tokens.length > 0 && tokens.every(isPunctuation)) return { kind: 'help' };
  const zone = typeof timezone === 'string' ? timezone : '';
  return new Parser(tokens, now, zone, input).run();
}

function usage(message: string, input: string): UsageError {
  return { kind: 'usage', message, input };
}

/** `?`, `-`, `...`, emoji: nothing a command could mean, so the asker gets help. */
function isPunctuation(t: Token): boolean {
  if (t.type === 'entity' || (t.type === 'quoted' && t.entity)) return false;
  return !/[\p{L}\p{N}]/u.test(t.text);
}

function echo(s: string): string {
  const chars = Array.from(s);
  return chars.length > INPUT_ECHO_CHARS ? `${chars.slice(0, INPUT_ECHO_CHARS).join('')}…` : s;
}

/** Part of the input as a message quotes it: one line, no backticks (they would break code spans). */
function fragment(s: string): string {
  const chars = Array.from(s.replace(/`/g, "'").replace(/\s+/g, ' ').trim());
  return chars.length > FRAGMENT_CHARS ? `${chars.slice(0, FRAGMENT_CHARS).join('')}…` : chars.join('');
}

/** `#support-leads` / `@lee` typed where Slack did not escape them (should_escape: false). */
function mentionWord(text: string): SlackEntity | undefined {
  const m = /^([#@])([\p{L}\p{N}_.-]+)$/u.exec(text);
  if (!m) return undefined;
  const [, sigil, rest = ''] = m;
  if (sigil === '#') return { type: 'channel', target: '', label: rest };
  return ['here', 'channel', 'everyone'].includes(rest.toLowerCase())
    ? { type: 'special', target: rest.toLowerCase() }
    : { type: 'user', target: '', label: rest };
}

/** The command word closest to a mistyped one ("skils" → skills), if it is close enough. */
function closestCommand(key: string): string | undefined {
  const limit = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of COMMAND_VOCABULARY) {
    const d = distance(key, word);
    // On a tie keep the plural the user typed: "skils" → skills, "grup" → group.
    const better = d < bestDistance || (d === bestDistance && word.endsWith('s') === key.endsWith('s'));
    if (better) [best, bestDistance] = [word, d];
  }
  return bestDistance <= limit ? best : undefined;
}

/** A stray "4h", "8am" or "wait" is a time phrase or a ranking missing its keyword. */
function phraseFor(key: string): string | undefined {
  const duration = parseDuration([key]);
  if (duration && duration.ms > 0 && /^\d/.test(key)) return `last ${key}`;
  if (/[:a-z]/.test(key) && parseClock([key])) return `since ${key}`;
  const metric = metricAt([key]);
  return metric ? `skills by ${metric.metric}` : undefined;
}

function otherChannelMessage(label: string): string {
  const where = label ? `#${label}` : 'that channel';
  return (
    `I can only answer in the channel where you ask. Run the command in ${where} ` +
    'and add `public` to share the answer there.'
  );
}

/** One left-to-right pass over the tokens; the first problem found is the one reported. */
class Parser {
  private readonly d: Draft = { public: false };

  constructor(
    private readonly tokens: readonly Token[],
    private readonly now: number,
    private readonly timezone: string,
    private readonly input: string,
  ) {}

  run(): ParsedCommand {
    let i = 0;
    while (i < this.tokens.length) {
      const step = this.step(i);
      if ('kind' in step) return step;
      i = step.next;
    }
    return this.finish();
  }

  private usage(message: string): UsageError {
    return usage(message, this.input);
  }

  private keyAt(j: number): string | undefined {
    const t = this.tokens[j];
    return t?.type === 'word' ? t.key : undefined;
  }

  /** Keys of the plain words from `j` on, up to the next keyword, entity or quoted name. */
  private argumentKeys(j: number, max: number): string[] {
    const keys: string[] = [];
    for (let k = j; k < this.tokens.length && keys.length < max; k++) {
      const key = this.keyAt(k);
      if (key === undefined || isKeyword(key)) break;
      keys.push(key);
    }
    return keys;
  }

  /** The channel named at `j` (`<#C1|leads>` or `#leads`): its name, '' when unnamed. */
  private channelAt(j: number): string | undefined {
    const t = this.tokens[j];
    if (t?.type === 'entity' && t.entity.type === 'channel') return t.entity.label ?? '';
    if (t?.type === 'word') {
      const m = mentionWord(t.text);
      if (m?.type === 'channel') return m.label ?? '';
    }
    return undefined;
  }

  private step(i: number): Step {
    const tok = this.tokens[i];
    if (!tok) return { next: i + 1 };
    if (tok.type === 'entity') return this.entityError(tok.entity, i);
    if (tok.type === 'quoted') {
      if (tok.entity) return this.entityError(tok.entity, i);
      if (i === 0) return this.unknownFirstWord();
      const name = fragment(tok.text);
      return this.usage(
        `I didn't expect “${name}” there: a name goes right after \`skill\` or \`group\`, ` +
          `e.g. \`/queue skill "${name}"\`.`,
      );
    }
    const key = tok.key;
    const report = reportWordAt([key, this.keyAt(i + 1)]);
    if (report) return this.reportWord(report.word, i + report.width);
    if (i === 0 && OVERVIEW_WORDS.has(key)) {
      this.d.report = 'overview';
      return { next: i + 1 };
    }
    if (key === 'last') return this.last(i);
    if (key === 'since') return this.since(i);
    if (key === 'today') {
      return this.oneTime('today') ?? this.setTime(todayWindow(this.now, this.timezone), i + 1);
    }
    if (HUMAN_WORDS.has(key)) return this.userType('HUMAN', i);
    if (BOT_WORDS.has(key)) return this.userType('BOT', i);
    if (PUBLIC_WORDS.has(key) || key === 'in') {
      const channel =
        this.channelAt(i + 1) ?? (this.keyAt(i + 1) === 'in' ? this.channelAt(i + 2) : undefined);
      if (channel !== undefined) return this.usage(otherChannelMessage(channel));
      if (PUBLIC_WORDS.has(key)) {
        this.d.public = true;
        return { next: i + 1 };
      }
    }
    if (key === 'by') return this.by(i);
    if (key === 'top' || TOP_GLUED.test(key)) return this.top(i);
    const mention = mentionWord(tok.text);
    if (mention) return this.entityError(mention, i);
    if (key === 'yesterday') {
      return this.usage(
        'Windows run up to now, and LivePerson answers at most 24 h per query. ' +
          'Try `last 24h` or `since 17:00 yesterday`.',
      );
    }
    if (i === 0) return this.unknownFirstWord();
    const phrase = phraseFor(key);
    if (phrase !== undefined) {
      return this.usage(`I didn't understand “${fragment(tok.text)}” there — did you mean \`${phrase}\`?`);
    }
    return this.usage(
      `I didn't understand “${fragment(tok.text)}” there. Names go right after \`skill\` or \`group\`, ` +
        'in quotes if they contain words like `last`, `by` or `top`.',
    );
  }

  private reportWord(word: ReportWord, start: number): Step {
    if (this.d.report) {
      return this.usage(
        'One report at a time, please: e.g. `/queue skill billing` or `/queue skills by wait`.',
      );
    }
    const singular = word === 'skill' || word === 'group';
    const { name, end, soleWord } = this.collectName(start, singular);
    this.d.nameEnd = end;
    const mention = soleWord === undefined ? undefined : mentionWord(soleWord);
    if (mention) {
      this.d.report = word;
      return this.entityError(mention, start);
    }
    if (name) {
      // `/queue skills billing` asks for one skill just as `/queue skill billing` does.
      this.d.report = word === 'skills' ? 'skill' : word === 'groups' ? 'group' : word;
      this.d.name = name;
    } else {
      this.d.report = word;
    }
    return { next: end };
  }

  /**
   * An unquoted name runs to the next keyword. Argument keywords (last, since, by, top) always end
   * it; stand-alone ones (today, humans, bots, public) only at its tail, so "Bot Triage" and
   * "Public Sector" stay names. A singular report word followed only by `bots` names the group
   * called Bots.
   */
  private collectName(start: number, singular: boolean): { name: string; end: number; soleWord?: string } {
    const parts: string[] = [];
    let words = 0;
    let j = start;
    for (; j < this.tokens.length; j++) {
      const t = this.tokens[j];
      if (!t || t.type === 'entity' || (t.type === 'quoted' && t.entity)) break;
      if (t.type === 'quoted') {
        parts.push(t.text);
        continue;
      }
      const key = t.key;
      if (isKeyword(key) && !FLAG_WORDS.has(key)) break;
      if ((key === 'in' || PUBLIC_WORDS.has(key)) && this.channelAt(j + 1) !== undefined) break;
      if (FLAG_WORDS.has(key) && this.atTail(j)) {
        const userType = HUMAN_WORDS.has(key) || BOT_WORDS.has(key);
        if (!(singular && parts.length === 0 && userType)) break;
      }
      parts.push(t.text);
      words += 1;
    }
    // "skill billing, last 4h": the comma separates, it is not part of the name.
    const name = parts
      .join(' ')
      .replace(/[\s,]+$/u, '')
      .trim();
    const sole = parts.length === 1 && words === 1 ? parts[0] : undefined;
    return sole === undefined ? { name, end: j } : { name, end: j, soleWord: sole };
  }

  /** True when nothing name-like follows token `j`: the end, an entity, or another keyword. */
  private atTail(j: number): boolean {
    const next = this.tokens[j + 1];
    if (!next || next.type === 'entity') return true;
    if (next.type === 'quoted') return Boolean(next.entity);
    return isKeyword(next.key) || (next.key === 'in' && this.channelAt(j + 2) !== undefined);
  }

  /** " If “Billing by phone” is a name, …": when a keyword right after a name failed to parse. */
  private nameHint(i: number): string {
    const report = this.d.report;
    if (report === undefined || report === 'overview' || this.d.nameEnd !== i) return '';
    const words = [this.tokens[i]?.type === 'word' ? this.tokens[i].text : ''];
    for (let j = i + 1; j < this.tokens.length; j++) {
      const t = this.tokens[j];
      if (t?.type !== 'word' || isKeyword(t.key)) break;
      words.push(t.text);
    }
    const phrase = fragment([this.d.name ?? '', ...words].join(' '));
    const command = report.startsWith('skill') ? 'skill' : 'group';
    return ` If “${phrase}” is a name, put it in quotes: \`/queue ${command} "${phrase}"\`.`;
  }

  private oneTime(phrase: string): UsageError | undefined {
    if (!this.d.time) return undefined;
    return this.usage(`Use one time phrase, not two: \`${this.d.time.label}\` or \`${phrase}\`.`);
  }

  private setTime(result: WindowResult, next: number): Step {
    if (!result.ok) return this.usage(result.message);
    this.d.time = result.window;
    return { next };
  }

  private last(i: number): Step {
    const words = this.argumentKeys(i + 1, MAX_DURATION_WORDS);
    const twice = this.oneTime(fragment(['last', ...words.slice(0, 1)].join(' ')));
    if (twice) return twice;
    const m = parseDuration(words);
    if (!m) {
      const first = words[0];
      if (first !== undefined && /^-?\d+(?:[.,]\d+)?$/.test(first)) {
        const n = fragment(first);
        return this.usage(`Last ${n} what? Try \`last ${n}m\` or \`last ${n}h\`.`);
      }
      return this.usage(
        '`last` needs a length, like `last 30m`, `last 4h` or `last 1h30m`.' + this.nameHint(i),
      );
    }
    const label = `last ${durationLabel(m.ms)}`;
    return this.setTime(lastWindow(m.ms, label, this.now), i + 1 + m.consumed);
  }

  private since(i: number): Step {
    const words = this.argumentKeys(i + 1, 2);
    const twice = this.oneTime(fragment(['since', ...words].join(' ')));
    if (twice) return twice;
    const clock = parseClock(words);
    if (!clock) {
      return this.usage(
        '`since` needs a time of day, like `since 08:00`, `since 8am` or `since 17`.' + this.nameHint(i),
      );
    }
    let next = i + 1 + clock.consumed;
    let day: SinceDay = 'auto';
    const after = this.keyAt(next);
    if (after === 'today' || after === 'yesterday') {
      day = after;
      next += 1;
    }
    return this.setTime(sinceWindow(clock.hour, clock.minute, day, this.now, this.timezone), next);
  }

  private userType(type: UserType, i: number): Step {
    if (this.d.userType !== undefined && this.d.userType !== type) {
      return this.usage('Pick one of `humans` or `bots` — or neither, to see both together.');
    }
    this.d.userType = type;
    return { next: i + 1 };
  }

  private by(i: number): Step {
    const words = this.argumentKeys(i + 1, 3);
    const m = metricAt(words);
    if (!m) {
      const list = RANK_METRICS.map((x) => `\`${x}\``).join(', ');
      const said = words[0] === undefined ? 'Rank by what?' : `I can't rank by “${fragment(words[0])}”.`;
      return this.usage(`${said} Rank by one of: ${list}.${this.nameHint(i)}`);
    }
    if (this.d.name !== undefined) {
      return this.usage(
        '`by` ranks skills or agent groups, e.g. `/queue skills by wait`; one of them alone has nothing to rank.' +
          this.nameHint(i),
      );
    }
    if (this.d.by !== undefined && this.d.by !== m.metric) {
      return this.usage(`Rank by one thing at a time: \`by ${this.d.by}\` or \`by ${m.metric}\`.`);
    }
    this.d.by = m.metric;
    return { next: i + 1 + m.consumed };
  }

  private top(i: number): Step {
    const glued = TOP_GLUED.exec(this.keyAt(i) ?? '');
    const digits = glued ? glued[1] : this.keyAt(i + 1);
    const next = glued ? i + 1 : i + 2;
    const n = digits !== undefined && /^\d+$/.test(digits) ? Number(digits) : NaN;
    if (!(n >= 1 && n <= MAX_TOP)) {
      const said = digits === undefined || isKeyword(digits) ? '' : ` (not “${fragment(digits)}”)`;
      return this.usage(
        `\`top\` takes a number from 1 to ${MAX_TOP}${said}, e.g. \`top 5\`.${this.nameHint(i)}`,
      );
    }
    if (this.d.name !== undefined) {
      return this.usage(
        '`top` ranks skills or agent groups, e.g. `/queue skills top 5`; one of them alone has nothing to rank.' +
          this.nameHint(i),
      );
    }
    if (this.d.top !== undefined && this.d.top !== n) {
      return this.usage(`Pick one \`top\`: \`top ${this.d.top}\` or \`top ${n}\`.`);
    }
    this.d.top = n;
    return { next };
  }

  private entityError(entity: SlackEntity, i: number): UsageError {
    const prev = this.keyAt(i - 1);
    if (entity.type === 'channel' && prev !== undefined && (prev === 'in' || PUBLIC_WORDS.has(prev))) {
      return this.usage(otherChannelMessage(entity.label ?? ''));
    }
    const groups = this.d.report === 'group' || this.d.report === 'groups';
    const what = groups ? 'agent groups' : 'skills';
    const example = groups ? '`/queue group Tier 1`' : '`/queue skill billing`';
    switch (entity.type) {
      case 'channel':
      case 'user':
        return this.usage(`Channels and people aren't ${what} — try ${example}.`);
      case 'link':
        return this.usage(`Links aren't ${what} — try ${example}.`);
      case 'special':
        return this.usage(
          entity.target.startsWith('subteam')
            ? "Slack user groups aren't agent groups — try `/queue group Tier 1`."
            : `Mentions like @here don't belong in a /queue command — try ${example}.`,
        );
    }
  }

  private unknownFirstWord(): UsageError {
    const first = this.tokens[0];
    const text = first?.type === 'word' || first?.type === 'quoted' ? first.text : '';
    if (first?.type === 'word') {
      const best = phraseFor(first.key) ?? (first.key.length >= 3 ? closestCommand(first.key) : undefined);
      if (best !== undefined) {
        const suggestion = fragment([best, this.render(1, this.tokens.length)].join(' '));
        return this.usage(`I don't know “${fragment(text)}” — did you mean \`/queue ${suggestion}\`?`);
      }
    }
    let end = 1;
    while (
      end < this.tokens.length &&
      this.tokens[end]?.type === 'word' &&
      !isKeyword(this.keyAt(end) ?? '')
    ) {
      end += 1;
    }
    const guess = fragment(this.render(0, end));
    return this.usage(
      `I don't know “${fragment(text)}”. For one skill try \`/queue skill ${guess}\`; ` +
        `for an agent group, \`/queue group ${guess}\`.`,
    );
  }

  /** Tokens [from, to) as the user could retype them. */
  private render(from: number, to: number): string {
    return this.tokens
      .slice(from, to)
      .map((t) => {
        if (t.type === 'word') return t.text;
        if (t.type === 'quoted') return `"${t.text}"`;
        const sigil = t.entity.type === 'channel' ? '#' : t.entity.type === 'user' ? '@' : '';
        return sigil + (t.entity.label ?? t.entity.target);
      })
      .join(' ')
      .trim();
  }

  private finish(): ParsedCommand {
    const d = this.d;
    const ranks = d.by !== undefined || d.top !== undefined;
    let report: Report = d.report ?? 'overview';
    if ((report === 'skill' || report === 'group') && d.name === undefined) {
      // `/queue skill by wait` is a slip for `/queue skills by wait`.
      if (ranks) report = report === 'skill' ? 'skills' : 'groups';
      else {
        return this.usage(
          report === 'skill'
            ? 'Which skill? e.g. `/queue skill billing`, or `/queue skills` for all of them.'
            : 'Which agent group? e.g. `/queue group Tier 1`, or `/queue groups` for all of them.',
        );
      }
    }
    if (report === 'overview' && ranks) {
      return this.usage(
        '`by` and `top` rank skills or agent groups: try `/queue skills by wait top 5` or `/queue groups by load`.',
      );
    }
    const window: TimeWindow = d.time ?? {
      from: this.now - DEFAULT_WINDOW_MS,
      to: this.now,
      label: `last ${durationLabel(DEFAULT_WINDOW_MS)}`,
    };
    const options: QueryOptions = { window, public: d.public };
    if (d.userType) options.userTypes = [d.userType];
    switch (report) {
      case 'overview':
        return { kind: 'overview', ...options };
      case 'skill':
        return { kind: 'skill', name: d.name ?? '', ...options };
      case 'group':
        return { kind: 'group', name: d.name ?? '', ...options };
      case 'skills':
      case 'groups':
        return {
          kind: 'ranking',
          dimension: report,
          by: d.by ?? 'queue',
          top: d.top ?? DEFAULT_TOP,
          ...options,
        };
    }
  }
}
