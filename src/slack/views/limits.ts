/**
 * Slack's message limits, checked in one place. Views are built to fit; tests (and, cheaply,
 * production code before sending) run every message through `checkMessage`, because Slack answers
 * an oversized message with a bare `invalid_blocks` and the user sees nothing.
 */

import { isUnsealedValue } from '../action-ref';

export const LIMITS = {
  blocksPerMessage: 50,
  textObject: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  imageUrl: 3000,
  altText: 2000,
  imageTitle: 2000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 75,
  overflowOptions: 5,
  topLevelText: 4000,
  /** A Home tab or modal holds up to 100 blocks. */
  blocksPerView: 100,
  /** A modal's title, submit and close texts. */
  modalTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  /** A placeholder's text (every element that has one). */
  placeholder: 150,
  /** plain_text_input: max_length and min_length are at most this. */
  textInput: 3000,
  /** Radio buttons and checkboxes. */
  choiceOptions: 10,
  /** Undocumented: Slack answers `msg_blocks_too_long` near 13k characters of block JSON. */
  blocksJson: 12_000,
} as const;

export interface LimitViolation {
  /** Where, e.g. `blocks[3].fields[2].text`. */
  path: string;
  /** What is wrong, with the limit and the actual size. */
  message: string;
}

/** Anything shaped like a message: top-level text plus blocks. */
export interface MessageLike {
  text?: unknown;
  blocks?: unknown;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  readonly violations: LimitViolation[] = [];
  private readonly blockIds = new Set<string>();
  private readonly actionIds = new Set<string>();

  add(path: string, message: string): void {
    this.violations.push({ path, message });
  }

  maxLength(path: string, value: unknown, max: number, what: string): void {
    if (typeof value === 'string' && value.length > max) {
      this.add(path, `${what} is ${value.length} characters; Slack allows ${max}`);
    }
  }

  maxCount(path: string, list: unknown, max: number, what: string): void {
    if (Array.isArray(list) && list.length > max) {
      this.add(path, `${list.length} ${what}; Slack allows ${max}`);
    }
  }

  textObject(path: string, t: unknown, max: number = LIMITS.textObject, plainOnly = false): void {
    if (!isObj(t) || typeof t.text !== 'string') {
      this.add(path, 'text object without text');
      return;
    }
    if (t.type !== 'plain_text' && t.type !== 'mrkdwn')
      this.add(`${path}.type`, 'text type must be plain_text or mrkdwn');
    if (plainOnly && t.type !== 'plain_text') this.add(`${path}.type`, 'must be plain_text');
    if (t.text.length === 0) this.add(`${path}.text`, 'text is empty; Slack rejects empty text');
    this.maxLength(`${path}.text`, t.text, max, 'text');
  }

  actionId(path: string, el: Obj): void {
    if (el.action_id === undefined) return;
    if (typeof el.action_id !== 'string') {
      this.add(`${path}.action_id`, 'action_id must be a string');
      return;
    }
    this.maxLength(`${path}.action_id`, el.action_id, LIMITS.id, 'action_id');
    if (this.actionIds.has(el.action_id))
      this.add(`${path}.action_id`, `action_id '${el.action_id}' repeats`);
    this.actionIds.add(el.action_id);
  }

  /** `plainOnly`: a select's or an overflow's options (radio buttons and checkboxes may be mrkdwn). */
  option(path: string, o: unknown, plainOnly = false): void {
    if (!isObj(o)) {
      this.add(path, 'option is not an object');
      return;
    }
    this.textObject(`${path}.text`, o.text, LIMITS.optionText, plainOnly);
    if (!isUnsealedValue(o.value))
      this.maxLength(`${path}.value`, o.value, LIMITS.optionValue, 'option value');
  }

