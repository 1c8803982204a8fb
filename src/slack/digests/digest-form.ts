/**
 * Reads a submitted digest form (view_submission `view.state.values`) into what a digest needs, or
 * the problem of each field, by block id, for `response_action: 'errors'`. Pure: names are read as
 * typed; the directory resolves them afterwards (resolve-scope), so that step can fail inline too.
 */
import {
  MAX_DIGEST_TARGETS,
  MAX_SHIFT_MS,
  MIN_SHIFT_MS,
  WEEKDAYS,
  canonicalZone,
  daysFrom,
  type DigestDays,
  type Weekday,
} from '../../domain/digest';
import { DIGEST_ID_PATTERN, type DigestScopeSpec } from '../../domain/digest-command';
import { AUDIENCES, type Audience } from '../../domain/audience';
import { isRecord } from '../../shared/guards';
import {
  DIGEST_ACTION,
  DIGEST_BLOCKS,
  type DigestBlock,
  type DigestModalMetadata,
} from '../views/digest-modal';
import type { ChannelProblem } from './channel-check';
import { splitNames } from './name-list';
import type { ScopeProblem } from './resolve-scope';

/** A field's problem; the view (digest-form-errors) says it in words. */
export type FormProblem =
  | { kind: 'required' }
  | { kind: 'no-chosen-days' }
  | { kind: 'days-not-chosen' }
  | { kind: 'bad-time' }
  | { kind: 'bad-zone' }
  | { kind: 'bad-shift' }
  | { kind: 'names-needed'; of: 'skills' | 'groups' }
  | { kind: 'names-without-scope' }
  | { kind: 'too-many-names'; count: number }
  | ChannelProblem
  | ScopeProblem;

export type FormProblems = Partial<Record<DigestBlock, FormProblem>>;

/** The form's values, valid, with names as typed. */
export interface DigestForm {
  channelId: string;
  days: DigestDays;
  hour: number;
  minute: number;
  zone: string;
  windowMs: number;
  scope: DigestScopeSpec;
  chart: boolean;
}

export type FormReading = { ok: true; form: DigestForm } | { ok: false; problems: FormProblems };

function field(values: Record<string, unknown>, block: DigestBlock): Record<string, unknown> {
  const b = values[block];
  const el = isRecord(b) ? b[DIGEST_ACTION] : undefined;
  return isRecord(el) ? el : {};
}

function selected(el: Record<string, unknown>): string | undefined {
  const o = el.selected_option;
  return isRecord(o) && typeof o.value === 'string' ? o.value : undefined;
}

function selectedMany(el: Record<string, unknown>): string[] {
  const list = Array.isArray(el.selected_options) ? el.selected_options : [];
  return list.flatMap((o) => (isRecord(o) && typeof o.value === 'string' ? [o.value] : []));
}

/** Reads `view.state.values`; every field's problem at once, so the user fixes them in one go. */
export function readDigestForm(values: unknown): FormReading {
  const v = isRecord(values) ? values : {};
  const problems: FormProblems = {};

  const channel = field(v, DIGEST_BLOCKS.channel).selected_conversation;
  const channelId =
    typeof channel === 'string' && /^[CGD][A-Z0-9]{2,20}$/.test(channel) ? channel : undefined;
  if (!channelId) problems.channel = { kind: 'required' };

  const dayKind = selected(field(v, DIGEST_BLOCKS.days));
  const chosen = selectedMany(field(v, DIGEST_BLOCKS.chosenDays))
    .map(Number)
    .filter((d): d is Weekday => (WEEKDAYS as readonly number[]).includes(d));
  let days: DigestDays | undefined;
  if (dayKind === 'daily' || dayKind === 'weekdays' || dayKind === 'weekends') {
    days = { kind: dayKind };
    // Ticked days under "Weekdays" would be silently ignored: say so instead.
    if (chosen.length) problems.chosen_days = { kind: 'days-not-chosen' };
  } else if (dayKind === 'days') {
    days = daysFrom(chosen);
    if (!days) problems.chosen_days = { kind: 'no-chosen-days' };
  } else problems.days = { kind: 'required' };

  const time = field(v, DIGEST_BLOCKS.time).selected_time;
  const hm = typeof time === 'string' ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  const hour = hm ? Number(hm[1]) : NaN;
  const minute = hm ? Number(hm[2]) : NaN;
  if (time === undefined || time === null) problems.time = { kind: 'required' };
  else if (!(hour <= 23 && minute <= 59)) problems.time = { kind: 'bad-time' };

  const zoneValue = selected(field(v, DIGEST_BLOCKS.zone));
  const zone = zoneValue === undefined ? undefined : canonicalZone(zoneValue);
  if (zoneValue === undefined) problems.zone = { kind: 'required' };
  else if (!zone) problems.zone = { kind: 'bad-zone' };

  const shiftValue = selected(field(v, DIGEST_BLOCKS.shift));
  const windowMs =
    shiftValue !== undefined && /^\d{1,4}$/.test(shiftValue) ? Number(shiftValue) * 60_000 : NaN;
  if (shiftValue === undefined) problems.shift = { kind: 'required' };
  else if (!(windowMs >= MIN_SHIFT_MS && windowMs <= MAX_SHIFT_MS)) problems.shift = { kind: 'bad-shift' };

  const scopeKind = selected(field(v, DIGEST_BLOCKS.scope));
  const typed = field(v, DIGEST_BLOCKS.names).value;
  const names = typeof typed === 'string' ? splitNames(typed) : [];
  let scope: DigestScopeSpec | undefined;
  if (scopeKind === 'account') {
    if (names.length) problems.names = { kind: 'names-without-scope' };
    else scope = { kind: 'account' };
  } else if (scopeKind === 'skills' || scopeKind === 'groups') {
    if (names.length === 0) problems.names = { kind: 'names-needed', of: scopeKind };
    else if (names.length > MAX_DIGEST_TARGETS)
      problems.names = { kind: 'too-many-names', count: names.length };
    else scope = { kind: scopeKind, names };
  } else problems.scope = { kind: 'required' };

  const chart = selectedMany(field(v, DIGEST_BLOCKS.chart)).includes('on');

  if (Object.keys(problems).length || !channelId || !days || !zone || !scope) return { ok: false, problems };
  return { ok: true, form: { channelId, days, hour, minute, zone, windowMs, scope, chart } };
}

/**
 * The form's private_metadata, validated (it comes back from Slack, so it is input like any other);
 * undefined when it is not what the bot wrote. Refused whole, not read in part: an edit whose id
 * was mangled must not save as a new digest.
 */
export function readDigestMetadata(raw: unknown): DigestModalMetadata | undefined {
  if (typeof raw !== 'string' || raw.length > 3000) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const out: DigestModalMetadata = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'id' && typeof value === 'string' && DIGEST_ID_PATTERN.test(value)) out.id = value;
    else if (key === 'origin' && typeof value === 'string' && /^[CGD][A-Z0-9]{2,20}$/.test(value))
      out.origin = value;
    else if (key === 'audience' && (AUDIENCES as readonly unknown[]).includes(value))
      out.audience = value as Audience;
    else return undefined;
  }
  return out;
}
