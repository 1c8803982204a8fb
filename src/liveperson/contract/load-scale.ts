/**
 * LP_LOAD_SCALE: LivePerson does not document whether loads are ratios or percentages (its examples
 * show 1.18 and 0.133). The client's answers are brought to ratios once, here at the edge.
 */
import type { KmmMetrics, KmmResponse } from './metrics-response';

/** Load metrics, whose scale LivePerson does not document (its examples show 1.18 and 0.133). */
export const LOAD_FIELDS = ['agentLoad', 'humanAgentLoad', 'humanOnlineLoad', 'humanAwayLoad'] as const;
/** `ratio`: 0.85 means 85 % (the examples' reading, and the simulator's); `percent`: 85 means 85 %. */
export type LoadScale = 'ratio' | 'percent';

/** One load value as a ratio (an agent_view record's agentLoad, say). */
export function loadAsRatio(value: number, scale: LoadScale): number {
  return scale === 'percent' ? value * 0.01 : value;
}

function scaleLoads(metrics: KmmMetrics, factor: number): KmmMetrics {
  const out = { ...metrics };
  for (const f of LOAD_FIELDS) {
    const v = out[f];
    if (v !== undefined) out[f] = v * factor;
  }
  return out;
}

/** Brings an answer's loads to ratios, so everything past the client reads one scale. */
export function loadsAsRatios<R extends KmmResponse>(response: R, scale: LoadScale): R {
  if (scale === 'ratio') return response;
  return {
    ...response,
    groups: response.groups.map((g) => ({ ...g, metrics: scaleLoads(g.metrics, 0.01) })),
    ...(response.all ? { all: scaleLoads(response.all, 0.01) } : {}),
  };
}
