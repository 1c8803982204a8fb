/**
 * What the sandbox's Slack shows, as data: the messages in each channel and DM, each user's Home
 * tab, and the open modal stack. The sandbox server feeds it everything Slack would see (a command
 * typed, the bot's ack, each post to a response_url, each Web API call, each submission) and the
 * page renders what it holds; a page that (re)connects gets the whole state, then each change.
 *
 * Order is decided here, by Slack's rules, never by which HTTP exchange finished first: a slash
 * command's ack is the first answer to it whenever it arrives, so an ack that comes back after the
 * bot already replaced (or deleted) the message through its response_url is dropped. A message
 * keeps the place it had when its command was typed; each change bumps its version, and the page
 * drops any change older than what it shows.
 */

/** A conversation id the sandbox user sees in the sidebar: channel ids, or `dm:<user>`. */
export type PaneId = string;

export interface SandboxMessage {
  /** Opaque, URL-safe: a click on the message uses it as its response_url id. */
  key: string;
  pane: PaneId;
  /** The conversation id as the bot addressed it (C…, D…, or a user id for a DM). */
  channel: string;
  ts: string;
  from: 'bot' | 'user' | 'sandbox';
  ephemeral: boolean;
  text?: string;
  blocks?: unknown[];
  /** Bumped by every change: the page drops an event older than what it shows. */
  version: number;
  /** Place in its pane: a command's answer sits where the command was typed. */
  order: number;
  /** A command's slot whose ack has not arrived (or was empty) and nothing has filled it. */
  hidden: boolean;
  edited: boolean;
  deleted: boolean;
}

export interface SandboxView {
  id: string;
  view: Record<string, unknown>;
  /** Field errors from `response_action: errors`, by block_id. */
  errors: Record<string, string>;
  version: number;
}

export type WorkspaceChange =
  | { type: 'message'; message: SandboxMessage }
  | { type: 'home'; user: string; view: SandboxView }
  | { type: 'modals'; stack: SandboxView[] };

export interface WorkspaceSnapshot {
  messages: SandboxMessage[];
  homes: Record<string, SandboxView>;
  modals: SandboxView[];
}

/** The part of a Web API call the workspace reads (FakeSlack's ApiCall fits). */
export interface WorkspaceCall {
  method: string;
  args: Record<string, unknown>;
  answer?: Record<string, unknown>;
  rateLimited?: boolean;
}

interface ResponseSlot {
  /** The message a replace_original / delete_original on this response_url acts on. */
  messageKey: string;
  /** False once anything replaced or deleted the message: a later ack must not bring it back. */
  ackable: boolean;
  /** Posts received, to name the new messages it creates. */
  posts: number;
}

export interface WorkspaceOptions {
  /** The sandbox user's DM channel with the bot, and the user it belongs to. */
  dm?: { channel: string; user: string };
  /** Seconds for the ts of messages the sandbox creates (a fixed clock in tests). */
  nowSeconds?: () => number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasContent = (body: Record<string, unknown>): boolean =>
  (typeof body.text === 'string' && body.text !== '') ||
  (Array.isArray(body.blocks) && body.blocks.length > 0);

export class SandboxWorkspace {
  private readonly messages = new Map<string, SandboxMessage>();
  private readonly slots = new Map<string, ResponseSlot>();
  private readonly homes = new Map<string, SandboxView>();
  private modals: SandboxView[] = [];
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private order = 0;
  private seq = 0;
  private readonly dm: { channel: string; user: string };
  private readonly nowSeconds: () => number;

