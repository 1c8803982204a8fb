/**
 * `/queue digest …`: the digest commands, read from the tokens after `digest`. Pure and total,
 * like the report grammar: the first problem found is answered with what to type instead.
 *
 *   /queue digest [list]
 *   /queue digest add                                  → the form
 *   /queue digest add [<#C…|channel> | #channel] [daily | weekdays | weekends | mon,wed,fri]
 *                     HH:MM [Europe/Berlin] [account | skill a,b | group a,b] [window 8h]
 *                     [chart off] [humans | bots]
 *   /queue digest edit <id> · /queue digest remove <id> · /queue digest pause <id>
 *   /queue digest resume <id> · /queue digest help
 *
 * Parts of `add` come in any order; filler words (`at 17:00`, `on mon`, `in #leads`) are allowed.
 */
import { walkTokens, wordKeyAt, type Step } from './steps';
import {
  DEFAULT_SHIFT_MS,
  MAX_DIGEST_TARGETS,
  MAX_SHIFT_MS,
  MIN_SHIFT_MS,
  daysFrom,
  type DigestDays,
  type Weekday,
} from '../domain/digest';
import {
  DIGEST_ID_PATTERN,
  type DigestAddCommand,
  type DigestChannelSpec,
  type DigestScopeSpec,
  type DigestZoneSpec,
} from '../domain/digest-command';
import type { ParsedCommand, UsageError } from '../domain/query';
import type { Audience } from '../domain/audience';
import { DIGEST_MESSAGES as M } from './digest-messages';
import {
  DIGEST_ACTIONS,
  DIGEST_ADD_VOCABULARY,
  DIGEST_KEYWORDS,
  closestWord,
  dayWordOf,
  daySetOf,
  timeWordAt,
  zoneWordOf,
} from './digest-words';
import { mentionWord } from './suggest';
import { parseDuration } from './time-words';
import type { Token } from './tokenize';
import { BOT_WORDS, HUMAN_WORDS, reportWordAt } from './vocabulary';

/** Quoted fragments of the input inside messages are cut to this many characters. */
const FRAGMENT_CHARS = 40;
const MAX_DURATION_WORDS = 6;
/** Words that only make the sentence read well: `at 17:00`, `on mon`, `in #leads`, `for skill x`. */
const FILLER: ReadonlySet<string> = new Set(['at', 'on', 'in', 'to', 'for', 'every', 'each']);

