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

/** A `payload=` form body for a modal's submit (view_submission). */
export function viewSubmissionBody(input: ViewSubmissionInput): string {
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
