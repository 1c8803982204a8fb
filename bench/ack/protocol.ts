/**
 * What the ack benchmark's parent and its child processes say to each other over the IPC channel
 * that `fork` opens: each child says `ready` once it listens, then answers numbered requests.
 */

/** A request from the parent; the child answers with the same id. */
export interface ChildRequest {
  id: number;
  cmd: string;
  args?: unknown;
}

export interface ChildReply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface ReadyMessage {
  type: 'ready';
  info: Record<string, string>;
}

/** The simulator and fake Slack child's answer to `waitFinals`. */
export interface FinalsResult {
  /** Epoch ms of the latest first final answer among the ids (NaN when none arrived). */
  lastAt: number;
  /** Ids with no final answer before the timeout. */
  missing: number;
}

/** Serves `handlers` over the IPC channel and tells the parent it is ready. */
export function serveParent(
  info: Record<string, string>,
  handlers: Record<string, (args: unknown) => unknown>,
): void {
  process.on('message', (raw: unknown) => {
    const req = raw as ChildRequest;
    const handler = handlers[req.cmd];
    const reply = (r: Omit<ChildReply, 'id'>) => process.send?.({ id: req.id, ...r } satisfies ChildReply);
    if (!handler) return reply({ ok: false, error: `unknown command ${req.cmd}` });
    Promise.resolve()
      .then(() => handler(req.args))
      .then(
        (result) => reply({ ok: true, result }),
        (err: unknown) => reply({ ok: false, error: (err as Error).message }),
      );
  });
  process.send?.({ type: 'ready', info } satisfies ReadyMessage);
}
