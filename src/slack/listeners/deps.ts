/** What the listeners need from the rest of the bot; the container builds it, tests pass fakes. */
import type { Repository } from '../../store/store';
import type { ActionRef } from '../action-ref';
import type { AnswerDeps } from '../answer';
import type { InFlight } from '../in-flight';

export interface ListenerDeps extends AnswerDeps {
  /** Work after the ack runs through it, so shutdown can wait for it. */
  inFlight: InFlight;
  /** Button state too big for a button. */
  actionState: Pick<Repository<ActionRef>, 'get'>;
  /** "LivePerson account 123" or "LivePerson simulator (synthetic data)". */
  source: string;
}
