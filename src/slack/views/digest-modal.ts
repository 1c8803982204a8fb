/**
 * The digest form (a modal): channel, days, time, timezone, shift length, scope, chart. The same
 * form adds a digest and edits one (prefilled); `private_metadata` says which, and where the
 * confirmation goes. Block ids are the contract with the form reader (slack/digests/digest-form).
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  DEFAULT_SHIFT_MS,
  MAX_DIGEST_TARGETS,
  WEEKDAYS,
  weekdaysOf,
  type Digest,
  type DigestDays,
  type DigestScope,
} from '../../domain/digest';
import type { Audience } from '../../domain/audience';
import { joinNames } from '../digests/name-list';
import { truncate } from './mrkdwn';
import { clockText, WEEKDAY_NAMES } from './digest-text';

/** The modal's callback_id: app.view binds it to the submission handler. */
export const DIGEST_CALLBACK_ID = 'qp_digest';

/** Block ids of the form's inputs; each input's element has action_id `value`. */
export const DIGEST_BLOCKS = {
  channel: 'channel',
  days: 'days',
  chosenDays: 'chosen_days',
  time: 'time',
  zone: 'zone',
  shift: 'shift',
  scope: 'scope',
  names: 'names',
  chart: 'chart',
} as const;
export type DigestBlock = (typeof DIGEST_BLOCKS)[keyof typeof DIGEST_BLOCKS];
export const DIGEST_ACTION = 'value';

/** Timezones offered in the form (the asker's own and the digest's are added when missing). */
export const COMMON_ZONES: readonly string[] = [
  'UTC',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Phoenix',
  'America/Denver',
  'America/Chicago',
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/New_York',
  'America/Toronto',
  'America/Halifax',
  'America/St_Johns',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Atlantic/Reykjavik',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Africa/Lagos',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Africa/Johannesburg',
  'Africa/Cairo',
  'Europe/Athens',
  'Europe/Helsinki',
  'Asia/Jerusalem',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Nairobi',
  'Asia/Riyadh',
  'Asia/Tehran',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Manila',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Australia/Perth',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
];

/** Shift lengths offered: whole hours, 1 h to 24 h. */
export const SHIFT_HOURS: readonly number[] = Array.from({ length: 24 }, (_, i) => i + 1);

/** What a submission needs beyond the inputs. */
export interface DigestModalMetadata {
  /** The digest being edited; absent when adding. */
  id?: string;
  /** Where the form was opened: the confirmation goes there. */
  origin?: string;
  /** Kept from the one-line form on edit (the form has no field for it). */
  audience?: Audience;
}

/** The form's values: a new digest's defaults, or a digest being edited. */
export interface DigestModalInput {
  metadata: DigestModalMetadata;
  /** The channel to preselect (the current one when adding, the digest's when editing). */
  channelId?: string;
  days: DigestDays;
  hour: number;
  minute: number;
  zone: string;
  windowMs: number;
  scope: { kind: DigestScope['kind']; names: string[] };
  chart: boolean;
}

/** The form filled in with a digest, for its Edit. */
export function digestInputOf(digest: Digest, origin?: string): DigestModalInput {
  const metadata: DigestModalMetadata = { id: digest.id };
  if (origin) metadata.origin = origin;
  if (digest.audience) metadata.audience = digest.audience;
  return {
    metadata,
    channelId: digest.channelId,
    days: digest.schedule.days,
    hour: digest.schedule.hour,
    minute: digest.schedule.minute,
    zone: digest.schedule.zone,
    windowMs: digest.windowMs,
    scope: {
      kind: digest.scope.kind,
      names: digest.scope.kind === 'account' ? [] : digest.scope.items.map((t) => t.name),
    },
    chart: digest.chart,
  };
}

/** A new digest's form: the current channel, weekdays at 17:00 in the asker's zone, 8 h, the account. */
export function newDigestInput(opts: {
  channelId?: string;
  zone: string;
  origin?: string;
}): DigestModalInput {
  return {
    metadata: opts.origin ? { origin: opts.origin } : {},
    ...(opts.channelId ? { channelId: opts.channelId } : {}),
    days: { kind: 'weekdays' },
    hour: 17,
    minute: 0,
    zone: opts.zone,
    windowMs: DEFAULT_SHIFT_MS,
    scope: { kind: 'account', names: [] },
    chart: true,
  };
}

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(text, 75), emoji: true }, value };
}

const DAY_CHOICES: readonly [DigestDays['kind'], string][] = [
  ['daily', 'Every day'],
  ['weekdays', 'Weekdays (Mon–Fri)'],
  ['weekends', 'Weekends (Sat–Sun)'],
  ['days', 'Chosen days (below)'],
];
const SCOPE_CHOICES: readonly [DigestScope['kind'], string][] = [
  ['account', 'The whole account'],
  ['skills', 'Skills'],
  ['groups', 'Agent groups'],
];

function shiftLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function input(
  blockId: DigestBlock,
  label: string,
  element: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label, emoji: true },
    element: { action_id: DIGEST_ACTION, ...element },
    ...extra,
  } as unknown as KnownBlock;
}

