/**
 * The digest form's submission. Everything that can be wrong with a field is found before the ack
 * and sent back inline (`response_action: 'errors'`): the fields themselves, then the skill or
 * group names through the directory, under a deadline that leaves the ack inside Slack's 3 seconds.
 * The bot's membership of the chosen channel is checked the same way (a lead invites it and saves
 * again, rather than finding a paused digest at the first fire). A valid form is acked (the modal
 * closes), saved, and confirmed to the user with an ephemeral note where the form was opened (else
 * by DM).
 */
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { DigestDraft } from '../../../domain/digest';
import { Deadline, raceDeadline } from '../../../shared/deadline';
import { queueContextOf, type QueueContext } from '../../context';
import { channelProblem } from '../../digests/channel-check';
import { readDigestForm, readDigestMetadata, type FormProblems } from '../../digests/digest-form';
import { digestAccess } from '../../digests/managed-digest';
import { resolveScope, type ScopeResolution } from '../../digests/resolve-scope';
import { DIGEST_CALLBACK_ID, renderDigestMessageModal } from '../../views/digest-modal';
import {
  digestFormUnreadableText,
  digestNotFoundText,
  digestRefusalText,
  renderDigestFailed,
  renderDigestNotFound,
  renderDigestSaved,
} from '../../views/digest-notes';
import { renderFormErrors } from '../../views/digest-problems';
import type { SlackMessage } from '../../views/message';
import type { ListenerDeps } from '../deps';

/** What the checks before the ack may take: Slack closes the request at 3 s. */
export const SUBMIT_CHECK_BUDGET_MS = 2_000;

type SubmitArgs = Pick<
  SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs,
  'ack' | 'view' | 'context'
>;

/** Handles one submission of the digest form. */
export async function handleDigestSubmission(args: SubmitArgs, deps: ListenerDeps): Promise<void> {
  const ctx = queueContextOf(args.context);
  const digests = deps.digests;
  const reading = readDigestForm(args.view.state.values);
  if (!reading.ok) {
    await args.ack({ response_action: 'errors', errors: renderFormErrors(reading.problems) });
    return;
  }
  const form = reading.form;
  const meta = readDigestMetadata(args.view.private_metadata);
  if (!meta) {
    ctx.log.warn('digest form with unreadable private_metadata refused');
    await args.ack({ response_action: 'update', view: renderDigestMessageModal(digestFormUnreadableText()) });
    return;
  }
  const userId = ctx.userId ?? '';
  const deadline = Deadline.after(SUBMIT_CHECK_BUDGET_MS);
  const scoping: Promise<ScopeResolution> = raceDeadline(
    resolveScope(form.scope, deps.directory, { deadline }),
    deadline,
  ).catch(() => ({ ok: false, problem: { kind: 'lookup-failed' } }));
  // Beside the names, under the same deadline: out of time, the channel counts as fine.
  const reaching = raceDeadline(channelProblem(ctx.outbox, form.channelId), deadline).catch(() => undefined);
  if (meta.id !== undefined) {
    // An edit: the digest may be gone, or the rights lost, since the form opened.
    const refusal = await raceDeadline(editRefusal(meta.id, ctx, deps), deadline).catch(() =>
      digestRefusalText({ id: meta.id!, createdBy: '' }),
    );
    if (refusal !== undefined) {
      await args.ack({ response_action: 'update', view: renderDigestMessageModal(refusal) });
      return;
    }
  }
  const [scope, unreachable] = await Promise.all([scoping, reaching]);
  if (!scope.ok || unreachable) {
    // Both at once, so the lead fixes them in one go.
    const problems: FormProblems = {
      ...(unreachable ? { channel: unreachable } : {}),
      ...(!scope.ok ? { names: scope.problem } : {}),
    };
    await args.ack({ response_action: 'errors', errors: renderFormErrors(problems) });
    return;
  }
  await args.ack();
  const draft: DigestDraft = {
    channelId: form.channelId,
    schedule: { days: form.days, hour: form.hour, minute: form.minute, zone: form.zone },
    windowMs: form.windowMs,
    scope: scope.scope,
    chart: form.chart,
    ...(meta.audience ? { audience: meta.audience } : {}),
  };
  await deps.inFlight.run(async () => {
    let message: SlackMessage;
    try {
      const saved =
        meta.id !== undefined
          ? await digests.update(meta.id, draft)
          : await digests.add(draft, { teamId: ctx.teamId ?? '', userId });
      message = saved
        ? renderDigestSaved(
            saved,
            digests.nextFire(saved, ctx.now()),
            meta.id !== undefined ? 'updated' : 'added',
          )
        : renderDigestNotFound(meta.id ?? '');
      ctx.log.info(meta.id !== undefined ? 'digest updated' : 'digest added', { digest: saved?.id });
    } catch (err) {
      ctx.log.error('could not save a digest', { error: (err as Error).message });
      message = renderDigestFailed();
    }
    await confirm(ctx, userId, meta.origin ?? form.channelId, message);
  });
}

/** Why this user may not save an edit of `id` (as text for the modal), or undefined. */
async function editRefusal(id: string, ctx: QueueContext, deps: ListenerDeps): Promise<string | undefined> {
  const access = await digestAccess(await deps.digests.get(id), 'edit', ctx, deps);
  if (access.kind === 'allowed') return undefined;
  return access.kind === 'not-found' ? digestNotFoundText(id) : digestRefusalText(access.digest);
}

/** A submission has no response_url: the note goes where the form was opened, else by DM. */
async function confirm(
  ctx: QueueContext,
  userId: string,
  channelId: string,
  message: SlackMessage,
): Promise<void> {
  if (!userId) return;
  const r = await ctx.outbox.ephemeral(channelId, userId, message);
  if (r.ok) return;
  const dm = await ctx.outbox.dm(userId, message);
  if (!dm.ok) ctx.log.warn('could not confirm the digest to its user', { detail: dm.detail });
}

/** Binds the digest form's callback_id to its handler. */
export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(DIGEST_CALLBACK_ID, (args) => handleDigestSubmission(args, deps));
}
