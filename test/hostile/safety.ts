/**
 * What "nothing unescaped" means, shared by the hostile-input tests: the markup Slack would act on
 * (`<!channel>`, `<@U…>`, `<https://…|…>`, `<#C…>`) or show as markup (`<b>`) appears in an answer
 * only when the bot wrote it itself, and every `&` in mrkdwn starts an entity.
 */
import { strict as assert } from 'node:assert';
import { checkMessage, checkView, type LimitViolation } from '../../src/slack/views/limits';

/** `<…>` the bot itself writes: dates, channel and user references it chose, and its own links. */
export const OWN_MARKUP =
  /<(?:!date\^\d+\^[^|>]*\|[^>]*|#C[A-Z0-9]+(?:\|[^>]*)?|@U[A-Z0-9]+|https:\/\/api\.slack\.com[^>]*)>/g;

/** Markup that, found raw, came from the input: a ping, a mention, a link, HTML-ish tags. */
export const RAW_MARKUP = [
  '<!channel',
  '<!here',
  '<!everyone',
  '<@U0123ABC',
  '<https://evil',
  '<b>',
  '<#C0123',
];

/** A Slack user id the bot never mentions on its own: found as `<@U123>`, it came from a name. */
export const FOREIGN_USER = 'U123';

/**
 * Why an mrkdwn text is unsafe, or undefined: a `<` or `>` left after the bot's own markup, or an
 * `&` that starts no entity (Slack would read `&lt;` typed by someone as `<`).
 */
export function mrkdwnProblem(text: string): string | undefined {
  const own = text.replace(OWN_MARKUP, (m) => (m === `<@${FOREIGN_USER}>` ? m : ''));
  const raw = /[<>]/.exec(own);
  if (raw)
    return `raw "${raw[0]}" near ${JSON.stringify(own.slice(Math.max(0, raw.index - 30), raw.index + 30))}`;
  const amp = /&(?!amp;|lt;|gt;)/.exec(own);
  if (amp)
    return `unescaped "&" near ${JSON.stringify(own.slice(Math.max(0, amp.index - 30), amp.index + 30))}`;
  // Escaping twice shows the entity itself to the reader ("&lt;b&gt;" for "<b>").
  const twice = /&amp;(?:lt|gt);/.exec(own);
  if (twice)
    return `escaped twice near ${JSON.stringify(own.slice(Math.max(0, twice.index - 30), twice.index + 30))}`;
  return undefined;
}

/**
 * Why a plain_text text is wrong, or undefined. The views escape plain text like mrkdwn (Slack
 * decodes the three entities in every text object), so the one mistake left is escaping twice.
 */
export function plainTextProblem(text: string): string | undefined {
  const m = /&amp;(?:lt|gt);/.exec(text);
  return m
    ? `escaped twice near ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`
    : undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every text object under `node`, with its path: `{type: 'mrkdwn' | 'plain_text', text}`. */
export function* textObjects(
  node: unknown,
  path = '',
): Generator<{ path: string; type: string; text: string }> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* textObjects(node[i], `${path}[${i}]`);
    return;
  }
  if (!isObj(node)) return;
  if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string')
    yield { path, type: node.type, text: node.text };
  for (const [k, v] of Object.entries(node)) if (typeof v === 'object') yield* textObjects(v, `${path}.${k}`);
}

/** Every problem of a message as Slack would get it: its limits, then the escaping of each text. */
export function messageProblems(message: Obj): string[] {
  const out = checkMessage(message).map(show);
  if (typeof message.text === 'string') {
    const p = mrkdwnProblem(message.text);
    if (p) out.push(`text: ${p}`);
  }
  out.push(...textProblems(message.blocks, 'blocks'));
  return out;
}

/** The same for a modal or Home tab view. */
export function viewProblems(view: Obj): string[] {
  return [...checkView(view).map(show), ...textProblems(view, 'view')];
}

function textProblems(node: unknown, where: string): string[] {
  const out: string[] = [];
  for (const t of textObjects(node, where)) {
    const p = t.type === 'mrkdwn' ? mrkdwnProblem(t.text) : plainTextProblem(t.text);
    if (p) out.push(`${t.path}: ${p}`);
  }
  return out;
}

const show = (v: LimitViolation) => `${v.path}: ${v.message}`;

/** Asserts the raw markup of RAW_MARKUP appears nowhere in `visible` but where the bot wrote it. */
export function assertNoRawMarkup(visible: string, what: string): void {
  const left = visible.replace(OWN_MARKUP, '');
  for (const raw of RAW_MARKUP) assert.ok(!left.includes(raw), `unescaped ${raw} for ${what}`);
}
