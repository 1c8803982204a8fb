/**
 * The load side of the ack benchmark: Slack-signed slash commands fired at once over HTTP, each
 * timed from the moment it is sent to the moment its HTTP answer (the ack) has been read.
 */
import { slashCommandBody } from '../../src/sandbox/payloads';
import { slackSignatureHeaders } from '../../src/sandbox/sign';

export interface Ask {
  text: string;
  /** Where the app posts its answers (the fake Slack's response_url for this ask). */
  responseUrl: string;
  userId?: string;
  channelId?: string;
}

export interface AckSample {
  ms: number;
  status: number;
}

/** Sends one signed slash command to `eventsUrl`; resolves with its status and time to the ack. */
export async function sendCommand(eventsUrl: string, secret: string, ask: Ask): Promise<AckSample> {
  const body = slashCommandBody({
    text: ask.text,
    responseUrl: ask.responseUrl,
    ...(ask.userId ? { userId: ask.userId } : {}),
    ...(ask.channelId ? { channelId: ask.channelId } : {}),
  });
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    ...slackSignatureHeaders(secret, body),
  };
  const started = performance.now();
  const res = await fetch(eventsUrl, { method: 'POST', headers, body });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

/** Fires every ask at once (all sent in the same tick) and resolves when every ack is in. */
export function fireAll(eventsUrl: string, secret: string, asks: readonly Ask[]): Promise<AckSample[]> {
  return Promise.all(asks.map((ask) => sendCommand(eventsUrl, secret, ask)));
}

/** The q-th quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

/** p50 / p95 / p99 / max of the samples. */
export function percentiles(values: readonly number[]): Percentiles {
  return {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    max: Math.max(...values),
    n: values.length,
  };
}
