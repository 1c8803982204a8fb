/** What the listeners need from the rest of the bot; the container builds it, tests pass fakes. */
import type { Repository, Store } from '../../store/store';
import type { HomeDeps } from '../home/home-service';
import type { StoredState } from '../action-ref';
import type { AnswerDeps } from '../answer';
import type { InFlight } from '../in-flight';

export interface ListenerDeps extends AnswerDeps {
  /** Work after the ack runs through it, so shutdown can wait for it. */
  inFlight: InFlight;
  /** Button state too big for a button. */
  actionState: Pick<Repository<StoredState>, 'get'>;
  /** Atomic claims in the shared store: a double click, a second share, runs once. */
  claims: Pick<Store, 'claim' | 'release'>;
  /** App Home: watches, its figures, and how it is published. */
  home: HomeDeps;
  /** "LivePerson account 123" or "LivePerson simulator (synthetic data)". */
  source: string;
}
