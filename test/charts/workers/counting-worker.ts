/** A stand-in chart worker: answers which render this is and on which thread it ran. */
import { threadId } from 'node:worker_threads';

let renders = 0;

export default function render(): Buffer {
  renders += 1;
  return Buffer.from(`render ${renders} on thread ${threadId}`);
}
