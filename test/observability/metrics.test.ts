/**
 * The metrics registry: one per container, so one process can build many bots (as the tests do)
 * without "already registered"; what one records is not in another's scrape.
 */
import { strict as assert } from 'node:assert';
import { createMetrics } from '../../src/observability/metrics';
import { parsePrometheusText } from './prometheus-text';

describe('metrics registry', () => {
  it('many in one process, each with its own counts', async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.livePerson.request('metrics', 'http_5xx', 0.2);
    a.livePerson.cache('kmm', true);
    a.livePerson.cache('kmm', false);
    a.livePerson.cache('kmm', false);
    a.livePerson.cache('kmm', false);
    const sa = parsePrometheusText(await a.registry.metrics());
    const sb = parsePrometheusText(await b.registry.metrics());
    const lp = 'queue_pulse_liveperson_requests_total';
    assert.equal(sa.value(lp, { method: 'metrics', outcome: 'http_5xx' }), 1);
    assert.equal(sb.value(lp, { method: 'metrics', outcome: 'http_5xx' }), 0);
    assert.equal(sa.value('queue_pulse_cache_hit_ratio', { cache: 'kmm' }), 0.25);
    assert.equal(sa.value('queue_pulse_cache_hit_ratio', { cache: 'directory' }), 0);
    assert.ok(sa.series('process_cpu_user_seconds_total').length === 1, "Node's process metrics too");
  });
});
