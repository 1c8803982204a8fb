/**
 * `/queue digest …`: add (the form, or one line), list, edit, remove, help. Every form is acked
 * at once; the form opens right after the ack (its trigger_id lives 3 seconds), and everything
 * that needs LivePerson, users.info or the store happens after it.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { DigestAddCommand, DigestCommand } from '../../../domain/digest-command';
import { Deadline, raceDeadline } from '../../../shared/deadline';
import type { QueueContext } from '../../context';
import { channelProblem } from '../../digests/channel-check';
import { draftFromCommand } from '../../digests/draft-from-command';
import { openEditDigestForm, openNewDigestForm } from '../../digests/digest-form-flow';
import { digestListMessage } from '../../digests/digest-list-flow';
import { managedDigest } from '../../digests/managed-digest';
import { fitMessage } from '../../fit-message';
import {
  renderDigestChecking,
  renderDigestFailed,
  renderDigestHelp,
  renderDigestNotFound,
  renderDigestPauseNote,
  renderDigestRemoved,
  renderDigestSaved,
  renderDigestChannelProblem,
  renderDraftProblem,
} from '../../views/digest-notes';
import type { ListenerDeps } from '../deps';

/** How long a one-line digest waits for LivePerson to check its names. */
export const DIGEST_NAMES_BUDGET_MS = 20_000;
/** How long it waits for Slack to say whether the bot is in the channel (then it saves). */
export const CHANNEL_CHECK_BUDGET_MS = 5_000;

type CommandArgs = Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack'>;

/** Handles one `/queue digest …` the grammar read. */
export async function handleDigestCommand(
  parsed: DigestCommand,
  args: CommandArgs,
  ctx: QueueContext,
  deps: ListenerDeps,
): Promise<void> {
  if (parsed.kind === 'digest-help') return args.ack(fitMessage(renderDigestHelp(), ctx.log));
  const digests = deps.digests;
  ctx.log.info('/queue digest', { action: parsed.kind });
  switch (parsed.kind) {
    case 'digest-add-modal':
      await args.ack();
      return deps.inFlight.run(() => openNewDigestForm(args.command.trigger_id, ctx, deps));
    case 'digest-edit':
      await args.ack();
      return deps.inFlight.run(() => openEditDigestForm(args.command.trigger_id, parsed.id, ctx, deps));
    case 'digest-list':
      await args.ack();
      return deps.inFlight.run(async () => {
        await ctx.conversation.note(await digestListMessage(ctx, digests));
      });
    case 'digest-remove':
      await args.ack();
      return deps.inFlight.run(() => remove(parsed.id, ctx, deps));
    case 'digest-pause':
      await args.ack();
      return deps.inFlight.run(() => setPaused(parsed.id, parsed.paused, ctx, deps));
    case 'digest-add':
      await args.ack(renderDigestChecking());
      return deps.inFlight.run(() => addOneLine(parsed, args.command, ctx, deps));
    default: {
      const unhandled: never = parsed;
      throw new Error(`unhandled digest command ${(unhandled as { kind: string }).kind}`);
    }
  }
}

async function addOneLine(
  cmd: DigestAddCommand,
  command: CommandArgs['command'],
  ctx: QueueContext,
  deps: ListenerDeps,
): Promise<void> {
  const digests = deps.digests;
  const made = await draftFromCommand(
    cmd,
    { channelId: ctx.channelId, channelName: command.channel_name, timezone: () => ctx.timezone() },
    deps.directory,
    { deadline: Deadline.after(DIGEST_NAMES_BUDGET_MS) },
  );
  if (!made.ok) {
    await ctx.conversation.replace(renderDraftProblem(made.problem, command.text));
    return;
  }
  // Bounded: a Slack that does not answer the check must not leave "Setting up…" on screen.
  const unreachable = await raceDeadline(
    channelProblem(ctx.outbox, made.draft.channelId),
    Deadline.after(CHANNEL_CHECK_BUDGET_MS),
  ).catch(() => undefined);
  if (unreachable) {
    await ctx.conversation.replace(renderDigestChannelProblem(unreachable, command.text));
    return;
  }
  try {
    const digest = await digests.add(made.draft, { teamId: ctx.teamId ?? '', userId: ctx.userId ?? '' });
    await ctx.conversation.replace(renderDigestSaved(digest, digests.nextFire(digest, ctx.now()), 'added'));
  } catch (err) {
    ctx.log.error('could not add a digest', { error: (err as Error).message });
    await ctx.conversation.replace(renderDigestFailed());
  }
}

async function remove(id: string, ctx: QueueContext, deps: ListenerDeps): Promise<void> {
  if (!(await managedDigest(id, 'delete', ctx, deps))) return;
  await deps.digests.remove(id);
  ctx.log.info('digest removed', { digest: id });
  await ctx.conversation.note(renderDigestRemoved(id));
}

async function setPaused(id: string, paused: boolean, ctx: QueueContext, deps: ListenerDeps): Promise<void> {
  if (!(await managedDigest(id, paused ? 'pause' : 'resume', ctx, deps))) return;
  const changed = await deps.digests.setPaused(id, paused);
  if (!changed) return void (await ctx.conversation.note(renderDigestNotFound(id)));
  ctx.log.info(paused ? 'digest paused' : 'digest resumed', { digest: id });
  await ctx.conversation.note(renderDigestPauseNote(changed, deps.digests.nextFire(changed, ctx.now())));
}
