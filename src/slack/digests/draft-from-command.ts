/**
 * A one-line `/queue digest add …` to a DigestDraft: the channel (the current one, a linked one,
 * or `#name` when it is the current channel's), the zone (the asker's Slack zone when none was
 * named), and the skill or group names through the directory.
 */
import type { DigestDraft } from '../../domain/digest';
import type { DigestAddCommand } from '../../domain/digest-command';
import type { Directory, LookupOptions } from '../../liveperson/directory';
import { resolveScope, type ScopeProblem } from './resolve-scope';

export type DraftProblem =
  | ScopeProblem
  /** `#name` of another channel: without channels:read it cannot become an id. */
  | { kind: 'channel-name'; name: string }
  /** No channel named and none to default to. */
  | { kind: 'no-channel' };

export interface CommandWhere {
  channelId: string | undefined;
  /** The current channel's name as Slack sent it with the command. */
  channelName: string | undefined;
  /** The asker's zone (users.info, else DEFAULT_TIMEZONE). */
  timezone: () => Promise<string>;
}

export async function draftFromCommand(
  cmd: DigestAddCommand,
  where: CommandWhere,
  directory: Pick<Directory, 'findSkill' | 'findGroup'>,
  lookup: LookupOptions = {},
): Promise<{ ok: true; draft: DigestDraft } | { ok: false; problem: DraftProblem }> {
  let channelId: string | undefined;
  const c = cmd.channel;
  if (c.kind === 'id') channelId = c.id;
  else if (c.kind === 'current') channelId = where.channelId;
  else if (where.channelName && c.name.toLowerCase() === where.channelName.toLowerCase())
    channelId = where.channelId;
  else return { ok: false, problem: { kind: 'channel-name', name: c.name } };
  if (!channelId) return { ok: false, problem: { kind: 'no-channel' } };
  const [scope, zone] = await Promise.all([
    resolveScope(cmd.scope, directory, lookup),
    cmd.zone.kind === 'zone' ? Promise.resolve(cmd.zone.zone) : where.timezone(),
  ]);
  if (!scope.ok) return { ok: false, problem: scope.problem };
  const draft: DigestDraft = {
    channelId,
    schedule: { days: cmd.days, hour: cmd.hour, minute: cmd.minute, zone },
    windowMs: cmd.windowMs,
    scope: scope.scope,
    chart: cmd.chart,
  };
  if (cmd.audience) draft.audience = cmd.audience;
  return { ok: true, draft };
}
