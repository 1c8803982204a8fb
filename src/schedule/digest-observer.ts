/**
 * What the scheduler tells an observer (the /metrics registry) about each scheduled occurrence it
 * worked on, and how late each post went out. Outcomes are fixed words, never a digest or channel.
 */

export type DigestOutcome =
  /** Posted (on time or late: see the lateness). */
  | 'posted'
  /** Given up past the grace window; the channel gets a "missed" note. */
  | 'missed'
  /** The channel was lost (bot removed, archived, gone): the digest is paused. */
  | 'paused'
  /** Not posted this time (content or Slack failed); the next tick tries again. */
  | 'retry'
  /** Found posted already (by another instance, or by a holder that stopped): not posted again. */
  | 'already_posted'
  /** Another instance holds the claim. */
  | 'claimed_elsewhere'
  /** The store or Slack threw; the next tick tries again. */
  | 'error';

export interface DigestObserver {
  outcome(outcome: DigestOutcome): void;
  /** Seconds after its fire time that a post went out. */
  lateness(seconds: number): void;
}
