/**
 * Slack request signing (v0): what Slack does to every request it sends. The sandbox page and the
 * tests sign with it so requests go through Bolt's real verification path.
 */
import { createHmac } from 'node:crypto';

/** Headers Slack would send for `rawBody` at `timestampSeconds`. */
export function slackSignatureHeaders(
  signingSecret: string,
  rawBody: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const base = `v0:${timestampSeconds}:${rawBody}`;
  const signature = `v0=${createHmac('sha256', signingSecret).update(base).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': signature };
}
