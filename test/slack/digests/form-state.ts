/**
 * `view.state.values` as Slack would send them for a digest form left as rendered: each input's
 * initial value read back the way Slack reports it (selected_option, selected_options,
 * selected_time, selected_conversation, value). Tests then change one field to make it invalid.
 */
import type { ModalView } from '@slack/types';

type Values = Record<string, Record<string, Record<string, unknown>>>;

export function stateOf(view: ModalView): Values {
  const out: Values = {};
  for (const block of view.blocks as unknown as Record<string, unknown>[]) {
    if (block.type !== 'input') continue;
    const el = block.element as Record<string, unknown>;
    const state: Record<string, unknown> = { type: el.type };
    switch (el.type) {
      case 'static_select':
      case 'radio_buttons':
        state.selected_option = el.initial_option ?? null;
        break;
      case 'checkboxes':
        state.selected_options = el.initial_options ?? [];
        break;
      case 'timepicker':
        state.selected_time = el.initial_time ?? null;
        break;
      case 'conversations_select':
        state.selected_conversation = el.initial_conversation ?? null;
        break;
      case 'plain_text_input':
        state.value = el.initial_value ?? null;
        break;
    }
    out[block.block_id as string] = { [el.action_id as string]: state };
  }
  return out;
}

/** Sets one field's state (block id, the state fields Slack sends for it). */
export function withField(values: Values, block: string, state: Record<string, unknown>): Values {
  const copy = structuredClone(values);
  copy[block] = { value: { ...copy[block]?.value, ...state } };
  return copy;
}

export const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
