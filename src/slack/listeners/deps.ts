/** What the listeners need from the rest of the bot; the container builds it, tests pass fakes. */
import type { Directory } from '../../liveperson/directory';
import type { DigestService } from '../../schedule/digest-service';
import type { Repository, Store } from '../../store/store';
import type { HomeDeps } from '../home/home-service';
import type { StoredState } from '../action-ref';
import type { AnswerDeps } from '../answer';
import type { InFlight } from '../in-flight';
import type { Modals } from '../modals';
import type { WorkspaceAdmins } from '../workspace-admins';

export interface ListenerDeps extends AnswerDeps {
  /** Work after the ack runs through it, so shutdown can wait for it. */
  inFlight: InFlight;
  /** Button state too big for a button. */
  actionState: Pick<Repository<StoredState>, 'get'>;
  /** Atomic claims in the shared store: a double click, a second share, runs once. */
  claims: Pick<Store, 'claim' | 'release' | 'renew'>;
  /** App Home: watches, its figures, and how it is published. */
  home: HomeDeps;
  /** "LivePerson account 123" or "LivePerson simulator (synthetic data)". */
  source: string;
  /** Scheduled digests: add, change, list, run. */
  digests: DigestService;
  /** Skill and group names of a digest's scope, resolved when it is saved. */
  directory: Pick<Directory, 'findSkill' | 'findGroup'>;
  /** DIGEST_ADMINS: may change every digest. */
  digestAdmins: ReadonlySet<string>;
  /** Workspace admins and owners (users.info) may change every digest too. */
  workspaceAdmins: WorkspaceAdmins;
  /** views.open / views.update for the digest form. */
  modals: Modals;
  /** DEFAULT_TIMEZONE: the form's zone until the asker's is known. */
  defaultTimezone: string;
}
