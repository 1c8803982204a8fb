/**
 * Request bodies shaped exactly as Slack sends them (as Slack's interactivity and slash-command documentation describes them), for the sandbox
 * page and the tests. Keeping every field Slack sends stops handlers relying on fields it omits.
 */

export interface SlashCommandInput {
  text: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  teamId?: string;
  command?: string;
  triggerId?: string;
}

/** A url-encoded slash-command body. */
export function slashCommandBody(input: SlashCommandInput): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: input.teamId ?? 'T0001',
    team_domain: 'acme',
    enterprise_id: '',
    enterprise_name: '',
    channel_id: input.channelId ?? 'C0123',
    channel_name: input.channelName ?? 'support-leads',
    user_id: input.userId ?? 'U0456',
    user_name: input.userName ?? 'lee',
    command: input.command ?? '/queue',
    text: input.text,
    api_app_id: 'A0789',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? '1234.5678.abcd',
  }).toString();
}

export interface BlockActionInput {
  actionId: string;
  blockId?: string;
  value?: string;
  /** For static_select / overflow. */
  selectedValue?: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  /** Ephemeral messages carry no `message` field (the default answer to a slash command). */
  ephemeral?: boolean;
  message?: Record<string, unknown>;
  /** The chosen option's text (default: its value). */
  selectedText?: string;
  /** A click on the App Home tab: a view container, no channel, no response_url. */
  home?: boolean;
}

/** A `payload=` form body for a button click or a select. */
export function blockActionsBody(input: BlockActionInput): string {
  const action: Record<string, unknown> =
    input.selectedValue !== undefined
      ? {
          type: 'static_select',
          action_id: input.actionId,
          block_id: input.blockId ?? 'nav',
          selected_option: {
            text: { type: 'plain_text', text: input.selectedText ?? input.selectedValue },
            value: input.selectedValue,
          },
          action_ts: '1732550001.000200',
        }
      : {
          type: 'button',
          action_id: input.actionId,
          block_id: input.blockId ?? 'nav',
          text: { type: 'plain_text', text: 'button' },
          value: input.value ?? '',
          action_ts: '1732550001.000200',
        };
  const ephemeral = input.ephemeral ?? true;
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: input.userId ?? 'U0456', username: 'lee', name: 'lee', team_id: 'T0001' },
    api_app_id: 'A0789',
    token: 'legacy-verification-token',
    trigger_id: '1234.5678.abcd',
    team: { id: 'T0001', domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    container: {
      type: 'message',
      message_ts: input.messageTs ?? '1732550000.000100',
      channel_id: input.channelId ?? 'C0123',
      is_ephemeral: ephemeral,
    },
    channel: { id: input.channelId ?? 'C0123', name: 'support-leads' },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [action],
  };
  if (input.home) {
    payload.container = { type: 'view', view_id: 'V0HOME' };
    payload.view = { id: 'V0HOME', type: 'home', blocks: [] };
    delete payload.channel;
    delete payload.response_url;
  } else if (!ephemeral)
    payload.message = input.message ?? { ts: input.messageTs ?? '1732550000.000100', text: '', blocks: [] };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ViewSubmissionInput {
  callbackId: string;
  /** `view.state.values`: block id → action id → the element's state. */
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  userId?: string;
  teamId?: string;
}

