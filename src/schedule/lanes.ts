/**
 * Work grouped in lanes (a digest tick's lanes are channels): at most `limit` items at once, never
 * two of one lane at once, each lane's items in the order given. A lane that finishes an item goes
 * to the back of the line, so one busy lane neither holds the others up (a slow or rate-limited
 * channel keeps one worker, not a whole batch) nor gets two workers waiting on its pacing.
 */
export async function runInLanes<T>(
  items: readonly T[],
  laneOf: (item: T) => string,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = laneOf(item);
    const queue = lanes.get(lane);
    if (queue) queue.push(item);
    else lanes.set(lane, [item]);
  }
  // Lanes with work waiting and nobody on them, in turn.
  const ready = [...lanes.keys()];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const next = (): void => {
      if (active === 0 && ready.length === 0) return resolve();
      while (active < Math.max(1, limit) && ready.length > 0) {
        const lane = ready.shift()!;
        const queue = lanes.get(lane)!;
        const item = queue.shift()!;
        active += 1;
        work(item).then(() => {
          active -= 1;
          if (queue.length > 0) ready.push(lane);
          next();
        }, reject);
      }
    };
    next();
  });
}
