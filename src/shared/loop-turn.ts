/**
 * Turns of the event loop for work that comes after an ack, with acks first. A burst of requests
 * (two hundred leads typing /queue at the top of the hour, a shared LivePerson answer waking a
 * hundred answers) would otherwise interleave every answer's CPU work with the acks of requests
 * still arriving, and those acks would wait behind it.
 *
 * Requests being taken are "foreground": `foreground()` marks one from arrival until its ack is
 * written. `nextTurn()` resumes its waiters one per loop iteration, in order, and only once the
 * foreground has been quiet for QUIET_MS: while requests keep arriving, work after the ack waits.
 * A waiter is never held more than MAX_DEFER_MS, so a steady stream of requests slows answers
 * down but cannot starve them. The event loop is the process's, so this state is too.
 */

/** How long no request may have arrived or been answered before work after an ack resumes. */
export const QUIET_MS = 5;
/** The longest a waiter is held back by a busy foreground. */
export const MAX_DEFER_MS = 750;

interface Waiter {
  resume: () => void;
  since: number;
}

const waiting: Waiter[] = [];
let scheduled = false;
/** Requests taken and not yet answered. */
let open = 0;
/** When a request last arrived or was answered (performance.now()). */
let lastActivity = -Infinity;

/** No request open, none arrived or answered for QUIET_MS (a clock that went back counts as quiet). */
function isQuiet(now: number): boolean {
  return open === 0 && (now - lastActivity >= QUIET_MS || now < lastActivity);
}

function resumeOne(): void {
  scheduled = false;
  const head = waiting[0];
  if (!head) return;
  const now = performance.now();
  const quiet = isQuiet(now);
  if (quiet || now - head.since >= MAX_DEFER_MS) {
    waiting.shift();
    head.resume();
  }
  if (waiting.length > 0) schedule(quiet);
}

/**
 * On a quiet loop, the next check phase (setImmediate: the poll phase for I/O runs before it).
 * While the foreground is busy, a timer instead, so the loop sleeps in its poll for incoming
 * requests rather than spinning.
 */
function schedule(quiet = isQuiet(performance.now())): void {
  if (scheduled) return;
  scheduled = true;
  if (quiet) setImmediate(resumeOne);
  else setTimeout(resumeOne, 1);
}

/**
 * Resolves on a later loop iteration than any I/O already waiting, after the waiters before it,
 * once no request has arrived or been answered for QUIET_MS (or after MAX_DEFER_MS at most).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resume) => {
    waiting.push({ resume, since: performance.now() });
    schedule();
  });
}

/**
 * Marks a request as being taken; call the returned function once it is answered (more than once
 * is harmless). Work waiting in `nextTurn` holds back meanwhile.
 */
export function foreground(): () => void {
  open++;
  lastActivity = performance.now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    open--;
    lastActivity = performance.now();
  };
}

/** How many are waiting for their turn (for tests and diagnostics). */
export function turnsWaiting(): number {
  return waiting.length;
}

/** Requests taken and not yet answered (for tests and diagnostics). */
export function foregroundOpen(): number {
  return open;
}
