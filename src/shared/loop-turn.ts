/**
 * Turns of the event loop for work that comes after an ack, with acks first. A burst of requests
 * (two hundred leads typing /queue at the top of the hour, a shared LivePerson answer waking a
 * hundred answers) would otherwise interleave every answer's CPU work with the acks of requests
 * still arriving, and those acks would wait behind it.
 *
 * Requests being taken are "foreground": `foreground()` marks one from arrival until its ack is
 * written. `nextTurn()` resumes its waiters one per loop iteration, in order, and only once the
 * foreground has been quiet for QUIET_MS: while requests keep arriving, work after the ack waits.
 * The hold is bounded twice, so a steady stream of requests slows answers down but cannot starve
 * them: once the foreground has been busy for MAX_DEFER_MS without a quiet moment, waiters resume
 * one per loop iteration again (an answer's several steps are not each held back in full), and a
 * request still open after FOREGROUND_MAX_MS (a client trickling its body, a probe stuck on its
 * store) stops counting. The event loop is the process's, so this state is too.
 */

/** How long no request may have arrived or been answered before work after an ack resumes. */
export const QUIET_MS = 5;
/** The longest the foreground holds work back without a quiet moment. */
export const MAX_DEFER_MS = 750;
/** A request still open this long stops counting as being taken (Slack waits 3 s for an ack). */
export const FOREGROUND_MAX_MS = 3_000;

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
/** When the foreground last turned busy after a quiet moment. */
let busySince = -Infinity;

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
  if (quiet || now - busySince >= MAX_DEFER_MS || now - head.since >= MAX_DEFER_MS) {
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
  const now = performance.now();
  if (isQuiet(now)) busySince = now;
  open++;
  lastActivity = now;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(expiry);
    open--;
    lastActivity = performance.now();
  };
  const expiry = setTimeout(end, FOREGROUND_MAX_MS);
  expiry.unref();
  return end;
}

/** How many are waiting for their turn (for tests and diagnostics). */
export function turnsWaiting(): number {
  return waiting.length;
}

/** Requests taken and not yet answered (for tests and diagnostics). */
export function foregroundOpen(): number {
  return open;
}