/** Ten names of a good length, quoted where needed, fit; Slack's own ceiling for a text input. */
const NAMES_MAX_LENGTH = 3000;

const hint = (text: string) => ({ hint: { type: 'plain_text', text, emoji: true } });

/** The form as a modal view for views.open / views.update. */
export function renderDigestModal(v: DigestModalInput): ModalView {
  const editing = v.metadata.id !== undefined;
  const dayOptions = DAY_CHOICES.map(([value, text]) => option(text, value));
  const weekdayOptions = WEEKDAYS.map((d) => option(WEEKDAY_NAMES[d], String(d)));
  const chosen = v.days.kind === 'days' ? weekdaysOf(v.days) : [];
  const zones = [...new Set([...COMMON_ZONES, v.zone])];
  const zoneOptions = zones.map((z) => option(z, z));
  const shiftMinutes = Math.round(v.windowMs / 60_000);
  const shifts = [...new Set([...SHIFT_HOURS.map((h) => h * 60), shiftMinutes])].sort((a, b) => a - b);
  const shiftOptions = shifts.map((m) => option(shiftLabel(m), String(m)));
  const scopeOptions = SCOPE_CHOICES.map(([value, text]) => option(text, value));
  const chartOption = option('Include a chart', 'on');
  const channel: Record<string, unknown> = {
    type: 'conversations_select',
    placeholder: { type: 'plain_text', text: 'Pick a channel' },
    filter: { include: ['public', 'private'], exclude_bot_users: true },
  };
  if (v.channelId) channel.initial_conversation = v.channelId;
  else if (!editing) channel.default_to_current_conversation = true;
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'A shift summary posted on schedule: the report for the shift that ends at the time you choose, with the change against the same shift a week earlier.',
        },
      ],
    },
    input(
      DIGEST_BLOCKS.channel,
      'Post in',
      channel,
      hint('Queue Pulse must be in the channel to post there.'),
    ),
    input(DIGEST_BLOCKS.days, 'Days', {
      type: 'static_select',
      options: dayOptions,
      initial_option: dayOptions[DAY_CHOICES.findIndex(([k]) => k === v.days.kind)],
    }),
    input(
      DIGEST_BLOCKS.chosenDays,
      'Chosen days',
      {
        type: 'checkboxes',
        options: weekdayOptions,
        ...(chosen.length ? { initial_options: chosen.map((d) => weekdayOptions[d - 1]) } : {}),
      },
      { optional: true, ...hint('Only with “Chosen days” above.') },
    ),
    input(DIGEST_BLOCKS.time, 'Time', {
      type: 'timepicker',
      initial_time: clockText(v.hour, v.minute),
    }),
    input(
      DIGEST_BLOCKS.zone,
      'Timezone',
      {
        type: 'static_select',
        options: zoneOptions,
        initial_option: zoneOptions[zones.indexOf(v.zone)],
      },
      hint('The digest fires at this time in this zone, daylight saving included.'),
    ),
    input(
      DIGEST_BLOCKS.shift,
      'Shift length',
      {
        type: 'static_select',
        options: shiftOptions,
        initial_option: shiftOptions[shifts.indexOf(shiftMinutes)],
      },
      hint('The summary covers this long, ending at the time above (at most 24 h).'),
    ),
    input(DIGEST_BLOCKS.scope, 'Report on', {
      type: 'radio_buttons',
      options: scopeOptions,
      initial_option: scopeOptions[SCOPE_CHOICES.findIndex(([k]) => k === v.scope.kind)],
    }),
    input(
      DIGEST_BLOCKS.names,
      'Skill or agent group names',
      {
        type: 'plain_text_input',
        max_length: NAMES_MAX_LENGTH,
        placeholder: { type: 'plain_text', text: 'billing, sales' },
        ...(v.scope.names.length ? { initial_value: joinNames(v.scope.names) } : {}),
      },
      {
        optional: true,
        ...hint(
          `With Skills or Agent groups: names separated by commas, up to ${MAX_DIGEST_TARGETS}; a name with a comma in quotes.`,
        ),
      },
    ),
    input(
      DIGEST_BLOCKS.chart,
      'Chart',
      { type: 'checkboxes', options: [chartOption], ...(v.chart ? { initial_options: [chartOption] } : {}) },
      { optional: true },
    ),
  ];
  return {
    type: 'modal',
    callback_id: DIGEST_CALLBACK_ID,
    private_metadata: JSON.stringify(v.metadata),
    title: { type: 'plain_text', text: editing ? 'Edit digest' : 'New digest' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    notify_on_close: false,
    blocks,
  };
}

/** What the form shows while an edit loads the digest (views.open must not wait for it). */
export function renderDigestLoadingModal(): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Edit digest' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Loading the digest…' } },
    ],
  };
}

/** A modal that only says something (the digest is gone, or the user may not change it). */
export function renderDigestMessageModal(escapedText: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Digest' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(escapedText, 3000) } }],
  };
}
