/**
 * /queue: answered inside the 3 s ack (help, usage, or a "Fetching…" placeholder) before anything
 * does I/O; the report replaces the placeholder once it is ready. `/queue digest …` goes to the
 * digest commands (commands/digest).
 *
 * Bolt's listener is done once the ack is out; the report is worked on after it, on its own
 * (tracked by `inFlight` for shutdown). A listener that awaited its report would keep Bolt's whole
 * request (payload, middleware chains, `say`/`respond`, context) alive until LivePerson answered:
 * in a burst of two hundred asks, megabytes that every young-generation collection copies, and
 * collections run between the acks of requests still arriving.
 */
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../grammar/parser';
import type { ReportQuery } from '../../../domain/query';
import { nextTurn } from '../../../shared/loop-turn';
import { describeError } from '../../../reports/problem-of';
import { answerQuery } from '../../answer';
import { queueContextOf, type QueueContext } from '../../context';
import { fitMessage } from '../../fit-message';
import { renderFetching, renderHelp, renderUsage } from '../../views';
import type { ListenerDeps } from '../deps';
import { isDigestCommand } from '../../../domain/digest-command';
import { renderDigestUsage } from '../../views/digest-notes';
import { handleDigestCommand } from './digest';

type QueueArgs = Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack' | 'context'>;

/** A /queue request once taken: its ack, and the work after it (settled at once when the ack answered). */
export interface TakenCommand {
  acked: Promise<void>;
  /** Never rejects for a failed ack (nothing is answered then); rejects if the answer itself throws. */
  answered: Promise<void>;
}

const NOTHING_AFTER = Promise.resolve();

/** Acks one /queue request and starts what comes after; holds nothing of Bolt's request past the ack. */
export function takeQueueCommand(args: QueueArgs, deps: ListenerDeps): TakenCommand {
  const parsed = parseCommand(args.command.text);
  const ctx = queueContextOf(args.context);
  if (parsed.kind === 'help')
    return { acked: args.ack(fitMessage(renderHelp(), ctx.log)), answered: NOTHING_AFTER };
  if (parsed.kind === 'usage')
    return {
      acked: args.ack(
        fitMessage(parsed.topic === 'digest' ? renderDigestUsage(parsed) : renderUsage(parsed), ctx.log),
      ),
      answered: NOTHING_AFTER,
    };
  // Digest commands write to the store before they answer: they stay one piece, as Bolt runs them.
  if (isDigestCommand(parsed))
    return { acked: handleDigestCommand(parsed, args, ctx, deps), answered: NOTHING_AFTER };
  const acked = args.ack(fitMessage(renderFetching(parsed), ctx.log));
  return { acked, answered: answerAfter(acked, ctx, deps, parsed) };
}

/** The report, once `acked` is out; its closure holds the context and the query, not the request. */
function answerAfter(
  acked: Promise<void>,
  ctx: QueueContext,
  deps: ListenerDeps,
  parsed: ReportQuery,
): Promise<void> {
  // Tracked from the start, ack included: a shutdown that begins meanwhile waits for the report.
  return deps.inFlight.run(() =>
    acked.then(
      async () => {
        // Even the log line waits for its turn: acks of requests still arriving go first.
        await nextTurn();
        ctx.log.info('/queue', { report: parsed.kind, window: parsed.window.kind });
        return answerQuery(ctx, deps, parsed);
      },
      // The ack failed (Bolt logs why): nobody is waiting for a report.
      () => undefined,
    ),
  );
}

/** Handles one /queue request: resolves once its ack and its report are both out. */
export async function handleQueueCommand(args: QueueArgs, deps: ListenerDeps): Promise<void> {
  const taken = takeQueueCommand(args, deps);
  await taken.acked;
  await taken.answered;
}

/** Binds /queue to its handler; Bolt's part ends with the ack. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/queue', (args) => {
    const taken = takeQueueCommand(args, deps);
    const log = queueContextOf(args.context).log;
    taken.answered.catch((error: unknown) =>
      log.error('/queue answer failed after its ack', { error: describeError(error) }),
    );
    return taken.acked;
  });
}