  constructor(opts: WorkspaceOptions = {}) {
    this.dm = opts.dm ?? { channel: 'D0001', user: 'U0456' };
    this.nowSeconds = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  /** Where a conversation id is shown: the bot's DMs (a user id, or the DM channel) in a DM pane. */
  paneOf(channel: string): PaneId {
    if (channel === this.dm.channel) return `dm:${this.dm.user}`;
    if (/^[UW]/.test(channel)) return `dm:${channel}`;
    if (channel.startsWith('D')) return `dm:${channel}`;
    return channel;
  }

  onChange(fn: (change: WorkspaceChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  snapshot(): WorkspaceSnapshot {
    return {
      messages: [...this.messages.values()]
        .filter((m) => !m.hidden && !m.deleted)
        .sort((a, b) => a.order - b.order),
      homes: Object.fromEntries(this.homes),
      modals: [...this.modals],
    };
  }

  message(key: string): SandboxMessage | undefined {
    return this.messages.get(key);
  }

  /** A view on screen (a modal in the stack, or a Home tab), by id. */
  view(id: string): SandboxView | undefined {
    return this.modals.find((v) => v.id === id) ?? [...this.homes.values()].find((v) => v.id === id);
  }

  homeOf(user: string): SandboxView | undefined {
    return this.homes.get(user);
  }

  /** Channels messages were seen in (digests, shares), besides the ones the sandbox lists. */
  channelsSeen(): string[] {
    return [...new Set([...this.messages.values()].map((m) => m.pane).filter((p) => !p.startsWith('dm:')))];
  }

  /**
   * A command typed in `channel`: the user's line, and an empty slot for the bot's answer right
   * under it, which the ack or the first post through `responseId` fills.
   */
  command(input: { responseId: string; channel: string; text: string }): void {
    this.add({
      key: `${input.responseId}.typed`,
      channel: input.channel,
      from: 'user',
      ephemeral: false,
      text: input.text,
    });
    this.add({ key: input.responseId, channel: input.channel, from: 'bot', ephemeral: true, hidden: true });
    this.slots.set(input.responseId, { messageKey: input.responseId, ackable: true, posts: 0 });
  }

  /** The bot's HTTP answer to the command: shown only if nothing came through the response_url before it. */
  ack(responseId: string, body: unknown): void {
    const slot = this.slots.get(responseId);
    const msg = slot && this.messages.get(slot.messageKey);
    if (!slot || !msg || !slot.ackable || !isObject(body) || !hasContent(body)) return;
    // Acked once: a second ack (Slack's retry) must not undo what came after the first.
    slot.ackable = false;
    this.set(msg, { ...this.content(body), ephemeral: body.response_type !== 'in_channel' });
  }

  /** A line from the sandbox itself (the bot did not answer, HTTP 500 …) in a pane. */
  notice(channel: string, text: string): void {
    this.add({ key: `n${++this.seq}`, channel, from: 'sandbox', ephemeral: true, text });
  }

  /**
   * The response_url id for a click on a message: the message's own key, so a replace_original
   * after the click acts on that message.
   */
  responseIdFor(messageKey: string): string | undefined {
    if (!this.messages.has(messageKey)) return undefined;
    if (!this.slots.has(messageKey)) this.slots.set(messageKey, { messageKey, ackable: false, posts: 0 });
    return messageKey;
  }

  /** A post to a response_url, in the order Slack received it. */
  responsePost(responseId: string, body: Record<string, unknown>): void {
    const slot = this.slots.get(responseId);
    if (!slot) return;
    slot.posts += 1;
    const original = this.messages.get(slot.messageKey);
    if (!original) return;
    if (body.delete_original === true) {
      slot.ackable = false;
      this.set(original, { deleted: true });
      return;
    }
    if (body.replace_original === true) {
      slot.ackable = false;
      // replace_original keeps the message's visibility in Slack.
      this.set(original, { ...this.content(body), hidden: false, deleted: false });
      return;
    }
    this.add({
      key: `${responseId}.${slot.posts}`,
      channel: original.channel,
      from: 'bot',
      ephemeral: body.response_type !== 'in_channel',
      ...this.content(body),
    });
  }

  /** A Web API call Slack carried out (refused ones change nothing). */
  apiCall(call: WorkspaceCall): void {
    const answer = call.answer;
    if (call.rateLimited || !answer || answer.ok !== true) return;
    const a = call.args;
    const channel = typeof a.channel === 'string' ? a.channel : '';
    switch (call.method) {
      case 'chat.postMessage':
        this.add({
          key: `m${++this.seq}`,
          channel,
          from: 'bot',
          ephemeral: false,
          ts: String(answer.ts),
          ...this.content(a),
        });
        return;
      case 'chat.postEphemeral':
        this.add({
          key: `m${++this.seq}`,
          channel,
          from: 'bot',
          ephemeral: true,
          ts: String(answer.message_ts),
          ...this.content(a),
        });
        return;
      case 'chat.update': {
        const msg = this.byTs(channel, String(a.ts));
        if (msg) this.set(msg, { ...this.content(a), edited: true });
        return;
      }
      case 'chat.delete': {
        const msg = this.byTs(channel, String(a.ts));
        if (msg) this.set(msg, { deleted: true });
        return;
      }
      case 'views.publish': {
        const view = isObject(answer.view) ? answer.view : {};
        const user = String(a.user_id);
        const prev = this.homes.get(user);
        const next = { id: String(view.id), view, errors: {}, version: (prev?.version ?? 0) + 1 };
        this.homes.set(user, next);
        this.emit({ type: 'home', user, view: next });
        return;
      }
      case 'views.open':
      case 'views.push': {
        const view = isObject(answer.view) ? answer.view : {};
        const entry = { id: String(view.id), view, errors: {}, version: 1 };
        this.modals = call.method === 'views.open' ? [entry] : [...this.modals, entry];
        this.emit({ type: 'modals', stack: [...this.modals] });
        return;
      }
      case 'views.update': {
        const view = isObject(answer.view) ? answer.view : {};
        this.replaceView(String(view.id), view);
        return;
      }
      default:
        return;
    }
  }

  /** The bot's answer to a view_submission, applied as Slack would. */
  submitted(viewId: string, ack: unknown): void {
    const i = this.modals.findIndex((v) => v.id === viewId);
    if (i < 0) return;
    const body = isObject(ack) ? ack : {};
    const current = this.modals[i]!;
    switch (body.response_action) {
      case 'errors':
        this.modals[i] = {
          ...current,
          errors: isObject(body.errors)
            ? Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)]))
            : {},
          version: current.version + 1,
        };
        break;
      case 'update':
        this.modals[i] = this.nextView(current, isObject(body.view) ? body.view : {});
        break;
      case 'push': {
        const view = { ...(isObject(body.view) ? body.view : {}), id: `VP${++this.seq}` };
        this.modals = [...this.modals, { id: String(view.id), view, errors: {}, version: 1 }];
        break;
      }
      case 'clear':
        this.modals = [];
        break;
      default:
        // A plain ack closes the submitted view (and anything pushed over it).
        this.modals = this.modals.slice(0, i);
    }
    this.emit({ type: 'modals', stack: [...this.modals] });
  }

