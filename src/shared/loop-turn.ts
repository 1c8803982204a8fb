/**
 * Turns of the event loop for work that comes after an ack. A burst of answers whose data
 * arrives together (one LivePerson answer shared by a hundred askers, or a cache hit) would
 * otherwise run every answer's CPU work in one go, and the acks of the requests still arriving
 * wait behind it. `nextTurn()` resumes its waiters one per loop iteration, in order, so the
 * poll phase (incoming requests, their acks) runs between any two of them.
 */

const waiting: (() => void)[] = [];
let scheduled = false;

function resumeOne(): void {
  scheduled = false;
  waiting.shift()?.();
  // Scheduled from within the check phase, the next one runs on the next loop iteration.
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(resumeOne);
}

/** Resolves on a later loop iteration than any I/O already waiting, after the waiters before it. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** How many are waiting for their turn (for tests and diagnostics). */
export function turnsWaiting(): number {
  return waiting.length;
}