  element(path: string, el: unknown): void {
    if (!isObj(el)) {
      this.add(path, 'element is not an object');
      return;
    }
    this.actionId(path, el);
    switch (el.type) {
      case 'button':
        this.textObject(`${path}.text`, el.text, LIMITS.buttonText, true);
        if (!isUnsealedValue(el.value))
          this.maxLength(`${path}.value`, el.value, LIMITS.buttonValue, 'button value');
        this.maxLength(`${path}.url`, el.url, LIMITS.url, 'button url');
        break;
      case 'static_select':
      case 'multi_static_select': {
        const options: unknown[] = Array.isArray(el.options) ? (el.options as unknown[]) : [];
        const grouped = Array.isArray(el.option_groups)
          ? el.option_groups.flatMap((g) =>
              isObj(g) && Array.isArray(g.options) ? (g.options as unknown[]) : [],
            )
          : [];
        const all: unknown[] = [...options, ...grouped];
        this.maxCount(`${path}.options`, all, LIMITS.selectOptions, 'options');
        all.forEach((o, i) => this.option(`${path}.options[${i}]`, o, true));
        break;
      }
      case 'radio_buttons':
      case 'checkboxes': {
        const options: unknown[] = Array.isArray(el.options) ? (el.options as unknown[]) : [];
        if (options.length === 0) this.add(`${path}.options`, 'needs at least one option');
        this.maxCount(`${path}.options`, options, LIMITS.choiceOptions, 'options');
        options.forEach((o, i) => this.option(`${path}.options[${i}]`, o));
        break;
      }
      case 'overflow': {
        const options: unknown[] = Array.isArray(el.options) ? (el.options as unknown[]) : [];
        this.maxCount(`${path}.options`, options, LIMITS.overflowOptions, 'overflow options');
        options.forEach((o, i) => this.option(`${path}.options[${i}]`, o, true));
        break;
      }
      case 'image':
        this.image(path, el);
        break;
      case 'plain_text_input':
        this.textInput(path, el);
        break;
      default:
        break;
    }
    if (el.placeholder !== undefined)
      this.textObject(`${path}.placeholder`, el.placeholder, LIMITS.placeholder, true);
  }

  textInput(path: string, el: Obj): void {
    const bounded = (key: 'max_length' | 'min_length', min: number) => {
      const n = el[key];
      if (n === undefined) return;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > LIMITS.textInput)
        this.add(`${path}.${key}`, `${key} must be a whole number from ${min} to ${LIMITS.textInput}`);
    };
    bounded('max_length', 1);
    bounded('min_length', 0);
    const max =
      typeof el.max_length === 'number' ? Math.min(el.max_length, LIMITS.textInput) : LIMITS.textInput;
    if (typeof el.min_length === 'number' && el.min_length > max)
      this.add(`${path}.min_length`, `min_length ${el.min_length} is more than max_length ${max}`);
    // Slack does not say what it does with a longer one; the user could not save it as shown.
    this.maxLength(`${path}.initial_value`, el.initial_value, max, 'initial_value');
  }

  image(path: string, img: Obj): void {
    const hasUrl = img.image_url !== undefined;
    const hasFile = img.slack_file !== undefined;
    if (hasUrl === hasFile) this.add(path, 'an image needs exactly one of image_url or slack_file');
    this.maxLength(`${path}.image_url`, img.image_url, LIMITS.imageUrl, 'image_url');
    if (typeof img.alt_text !== 'string' || img.alt_text.length === 0)
      this.add(`${path}.alt_text`, 'alt_text is required');
    this.maxLength(`${path}.alt_text`, img.alt_text, LIMITS.altText, 'alt_text');
  }

  block(path: string, b: unknown): void {
    // Slack wants action_id unique within its block, not across the message.
    this.actionIds.clear();
    if (!isObj(b)) {
      this.add(path, 'block is not an object');
      return;
    }
    if (b.block_id !== undefined) {
      const id = typeof b.block_id === 'string' ? b.block_id : JSON.stringify(b.block_id);
      if (typeof b.block_id !== 'string') this.add(`${path}.block_id`, 'block_id must be a string');
      this.maxLength(`${path}.block_id`, id, LIMITS.id, 'block_id');
      if (this.blockIds.has(id)) this.add(`${path}.block_id`, `block_id '${id}' repeats`);
      this.blockIds.add(id);
    }
    switch (b.type) {
      case 'section': {
        if (b.text === undefined && b.fields === undefined) this.add(path, 'a section needs text or fields');
        if (b.text !== undefined) this.textObject(`${path}.text`, b.text);
        if (b.fields !== undefined) {
          const fields = Array.isArray(b.fields) ? b.fields : [];
          this.maxCount(`${path}.fields`, fields, LIMITS.sectionFields, 'fields');
          fields.forEach((f, i) => this.textObject(`${path}.fields[${i}]`, f, LIMITS.sectionField));
        }
        if (b.accessory !== undefined) this.element(`${path}.accessory`, b.accessory);
        break;
      }
      case 'header':
        this.textObject(`${path}.text`, b.text, LIMITS.headerText, true);
        break;
      case 'actions': {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length === 0) this.add(`${path}.elements`, 'an actions block needs elements');
        this.maxCount(`${path}.elements`, elements, LIMITS.actionsElements, 'elements');
        elements.forEach((e, i) => this.element(`${path}.elements[${i}]`, e));
        break;
      }
      case 'context': {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length === 0) this.add(`${path}.elements`, 'a context block needs elements');
        this.maxCount(`${path}.elements`, elements, LIMITS.contextElements, 'elements');
        elements.forEach((e, i) => {
          if (isObj(e) && e.type === 'image') this.image(`${path}.elements[${i}]`, e);
          else this.textObject(`${path}.elements[${i}]`, e);
        });
        break;
      }
      case 'input':
        this.textObject(`${path}.label`, b.label, LIMITS.inputLabel, true);
        if (b.hint !== undefined) this.textObject(`${path}.hint`, b.hint, LIMITS.inputLabel, true);
        if (!isObj(b.element)) this.add(`${path}.element`, 'an input block needs an element');
        else this.element(`${path}.element`, b.element);
        break;
      case 'image':
        this.image(path, b);
        if (b.title !== undefined) this.textObject(`${path}.title`, b.title, LIMITS.imageTitle, true);
        break;
      default:
        break;
    }
  }
}

