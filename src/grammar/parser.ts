/**
 * The `/queue` command grammar: slash-command text → a report query, a help request, or a usage
 * error that says what to type instead. Pure and total: a function of the text alone (no clock, no
 * timezone: a time phrase becomes a WindowSpec, resolved later), it never throws.
 *
 *   /queue [skill <name> | group <name> | skills | groups] [by <metric>] [top N]
 *          [last 4h | since 08:00 | today | yesterday] [humans | bots] [public]
 *          [vs yesterday | vs last week]
 */
import { walkTokens, wordKeyAt, type Step } from './steps';
import {
  DEFAULT_TOP,
  type CompareWith,
  type ParsedCommand,
  type QueryOptions,
  type RankMetric,
  type UsageError,
} from '../domain/query';
import type { Audience } from '../domain/audience';
import { DEFAULT_WINDOW, checkSpan, type SinceDay, type WindowSpec } from '../domain/window';
import { MAX_TOP } from '../domain/query';
import { parseDigestCommand } from './digest-parser';
import { MESSAGES, spanProblemMessage } from './messages';
import { windowPhrase } from './phrase';
import { closestCommand, mentionWord, phraseFor } from './suggest';
import { parseClock, parseDuration } from './time-words';
import { sanitize, tokenize, unescapeSlack, type SlackEntity, type Token } from './tokenize';
import {
  BOT_WORDS,
  COMPARE_WORDS,
  DIGEST_WORDS,
  FLAG_WORDS,
  HELP_WORDS,
  HUMAN_WORDS,
  OVERVIEW_WORDS,
  PUBLIC_WORDS,
  TOP_GLUED,
  compareAt,
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

interface Draft {
  report?: Report;
  name?: string;
  /** Token index just past the report word and its name: a keyword here may belong to the name. */
  nameEnd?: number;
  time?: WindowSpec;
  audience?: Audience;
  public: boolean;
  by?: RankMetric;
  top?: number;
  /** Earlier windows to compare with, in the order typed. */
  compare?: CompareWith[];
}

/** Parses `/queue` text as Slack sends it (HTML-escaped). */
export function parseCommand(text: string): ParsedCommand {
  const clean = sanitize(typeof text === 'string' ? text : '');
  const input = echo(unescapeSlack(clean).trim());
  if (clean.length > MAX_COMMAND_CHARS) return usage(MESSAGES.tooManyCharacters(clean.length), input);
  const lexed = tokenize(clean);
  if (!lexed.ok) return usage(MESSAGES.unclosedQuote(lexed.quote), input);
  let tokens = lexed.tokens;
  // Pasted from the help, "/queue skill billing" arrives with the command name in the text.
  if (tokens[0]?.type === 'word' && tokens[0].key === '/queue') tokens = tokens.slice(1);
  const head = tokens[0];
  if (head?.type === 'word' && HELP_WORDS.has(head.key)) return { kind: 'help' };
  // `/queue digest …` manages scheduled summaries: a grammar of its own after the word.
  if (head?.type === 'word' && DIGEST_WORDS.has(head.key)) return parseDigestCommand(tokens.slice(1), input);
  if (tokens.length > 0 && tokens.every(isPunctuation)) return { kind: 'help' };
  return new Parser(tokens, input).run();
}

/** Rankings about a queue, which only skills have. */
const QUEUE_RANKS = ['queue', 'wait', 'overdue'] as const;

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

/** One left-to-right pass over the tokens; the first problem found is the one reported. */
class Parser {
  private readonly d: Draft = { public: false };

  constructor(
    private readonly tokens: readonly Token[],
    private readonly input: string,
  ) {}

  run(): ParsedCommand {
    return walkTokens(
      this.tokens.length,
      (i) => this.step(i),
      () => this.finish(),
    );
  }

  private usage(message: string): UsageError {
    return usage(message, this.input);
  }

  private keyAt(j: number): string | undefined {
    return wordKeyAt(this.tokens, j);
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
      return this.usage(MESSAGES.unexpectedName(fragment(tok.text)));
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
    if (key === 'today' || key === 'yesterday') {
      const spec: WindowSpec = { kind: key };
      return this.oneTime(key) ?? this.setTime(spec, i + 1);
    }
    if (HUMAN_WORDS.has(key)) return this.audience('humans', i);
    if (BOT_WORDS.has(key)) return this.audience('bots', i);
    if (PUBLIC_WORDS.has(key) || key === 'in') {
      const channel =
        this.channelAt(i + 1) ?? (this.keyAt(i + 1) === 'in' ? this.channelAt(i + 2) : undefined);
      if (channel !== undefined) return this.usage(MESSAGES.otherChannel(channel));
      if (PUBLIC_WORDS.has(key)) {
        this.d.public = true;
        return { next: i + 1 };
      }
    }
    if (key === 'by') return this.by(i);
    if (COMPARE_WORDS.has(key)) return this.compare(i);
    if (key === 'top' || TOP_GLUED.test(key)) return this.top(i);
    const mention = mentionWord(tok.text);
    if (mention) return this.entityError(mention, i);
    if (i === 0) return this.unknownFirstWord();
    const phrase = phraseFor(key);
    if (phrase !== undefined) {
      return this.usage(MESSAGES.didYouMeanPhrase(fragment(tok.text), phrase));
    }
    return this.usage(MESSAGES.notUnderstood(fragment(tok.text)));
  }

  private reportWord(word: ReportWord, start: number): Step {
    if (this.d.report) {
      return this.usage(MESSAGES.oneReport());
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
    return MESSAGES.quoteTheName(phrase, command);
  }

  /** A second time phrase (`second`, as typed) after one was already read. */
  private oneTime(second: string): UsageError | undefined {
    if (!this.d.time) return undefined;
    return this.usage(MESSAGES.oneTimePhrase(windowPhrase(this.d.time), second));
  }

  private setTime(spec: WindowSpec, next: number): Step {
    this.d.time = spec;
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
        return this.usage(MESSAGES.lastWhat(n));
      }
      return this.usage(MESSAGES.lastNeedsLength() + this.nameHint(i));
    }
    // The length alone decides whether LivePerson could answer, so it is refused here, in the ack.
    const problem = checkSpan(m.ms);
    if (problem) return this.usage(spanProblemMessage(problem));
    return this.setTime({ kind: 'last', ms: m.ms }, i + 1 + m.consumed);
  }

  private since(i: number): Step {
    const words = this.argumentKeys(i + 1, 2);
    const twice = this.oneTime(fragment(['since', ...words].join(' ')));
    if (twice) return twice;
    const clock = parseClock(words);
    if (!clock) {
      return this.usage(MESSAGES.sinceNeedsTime() + this.nameHint(i));
    }
    let next = i + 1 + clock.consumed;
    let day: SinceDay = 'auto';
    const after = this.keyAt(next);
    if (after === 'today' || after === 'yesterday') {
      day = after;
      next += 1;
    }
    return this.setTime({ kind: 'since', hour: clock.hour, minute: clock.minute, day }, next);
  }

  private audience(audience: Audience, i: number): Step {
    if (this.d.audience !== undefined && this.d.audience !== audience) {
      return this.usage(MESSAGES.oneAudience());
    }
    this.d.audience = audience;
    return { next: i + 1 };
  }

  private by(i: number): Step {
    const words = this.argumentKeys(i + 1, 3);
    const m = metricAt(words);
    if (!m) {
      const typed = words[0] === undefined ? undefined : fragment(words[0]);
      return this.usage(MESSAGES.rankBy(typed) + this.nameHint(i));
    }
    if (this.d.name !== undefined) return this.usage(MESSAGES.byNeedsRanking() + this.nameHint(i));
    if (this.d.by !== undefined && this.d.by !== m.metric) {
      return this.usage(MESSAGES.oneRankMetric(this.d.by, m.metric));
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
      const typed = digits === undefined || isKeyword(digits) ? undefined : fragment(digits);
      return this.usage(MESSAGES.topRange(typed) + this.nameHint(i));
    }
    if (this.d.name !== undefined) return this.usage(MESSAGES.topNeedsRanking() + this.nameHint(i));
    if (this.d.top !== undefined && this.d.top !== n) return this.usage(MESSAGES.oneTop(this.d.top, n));
    this.d.top = n;
    return { next };
  }

  /** `vs yesterday`, `vs last week`; typed twice, both are compared. */
  private compare(i: number): Step {
    // The phrases reuse time words (`yesterday`, `last`), so they are read here, not as keywords.
    const keys: string[] = [];
    for (let k = i + 1; k <= i + 3; k++) {
      const key = this.keyAt(k);
      if (key === undefined) break;
      keys.push(key);
    }
    const found = compareAt(keys);
    if (!found) {
      const next = this.tokens[i + 1];
      const typed = next?.type === 'word' ? fragment(next.text) : undefined;
      return this.usage(MESSAGES.compareWith(typed) + this.nameHint(i));
    }
    const list = (this.d.compare ??= []);
    if (!list.includes(found.with)) list.push(found.with);
    return { next: i + 1 + found.consumed };
  }

  private entityError(entity: SlackEntity, i: number): UsageError {
    const prev = this.keyAt(i - 1);
    if (entity.type === 'channel' && prev !== undefined && (prev === 'in' || PUBLIC_WORDS.has(prev))) {
      return this.usage(MESSAGES.otherChannel(entity.label ?? ''));
    }
    const groups = this.d.report === 'group' || this.d.report === 'groups';
    const what = groups ? 'agent groups' : 'skills';
    const example = groups ? '`/queue group Tier 1`' : '`/queue skill billing`';
    switch (entity.type) {
      case 'channel':
      case 'user':
        return this.usage(MESSAGES.notAName(what, example, 'channel-or-user'));
      case 'link':
        return this.usage(MESSAGES.notAName(what, example, 'link'));
      case 'special':
        return this.usage(
          entity.target.startsWith('subteam')
            ? MESSAGES.slackUserGroup()
            : MESSAGES.mentionInCommand(example),
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
        return this.usage(MESSAGES.didYouMeanCommand(fragment(text), suggestion));
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
    return this.usage(MESSAGES.unknownFirstWord(fragment(text), guess));
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
        return this.usage(report === 'skill' ? MESSAGES.whichSkill() : MESSAGES.whichGroup());
      }
    }
    if (report === 'overview' && ranks) {
      return this.usage(MESSAGES.rankingNeedsDimension());
    }
    // Conversations wait for skills, not agent groups: a group has no queue to rank by.
    if (report === 'groups' && d.by !== undefined && (QUEUE_RANKS as readonly string[]).includes(d.by)) {
      return this.usage(MESSAGES.noQueueForGroups(d.by));
    }
    if (d.compare && (report === 'skills' || report === 'groups')) {
      return this.usage(MESSAGES.compareNeedsReport());
    }
    const options: QueryOptions = { window: d.time ?? DEFAULT_WINDOW, public: d.public };
    if (d.audience) options.audience = d.audience;
    const kpiOptions = d.compare ? { ...options, compare: d.compare } : options;
    switch (report) {
      case 'overview':
        return { kind: 'overview', ...kpiOptions };
      case 'skill':
        return { kind: 'skill', name: d.name ?? '', ...kpiOptions };
      case 'group':
        return { kind: 'group', name: d.name ?? '', ...kpiOptions };
      case 'skills':
      case 'groups':
        return {
          kind: 'ranking',
          dimension: report,
          // Groups have no queue of their own: they rank by how loaded their people are.
          by: d.by ?? (report === 'groups' ? 'load' : 'queue'),
          top: d.top ?? DEFAULT_TOP,
          ...options,
        };
    }
  }
}
