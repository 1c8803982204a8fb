/** Shared bits for the simulator tests: real HTTP with axios, never throwing on a status. */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { BY_TIME_METRICS, CURRENT_VALUE_METRICS } from '../../src/liveperson/contract/catalog';
import { HOUR_MS } from '../../src/domain/time';
import type { Simulator } from '../../src/simulator';

/** Wednesday 25 Nov 2026, 11:17 UTC: a busy late morning. */
export const BUSY = Date.UTC(2026, 10, 25, 11, 17);
/** The same day at 03:00 UTC. */
export const NIGHT = Date.UTC(2026, 10, 25, 3, 0);
export const ACCOUNT = '13350576';

export function http(sim: Simulator): AxiosInstance {
  return axios.create({ baseURL: sim.url, validateStatus: () => true, timeout: 5000 });
}

export function metricsPath(query = ''): string {
  return `/manager_workspace/api/account/${ACCOUNT}/metrics${query ? `?${query}` : ''}`;
}

/** A body asking for every metric over the hour before `now`. */
export function everything(
  now: number,
  over: Record<string, unknown> = {},
  filters: Record<string, unknown> = {},
) {
  return {
    filters: { time: { from: now - HOUR_MS, to: now }, ...filters },
    metricsToRetrieveByTime: [...BY_TIME_METRICS],
    metricsToRetrieveCurrentValue: [...CURRENT_VALUE_METRICS],
    ...over,
  };
}

export interface Group {
  key: string;
  keyDescription: string;
  metrics: Record<string, number>;
}

/** POSTs a metrics body and follows `next` links to collect every group. */
export async function allGroups(api: AxiosInstance, body: unknown, query = 'limit=50'): Promise<Group[]> {
  const out: Group[] = [];
  let url: string | undefined = metricsPath(query);
  while (url) {
    const res: AxiosResponse = await api.post(url, body);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.data)}`);
    out.push(...(res.data.groupBy.groups as Group[]));
    url = res.data.metadata.next?.href;
  }
  return out;
}

export function byKey(groups: Group[]): Map<string, Record<string, number>> {
  return new Map(groups.map((g) => [g.key, g.metrics]));
}