/** Every way `msg` breaks Slack's limits; an empty list means Slack will accept it. */
export function checkMessage(msg: MessageLike): LimitViolation[] {
  const c = new Checker();
  if (typeof msg.text !== 'string' || msg.text.trim() === '') {
    c.add('text', 'top-level text is missing (notifications and screen readers need it)');
  } else {
    c.maxLength('text', msg.text, LIMITS.topLevelText, 'top-level text');
  }
  if (msg.blocks !== undefined) {
    if (!Array.isArray(msg.blocks)) {
      c.add('blocks', 'blocks must be a list');
    } else {
      c.maxCount('blocks', msg.blocks, LIMITS.blocksPerMessage, 'blocks');
      msg.blocks.forEach((b, i) => c.block(`blocks[${i}]`, b));
      const size = JSON.stringify(msg.blocks).length;
      if (size > LIMITS.blocksJson) {
        c.add('blocks', `blocks are ${size} characters of JSON; keep under ${LIMITS.blocksJson}`);
      }
    }
  }
  return c.violations;
}

/**
 * Every way a Home tab or modal view breaks Slack's limits (no top-level text; 100 blocks; a
 * modal's title, buttons, callback_id and private_metadata).
 */
export function checkView(view: {
  blocks?: unknown;
  type?: unknown;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  callback_id?: unknown;
  private_metadata?: unknown;
}): LimitViolation[] {
  const c = new Checker();
  if (view.type === 'modal') {
    c.textObject('title', view.title, LIMITS.modalTitle, true);
    if (view.submit !== undefined) c.textObject('submit', view.submit, LIMITS.modalTitle, true);
    if (view.close !== undefined) c.textObject('close', view.close, LIMITS.modalTitle, true);
    c.maxLength('callback_id', view.callback_id, LIMITS.id, 'callback_id');
    c.maxLength('private_metadata', view.private_metadata, LIMITS.privateMetadata, 'private_metadata');
  }
  if (!Array.isArray(view.blocks)) {
    c.add('blocks', 'a view needs a list of blocks');
  } else {
    c.maxCount('blocks', view.blocks, LIMITS.blocksPerView, 'blocks');
    view.blocks.forEach((b, i) => c.block(`blocks[${i}]`, b));
  }
  return c.violations;
}

export class SlackLimitError extends Error {
  override name = 'SlackLimitError';
  constructor(readonly violations: LimitViolation[]) {
    super(`Message breaks Slack limits: ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`);
  }
}

/** Throws SlackLimitError listing every violation, when there is any. */
export function assertWithinLimits(msg: MessageLike): void {
  const violations = checkMessage(msg);
  if (violations.length) throw new SlackLimitError(violations);
}