  /** The user closed a view (Cancel, ×): it and anything above it go. */
  closed(viewId: string): void {
    const i = this.modals.findIndex((v) => v.id === viewId);
    if (i < 0) return;
    this.modals = this.modals.slice(0, i);
    this.emit({ type: 'modals', stack: [...this.modals] });
  }

  private replaceView(id: string, view: Record<string, unknown>): void {
    const i = this.modals.findIndex((v) => v.id === id);
    if (i >= 0) {
      this.modals[i] = this.nextView(this.modals[i]!, view);
      this.emit({ type: 'modals', stack: [...this.modals] });
      return;
    }
    for (const [user, home] of this.homes) {
      if (home.id !== id) continue;
      const next = this.nextView(home, view);
      this.homes.set(user, next);
      this.emit({ type: 'home', user, view: next });
    }
  }

  /** A view replaced in place keeps its id; its old field errors go with the old content. */
  private nextView(current: SandboxView, view: Record<string, unknown>): SandboxView {
    return { id: current.id, view: { ...view, id: current.id }, errors: {}, version: current.version + 1 };
  }

  private byTs(channel: string, ts: string): SandboxMessage | undefined {
    const pane = this.paneOf(channel);
    return [...this.messages.values()].find((m) => m.ts === ts && m.pane === pane && !m.deleted);
  }

  private content(body: Record<string, unknown>): Pick<SandboxMessage, 'text' | 'blocks'> {
    return {
      text: typeof body.text === 'string' ? body.text : '',
      blocks: Array.isArray(body.blocks) ? (body.blocks as unknown[]) : [],
    };
  }

  private add(
    m: Pick<SandboxMessage, 'key' | 'channel' | 'from' | 'ephemeral'> &
      Partial<Pick<SandboxMessage, 'ts' | 'text' | 'blocks' | 'hidden'>>,
  ): void {
    const msg: SandboxMessage = {
      key: m.key,
      pane: this.paneOf(m.channel),
      channel: m.channel,
      ts: m.ts ?? `${this.nowSeconds()}.${String(++this.seq).padStart(6, '0')}`,
      from: m.from,
      ephemeral: m.ephemeral,
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
      version: 1,
      order: ++this.order,
      hidden: m.hidden ?? false,
      edited: false,
      deleted: false,
    };
    this.messages.set(msg.key, msg);
    if (!msg.hidden) this.emit({ type: 'message', message: msg });
  }

  private set(msg: SandboxMessage, patch: Partial<SandboxMessage>): void {
    Object.assign(msg, patch, { version: msg.version + 1 });
    if (!patch.hidden) msg.hidden = false;
    this.emit({ type: 'message', message: { ...msg } });
  }

  private emit(change: WorkspaceChange): void {
    for (const fn of this.listeners) fn(change);
  }
}