/** A `payload=` form body for a modal's submit (view_submission), from its state values alone. */
export function formSubmissionBody(input: ViewSubmissionInput): string {
  const teamId = input.teamId ?? 'T0001';
  const payload = {
    type: 'view_submission',
    team: { id: teamId, domain: 'acme' },
    user: { id: input.userId ?? 'U0456', username: 'lee', name: 'lee', team_id: teamId },
    api_app_id: 'A0789',
    token: 'legacy-verification-token',
    trigger_id: '1234.5678.efgh',
    view: {
      id: 'V0001',
      team_id: teamId,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      state: { values: input.values },
      hash: '1732550002.abcd',
      blocks: [],
      title: { type: 'plain_text', text: 'New digest' },
      app_id: 'A0789',
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The sandbox user, as Slack describes the user in interaction payloads. */
export interface PayloadUser {
  id: string;
  name: string;
}

const SANDBOX_USER: PayloadUser = { id: 'U0456', name: 'lee' };

/** Fields every interaction payload carries (user, team, app, token, a fresh trigger_id). */
function interactionBase(type: string, user: PayloadUser, triggerId: string): Record<string, unknown> {
  return {
    type,
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T0001' },
    api_app_id: 'A0789',
    token: 'legacy-verification-token',
    trigger_id: triggerId,
    team: { id: 'T0001', domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** One element's action as Slack reports it: type, ids, and the value or selection it carries. */
export interface ElementAction {
  type: string;
  action_id: string;
  block_id: string;
  [field: string]: unknown;
}

/** `view.state.values`: block_id → action_id → the element's current value. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

export interface MessageActionInput {
  action: ElementAction;
  message: {
    ts: string;
    channel: string;
    channelName?: string;
    ephemeral: boolean;
    text?: string;
    blocks?: unknown[];
  };
  state: StateValues;
  responseUrl: string;
  triggerId: string;
  user?: PayloadUser;
}

/**
 * A click (or a selection) on a message. An ephemeral message carries no `message` field, as in
 * Slack; a normal one carries the message the bot posted.
 */
export function messageActionBody(input: MessageActionInput): string {
  const m = input.message;
  const payload: Record<string, unknown> = {
    ...interactionBase('block_actions', input.user ?? SANDBOX_USER, input.triggerId),
    container: { type: 'message', message_ts: m.ts, channel_id: m.channel, is_ephemeral: m.ephemeral },
    channel: { id: m.channel, name: m.channelName ?? m.channel },
    state: { values: input.state },
    response_url: input.responseUrl,
    actions: [{ ...input.action, action_ts: actionTs() }],
  };
  if (!m.ephemeral)
    payload.message = {
      type: 'message',
      ts: m.ts,
      text: m.text ?? '',
      blocks: m.blocks ?? [],
      bot_id: 'B0BOT',
      user: 'U0BOT',
    };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A view as Slack sends it back in payloads: what the bot set, plus its state. */
export function viewPayload(view: Record<string, unknown>, state: StateValues): Record<string, unknown> {
  return {
    team_id: 'T0001',
    app_id: 'A0789',
    bot_id: 'B0BOT',
    private_metadata: '',
    callback_id: '',
    external_id: '',
    previous_view_id: null,
    root_view_id: view.id,
    ...view,
    state: { values: state },
  };
}

export interface ViewActionInput {
  action: ElementAction;
  view: Record<string, unknown>;
  state: StateValues;
  triggerId: string;
  user?: PayloadUser;
}

/** A click inside a modal or the Home tab: a view container, no channel and no response_url. */
export function viewActionBody(input: ViewActionInput): string {
  const payload = {
    ...interactionBase('block_actions', input.user ?? SANDBOX_USER, input.triggerId),
    container: { type: 'view', view_id: input.view.id },
    view: viewPayload(input.view, input.state),
    actions: [{ ...input.action, action_ts: actionTs() }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal submitted: its callback_id, private_metadata and the values of its inputs. */
export function viewSubmissionBody(input: {
  view: Record<string, unknown>;
  state: StateValues;
  triggerId: string;
  user?: PayloadUser;
}): string {
  const payload = {
    ...interactionBase('view_submission', input.user ?? SANDBOX_USER, input.triggerId),
    view: viewPayload(input.view, input.state),
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal closed with notify_on_close set. */
export function viewClosedBody(input: {
  view: Record<string, unknown>;
  state: StateValues;
  user?: PayloadUser;
}): string {
  const payload = {
    ...interactionBase('view_closed', input.user ?? SANDBOX_USER, ''),
    view: viewPayload(input.view, input.state),
    is_cleared: false,
  };
  delete (payload as { trigger_id?: string }).trigger_id;
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let eventSeq = 0;

/** The Home tab opened: an `app_home_opened` event (JSON), with the view shown when there is one. */
export function appHomeOpenedBody(input: {
  user?: string;
  dmChannel?: string;
  view?: Record<string, unknown>;
  nowSeconds?: number;
}): string {
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const n = ++eventSeq;
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0789',
    type: 'event_callback',
    event_id: `EvSANDBOX${String(n).padStart(6, '0')}`,
    event_time: now,
    authorizations: [{ team_id: 'T0001', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_home_opened',
      user: input.user ?? SANDBOX_USER.id,
      channel: input.dmChannel ?? 'D0001',
      tab: 'home',
      event_ts: `${now}.${String(n).padStart(6, '0')}`,
      ...(input.view ? { view: input.view } : {}),
    },
  });
}

function actionTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}000`;
}
