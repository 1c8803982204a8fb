/**
 * Small Block Kit builders that keep every piece within Slack's limits by construction.
 * Inputs are already-escaped mrkdwn; these functions only shape and cut.
 */
import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  ImageBlock,
  MrkdwnElement,
  SectionBlock,
} from '@slack/types';
import { escapeMrkdwn, truncate } from './mrkdwn';
import { LIMITS } from './limits';
import type { ReportChart } from './message';

/** alt_text is for screen readers: a summary, not the data; kept well inside Slack's 2000. */
export const MAX_ALT_TEXT = 1000;
export const MAX_IMAGE_TITLE = 200;

export function header(escaped: string): HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(escaped, LIMITS.headerText), emoji: true },
  };
}

export function mrkdwn(escaped: string): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(escaped, LIMITS.textObject) };
}

export function section(escaped: string, blockId?: string): SectionBlock {
  const block: SectionBlock = { type: 'section', text: mrkdwn(escaped) };
  if (blockId) block.block_id = blockId;
  return block;
}

/** A titled section of up to ten fields. */
export function fieldsSection(titleEscaped: string, fieldsEscaped: readonly string[]): SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(titleEscaped),
    fields: fieldsEscaped
      .slice(0, LIMITS.sectionFields)
      .map((f) => ({ type: 'mrkdwn', text: truncate(f, LIMITS.sectionField) })),
  };
}

/**
 * Lines of mrkdwn split over as many sections as their length needs, never cutting a line: a
 * long list stays complete instead of being truncated at 3000 characters.
 */
export function lineSections(lines: readonly string[], blockIdPrefix: string): SectionBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, LIMITS.textObject);
    if (current && current.length + 1 + line.length > LIMITS.textObject) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks.map((text, i) => section(text, `${blockIdPrefix}_${i}`));
}

export function context(elementsEscaped: readonly string[]): ContextBlock {
  return { type: 'context', elements: elementsEscaped.slice(0, LIMITS.contextElements).map(mrkdwn) };
}

export function button(
  textEscaped: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Button {
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text: truncate(textEscaped, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
  };
  if (style) b.style = style;
  return b;
}

export function actions(elements: ActionsBlockElement[], blockId: string): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, LIMITS.actionsElements) };
}

/**
 * The chart's image block; undefined when there is nothing to show or the URL is longer than
 * Slack accepts (a URL cannot be shortened without breaking it; the text still carries the data).
 * A Slack file wins over a URL when both are given: it is the private path.
 */
export function chartBlock(chart: ReportChart | undefined): ImageBlock | undefined {
  if (!chart) return undefined;
  const alt_text = truncate(escapeMrkdwn(chart.alt.trim() || chart.title.trim() || 'Chart'), MAX_ALT_TEXT);
  const titleText = truncate(escapeMrkdwn(chart.title.trim()), MAX_IMAGE_TITLE);
  const title = titleText ? { title: { type: 'plain_text' as const, text: titleText } } : {};
  if (chart.slackFileId) {
    return { type: 'image', block_id: 'chart', slack_file: { id: chart.slackFileId }, alt_text, ...title };
  }
  if (chart.imageUrl && chart.imageUrl.length <= LIMITS.imageUrl) {
    return { type: 'image', block_id: 'chart', image_url: chart.imageUrl, alt_text, ...title };
  }
  return undefined;
}

/** `<!date^…>`: Slack renders it in each reader's own timezone; the fallback is UTC text. */
export function slackDate(epochMs: number, format: string, fallbackUtc: string): string {
  return `<!date^${Math.floor(epochMs / 1000)}^${format}|${fallbackUtc}>`;
}

/** "2024-06-12 08:05 UTC": what clients that cannot localise show. */
export function utcText(epochMs: number, withSeconds = false): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}