function fragment(s: string): string {
  const chars = Array.from(s.replace(/`/g, "'").replace(/\s+/g, ' ').trim());
  return chars.length > FRAGMENT_CHARS ? `${chars.slice(0, FRAGMENT_CHARS).join('')}…` : chars.join('');
}

function textOf(t: Token | undefined): string {
  if (!t) return '';
  if (t.type === 'word' || t.type === 'quoted') return t.text;
  return t.entity.label ?? t.entity.target;
}

/** The words of the actions on one digest, by id, and the action each means. */
const ID_ACTIONS: Readonly<Record<string, 'remove' | 'edit' | 'pause' | 'resume'>> = {
  remove: 'remove',
  delete: 'remove',
  rm: 'remove',
  edit: 'edit',
  change: 'edit',
  pause: 'pause',
  resume: 'resume',
  unpause: 'resume',
};

/** Reads the tokens after `digest`; `input` is the echo a usage answer quotes. */
export function parseDigestCommand(tokens: readonly Token[], input: string): ParsedCommand {
  const usage = (message: string): UsageError => ({ kind: 'usage', message, input, topic: 'digest' });
  const head = tokens[0];
  if (!head) return { kind: 'digest-list' };
  const key = head.type === 'word' ? head.key : '';
  const rest = tokens.slice(1);
  switch (key) {
    case 'list':
    case 'ls':
    case 'show':
      return rest.length ? usage(M.nothingAfter('list', fragment(textOf(rest[0])))) : { kind: 'digest-list' };
    case 'help':
      return { kind: 'digest-help' };
    case 'add':
    case 'new':
    case 'create':
      return rest.length ? new AddParser(rest, usage).run() : { kind: 'digest-add-modal' };
    case 'remove':
    case 'delete':
    case 'rm':
    case 'edit':
    case 'change':
    case 'pause':
    case 'resume':
    case 'unpause': {
      const action = ID_ACTIONS[key]!;
      const id = rest[0];
      if (!id) return usage(M.whichDigest(action));
      const typed = textOf(id);
      if (id.type !== 'word' || !DIGEST_ID_PATTERN.test(typed)) return usage(M.notAnId(fragment(typed)));
      if (rest.length > 1) return usage(M.nothingAfter(`${action} ${typed}`, fragment(textOf(rest[1]))));
      if (action === 'edit') return { kind: 'digest-edit', id: typed };
      if (action === 'remove') return { kind: 'digest-remove', id: typed };
      return { kind: 'digest-pause', id: typed, paused: action === 'pause' };
    }
    default: {
      const typed = fragment(textOf(head));
      const suggestion = key ? closestWord(key, DIGEST_ACTIONS) : undefined;
      return usage(M.unknownAction(typed, suggestion));
    }
  }
}

/** The parts of `digest add`, each at most once, in any order. */
class AddParser {
  private channel?: DigestChannelSpec;
  private days?: DigestDays;
  private time?: { hour: number; minute: number; text: string };
  private zone?: { zone: string; text: string };
  private scope?: DigestScopeSpec;
  private windowMs?: number;
  private chart?: boolean;
  private audience?: Audience;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly usage: (message: string) => UsageError,
  ) {}

  run(): ParsedCommand {
    return walkTokens(
      this.tokens.length,
      (i) => this.step(i),
      () => this.finish(),
    );
  }

  private keyAt(j: number): string | undefined {
    return wordKeyAt(this.tokens, j);
  }

  private step(i: number): Step {
    const tok = this.tokens[i]!;
    if (tok.type === 'entity' || (tok.type === 'quoted' && tok.entity)) {
      const entity = tok.type === 'entity' ? tok.entity : tok.entity!;
      if (entity.type !== 'channel') return this.usage(M.notAChannel());
      // `<#C123|leads>`: Slack sends the id; `<#C123>` comes without the name.
      const spec: DigestChannelSpec =
        entity.target !== ''
          ? { kind: 'id', id: entity.target, ...(entity.label ? { name: entity.label } : {}) }
          : { kind: 'name', name: entity.label ?? '' };
      return this.setChannel(spec, i + 1);
    }
    if (tok.type === 'quoted') return this.usage(M.notUnderstood(fragment(tok.text)));
    const key = tok.key;
    const mention = mentionWord(tok.text);
    if (mention?.type === 'channel')
      return this.setChannel({ kind: 'name', name: mention.label ?? '' }, i + 1);
    if (mention) return this.usage(M.notAChannel());
    // `every day` is `daily`; `every` before anything else only reads well.
    if (key === 'every' && this.keyAt(i + 1) === 'day') return this.setDays({ kind: 'daily' }, i + 2);
    if (FILLER.has(key)) return { next: i + 1 };
    const set = daySetOf(key);
    if (set) return this.setDays(set, i + 1);
    const dayWord = dayWordOf(key);
    if (dayWord.kind === 'bad') return this.usage(M.unknownDay(fragment(dayWord.part)));
    if (dayWord.kind === 'days') return this.dayList(i);
    const time = timeWordAt([key, this.keyAt(i + 1)]);
    if (time.kind === 'bad') return this.usage(M.badTime(fragment(tok.text)));
    if (time.kind === 'bare') return this.usage(M.timeFormat(fragment(tok.text)));
    if (time.kind === 'time') {
      const text = this.tokens
        .slice(i, i + time.consumed)
        .map(textOf)
        .join(' ');
      if (this.time) return this.usage(M.oneTime(fragment(this.time.text), fragment(text)));
      this.time = { hour: time.hour, minute: time.minute, text };
      return { next: i + time.consumed };
    }
    const zone = zoneWordOf(tok.text);
    if (zone.kind === 'abbreviation')
      return this.usage(M.zoneAbbreviation(fragment(tok.text), zone.suggestion));
    if (zone.kind === 'unknown') return this.usage(M.unknownZone(fragment(tok.text), zone.suggestion));
    if (zone.kind === 'zone') {
      if (this.zone) return this.usage(M.oneZone(fragment(this.zone.text), fragment(tok.text)));
      this.zone = { zone: zone.zone, text: tok.text };
      return { next: i + 1 };
    }
    const report = reportWordAt([key, this.keyAt(i + 1)]);
    if (report) return this.names(report.word.startsWith('skill') ? 'skill' : 'group', i + report.width);
    if (key === 'account' || key === 'overview') return this.setScope({ kind: 'account' }, i + 1);
    if (key === 'window' || key === 'shift') return this.window(i);
    if (key === 'chart' || key === 'charts') return this.chartWord(i);
    if (key === 'nochart' || (key === 'no' && (this.keyAt(i + 1) ?? '').startsWith('chart'))) {
      this.chart = false;
      return { next: key === 'no' ? i + 2 : i + 1 };
    }
    if (HUMAN_WORDS.has(key)) return this.setAudience('humans', i + 1);
    if (BOT_WORDS.has(key)) return this.setAudience('bots', i + 1);
    const typo = closestWord(key, DIGEST_ADD_VOCABULARY);
    if (typo) return this.usage(M.didYouMean(fragment(tok.text), typo));
    return this.usage(M.notUnderstood(fragment(tok.text)));
  }

  private setChannel(spec: DigestChannelSpec, next: number): Step {
    if (this.channel) return this.usage(M.oneChannel());
    this.channel = spec;
    return { next };
  }

  private setDays(days: DigestDays, next: number): Step {
    if (this.days) return this.usage(M.oneDays());
    this.days = days;
    return { next };
  }

  /** `mon,wed,fri`, or `mon, wed, fri` over several words. */
  private dayList(i: number): Step {
    const chosen: Weekday[] = [];
    let j = i;
    for (; j < this.tokens.length; j++) {
      const key = this.keyAt(j);
      if (key === undefined) break;
      const w = dayWordOf(key);
      if (w.kind === 'bad') return this.usage(M.unknownDay(fragment(w.part)));
      if (w.kind === 'none') {
        // `mon and fri`
        if (key === 'and' && dayWordOf(this.keyAt(j + 1) ?? '').kind === 'days') continue;
        break;
      }
      chosen.push(...w.days);
    }
    return this.setDays(daysFrom(chosen) ?? { kind: 'daily' }, j);
  }

  private setScope(scope: DigestScopeSpec, next: number): Step {
    if (this.scope) return this.usage(M.oneScope());
    this.scope = scope;
    return { next };
  }

  /** True when token `j` ends a list of names: another part of the command starts there. */
  private endsNames(j: number): boolean {
    const t = this.tokens[j];
    if (!t) return true;
    if (t.type === 'entity' || (t.type === 'quoted' && t.entity)) return true;
    if (t.type === 'quoted') return false;
    const key = t.key;
    if (DIGEST_KEYWORDS.has(key) || daySetOf(key) || reportWordAt([key, this.keyAt(j + 1)])) return true;
    if (dayWordOf(key).kind !== 'none' || timeWordAt([key, this.keyAt(j + 1)]).kind === 'time') return true;
    if (zoneWordOf(t.text).kind === 'zone' || mentionWord(t.text)?.type === 'channel') return true;
    return (key === 'in' || key === 'to') && this.endsNames(j + 1) && j + 1 < this.tokens.length;
  }

  /** `skill billing,sales`, `group "Tier 1", Tier 2`: names separated by commas. */
  private names(what: 'skill' | 'group', start: number): Step {
    const names: string[] = [];
    let buf: string[] = [];
    const flush = () => {
      const name = buf.join(' ').trim();
      if (name) names.push(name);
      buf = [];
    };
    let j = start;
    for (; j < this.tokens.length && !this.endsNames(j); j++) {
      const t = this.tokens[j]!;
      if (t.type === 'quoted') {
        flush();
        if (t.text) names.push(t.text);
        continue;
      }
      const text = textOf(t);
      const pieces = text.split(',');
      pieces.forEach((piece, k) => {
        if (k > 0) flush();
        if (piece.trim()) buf.push(piece.trim());
      });
    }
    flush();
    const unique = names.filter((n, k) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === k);
    if (unique.length === 0) return this.usage(M.whichNames(what));
    if (unique.length > MAX_DIGEST_TARGETS) return this.usage(M.tooManyNames(unique.length));
    return this.setScope(
      what === 'skill' ? { kind: 'skills', names: unique } : { kind: 'groups', names: unique },
      j,
    );
  }

  private window(i: number): Step {
    if (this.windowMs !== undefined) return this.usage(M.oneWindow());
    const words: string[] = [];
    for (let k = i + 1; k < this.tokens.length && words.length < MAX_DURATION_WORDS; k++) {
      const key = this.keyAt(k);
      if (key === undefined) break;
      words.push(key);
    }
    const m = parseDuration(words);
    if (!m || m.ms <= 0) return this.usage(M.windowNeedsLength());
    if (m.ms > MAX_SHIFT_MS) return this.usage(M.windowTooLong(m.ms));
    if (m.ms < MIN_SHIFT_MS) return this.usage(M.windowTooShort(m.ms));
    // Whole minutes: LivePerson counts minutes, and the form offers whole hours.
    this.windowMs = Math.round(m.ms / 60_000) * 60_000;
    return { next: i + 1 + m.consumed };
  }

  private chartWord(i: number): Step {
    const next = this.keyAt(i + 1);
    if (next === 'off' || next === 'no' || next === 'none') this.chart = false;
    else if (next === 'on' || next === 'yes') this.chart = true;
    else return this.usage(M.chartOnOff());
    return { next: i + 2 };
  }

  private setAudience(audience: Audience, next: number): Step {
    if (this.audience !== undefined && this.audience !== audience) return this.usage(M.oneAudience());
    this.audience = audience;
    return { next };
  }

  private finish(): ParsedCommand {
    if (!this.time) return this.usage(M.needsTime());
    const zone: DigestZoneSpec = this.zone ? { kind: 'zone', zone: this.zone.zone } : { kind: 'user' };
    const command: DigestAddCommand = {
      kind: 'digest-add',
      channel: this.channel ?? { kind: 'current' },
      days: this.days ?? { kind: 'daily' },
      hour: this.time.hour,
      minute: this.time.minute,
      zone,
      scope: this.scope ?? { kind: 'account' },
      windowMs: this.windowMs ?? DEFAULT_SHIFT_MS,
      chart: this.chart ?? true,
    };
    if (this.audience) command.audience = this.audience;
    return command;
  }
}
