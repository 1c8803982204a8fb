/**
 * /queue: answered inside the 3 s ack (help, usage, or a "Fetching…" placeholder) before anything
 * does I/O; the report replaces the placeholder once it is ready. `/queue digest …` goes to the
 * digest commands (commands/digest).
 */
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../grammar/parser';
import { nextTurn } from '../../../shared/loop-turn';
import { answerQuery } from '../../answer';
import { queueContextOf } from '../../context';
import { fitMessage } from '../../fit-message';
import { renderFetching, renderHelp, renderUsage } from '../../views';
import type { ListenerDeps } from '../deps';
import { isDigestCommand } from '../../../domain/digest-command';
import { renderDigestUsage } from '../../views/digest-notes';
import { handleDigestCommand } from './digest';

/** Handles one /queue request. */
export async function handleQueueCommand(
  args: Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack' | 'context'>,
  deps: ListenerDeps,
): Promise<void> {
  const parsed = parseCommand(args.command.text);
  const ctx = queueContextOf(args.context);
  if (parsed.kind === 'help') return args.ack(fitMessage(renderHelp(), ctx.log));
  if (parsed.kind === 'usage')
    return args.ack(
      fitMessage(parsed.topic === 'digest' ? renderDigestUsage(parsed) : renderUsage(parsed), ctx.log),
    );
  if (isDigestCommand(parsed)) return handleDigestCommand(parsed, args, ctx, deps);
  await args.ack(fitMessage(renderFetching(parsed), ctx.log));
  await deps.inFlight.run(async () => {
    // Even the log line waits for its turn: acks of requests still arriving go first.
    await nextTurn();
    ctx.log.info('/queue', { report: parsed.kind, window: parsed.window.kind });
    return answerQuery(ctx, deps, parsed);
  });
}

/** Binds /queue to its handler. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/queue', (args) => handleQueueCommand(args, deps));
}
