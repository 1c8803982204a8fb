/**
 * The `/queue digest …` commands as the grammar reads them: intent, not yet resolved. A channel
 * may be named rather than picked, the zone may be "the asker's", and skills and groups are names
 * as typed; the Slack surface resolves them (channel, users.info, the directory) before a
 * DigestDraft exists.
 */
import type { DigestDays } from './digest';
import type { Audience } from './audience';

/** Where the digest posts: the channel the command ran in, a Slack channel entity, or a bare `#name`. */
export type DigestChannelSpec =
  { kind: 'current' } | { kind: 'id'; id: string; name?: string } | { kind: 'name'; name: string };

/** An IANA zone typed in the command, or the asker's Slack zone (else DEFAULT_TIMEZONE). */
export type DigestZoneSpec = { kind: 'user' } | { kind: 'zone'; zone: string };

/** What the digest covers, skills and groups by name as typed. */
export type DigestScopeSpec =
  { kind: 'account' } | { kind: 'skills'; names: string[] } | { kind: 'groups'; names: string[] };

/** `/queue digest add <channel> <days> <HH:MM> [zone] [skill a,b | group a,b] [window 8h] [chart off]`. */
export interface DigestAddCommand {
  kind: 'digest-add';
  channel: DigestChannelSpec;
  days: DigestDays;
  hour: number;
  minute: number;
  zone: DigestZoneSpec;
  scope: DigestScopeSpec;
  windowMs: number;
  chart: boolean;
  audience?: Audience;
}

/** `/queue digest add` alone: the form. */
export interface DigestAddModalCommand {
  kind: 'digest-add-modal';
}

/** `/queue digest list` (or `/queue digest`): the channel's digests, in a DM the asker's. */
export interface DigestListCommand {
  kind: 'digest-list';
}

/** `/queue digest remove <id>`. */
export interface DigestRemoveCommand {
  kind: 'digest-remove';
  id: string;
}

/** `/queue digest edit <id>`: the form, filled in with the digest. */
export interface DigestEditCommand {
  kind: 'digest-edit';
  id: string;
}

/** `/queue digest pause <id>` and `/queue digest resume <id>`. */
export interface DigestPauseCommand {
  kind: 'digest-pause';
  id: string;
  paused: boolean;
}

/** `/queue digest help`. */
export interface DigestHelpCommand {
  kind: 'digest-help';
}

export type DigestCommand =
  | DigestAddCommand
  | DigestAddModalCommand
  | DigestListCommand
  | DigestRemoveCommand
  | DigestEditCommand
  | DigestPauseCommand
  | DigestHelpCommand;

/** Digest ids as users type them (`/queue digest remove k3x9q2`) and buttons carry them. */
export const DIGEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** True for the digest commands (they carry no report query). */
export function isDigestCommand(parsed: { kind: string }): parsed is DigestCommand {
  return parsed.kind.startsWith('digest-');
}
