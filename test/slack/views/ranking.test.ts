import { strict as assert } from 'node:assert';
import type { KmmResponse } from '../../../src/liveperson/contract/metrics-response';
import type { RankMetric } from '../../../src/domain/query';
import type { RankingReport } from '../../../src/domain/report';
import { checkMessage } from '../../../src/slack/views/limits';
import { renderRanking } from '../../../src/slack/views/ranking';
import { pageInfo } from '../../../src/domain/ranking-page';
import { renderReport } from '../../../src/slack/views/report';
import {
  allText,
  buttons,
  FETCHED_AT,
  headerText,
  HOSTILE_NAME,
  manyGroups,
  overviewResponse,
  pages,
  rankingQuery,
  sectionTexts,
  SOURCE,
  buildReport,
  refOf,
  windowAt,
} from '../../fixtures/reports';

function report(
  responses: KmmResponse | KmmResponse[],
  opts: {
    by?: RankMetric;
    top?: number;
    page?: number;
    dimension?: 'skills' | 'groups';
    rowsOffset?: number;
    truncated?: boolean;
  } = {},
): RankingReport {
  return buildReport({
    query: rankingQuery(opts.by ?? 'queue', opts.dimension ?? 'skills', opts.top ?? 10),
    responses,
    fetchedAt: FETCHED_AT,
    source: SOURCE,
    ...(opts.page ? { page: opts.page } : {}),
    ...(opts.rowsOffset !== undefined ? { rowsOffset: opts.rowsOffset } : {}),
    ...(opts.truncated !== undefined ? { truncated: opts.truncated } : {}),
  }) as RankingReport;
}

/** Row lines of a rendered page. */
function rowLines(blocks: Parameters<typeof sectionTexts>[0]): string[] {
  return sectionTexts(blocks, 'ranking_rows').flatMap((t) => t.split('\n'));
}

describe('ranking view', () => {
  it('lists rank, escaped name, value and status, worst first', () => {
    const m = renderReport(report(overviewResponse()));
    assert.equal(headerText(m.blocks), 'Skills by conversations waiting · last 1h');
    const lines = rowLines(m.blocks);
    assert.deepEqual(lines.slice(0, 4), [
      '1. :red_circle: *Tech Support - Hardware* — 12 waiting · _no free slots_',
      '2. :large_yellow_circle: *Billing* — 7 waiting · _p90 over the 2m target_',
      '3. :large_yellow_circle: *Loyalty &lt;Gold&gt;* — 5 waiting · _1+ overdue_',
      '4. :large_yellow_circle: *Returns &amp; Exchanges* — 5 waiting · _p90 over the 2m target_',
    ]);
    assert.equal(lines.length, 10); // top 10 per page
    assert.ok(allText(m.blocks).includes('Showing 1–10 of 11 skills · page 1 of 2'));
    assert.ok(
      m.text.includes(
        ' · Skills by conversations waiting · last 1h: 1. Tech Support - Hardware 12, 2. Billing 7',
      ),
    );
    assert.deepEqual(checkMessage(m), []);
  });

  it('shows — for a row without the metric, and labels the fallback wait field', () => {
    const groups = overviewResponse().groups.map((g) => {
      const { queueWaitTime90thPercentile: _p, ...rest } = g.metrics;
      return { ...g, metrics: rest };
    });
    const m = renderReport(report({ count: groups.length, links: {}, groups }, { by: 'wait', top: 20 }));
    assert.equal(headerText(m.blocks), 'Skills by avg wait · last 1h');
    assert.equal(rowLines(m.blocks).at(-1), '11. *Unnamed skill (1042)* — —');
  });

  it('names groups as groups', () => {
    const m = renderReport(
      report(pages(manyGroups(3, (i) => `Tier ${i}`)), { dimension: 'groups', by: 'load' }),
    );
    assert.equal(headerText(m.blocks), 'Agent groups (own agents) by human load · last 1h');
    assert.ok(allText(m.blocks).includes('Showing 1–3 of 3 groups'));
    assert.equal(buttons(m.blocks).length, 0);
  });

  it('says so when no row came back', () => {
    const m = renderReport(report({ count: 0, links: {}, groups: [] }));
    assert.ok(allText(m.blocks).includes('No skills returned data for this window.'));
    assert.deepEqual(checkMessage(m), []);
  });

  describe('paging 1,000 groups', () => {
    const responses = pages(manyGroups(1000));
    const base = report(responses);

    it("a wall-clock window's buttons carry the zone it was read in; a relative one's do not", () => {
      const since = {
        ...base.query,
        window: { kind: 'since' as const, hour: 8, minute: 0, day: 'auto' as const },
      };
      const zoned = buildReport({
        query: since,
        window: windowAt(since.window, [], 'Asia/Kathmandu'),
        responses,
        fetchedAt: FETCHED_AT,
        source: SOURCE,
      });
      const [next] = buttons(renderReport({ ...zoned, page: 1 } as RankingReport, { pageSize: 25 }).blocks);
      assert.deepEqual(refOf(next!.value), { kind: 'page', query: since, page: 2, zone: 'Asia/Kathmandu' });
      const [plain] = buttons(renderReport({ ...base, page: 1 }, { pageSize: 25 }).blocks);
      assert.equal((refOf(plain!.value) as { zone?: string }).zone, undefined);
    });

    it('says which rows it shows and offers Next only on the first page', () => {
      const m = renderReport({ ...base, page: 1 }, { pageSize: 25 });
      assert.ok(allText(m.blocks).includes('Showing 1–25 of 1,000 skills · page 1 of 40'));
      const [next, ...rest] = buttons(m.blocks);
      assert.equal(rest.length, 0);
      assert.equal(next!.action_id, 'qp:page:next');
      assert.deepEqual(refOf(next!.value), { kind: 'page', query: base.query, page: 2 });
    });

    it('offers Previous and Next in the middle and Previous only at the end', () => {
      const mid = buttons(renderReport({ ...base, page: 7 }, { pageSize: 25 }).blocks);
      assert.deepEqual(
        mid.map((b) => {
          const r = refOf(b.value);
          return [b.action_id, r?.kind === 'page' ? r.page : undefined];
        }),
        [
          ['qp:page:prev', 6],
          ['qp:page:next', 8],
        ],
      );
      const last = renderReport({ ...base, page: 40 }, { pageSize: 25 });
      assert.deepEqual(
        buttons(last.blocks).map((b) => b.action_id),
        ['qp:page:prev'],
      );
      assert.ok(allText(last.blocks).includes('Showing 976–1,000 of 1,000 skills · page 40 of 40'));
    });

    it('reaches every row exactly once by following Next', () => {
      for (const pageSize of [25, 50, 7]) {
        const seen: string[] = [];
        let page: number | undefined = 1;
        let guard = 0;
        while (page !== undefined && guard++ < 1000) {
          const m = renderReport({ ...base, page }, { pageSize });
          seen.push(...rowLines(m.blocks).map((l) => l.split('. ')[0]!));
          assert.deepEqual(checkMessage(m), [], `page ${page} of size ${pageSize}`);
          const next = buttons(m.blocks).find((b) => b.action_id === 'qp:page:next');
          const ref = next ? refOf(next.value) : undefined;
          page = ref?.kind === 'page' ? ref.page : undefined;
        }
        assert.equal(seen.length, 1000);
        assert.deepEqual(
          seen,
          Array.from({ length: 1000 }, (_, i) => String(i + 1)),
        );
      }
    });

    it('clamps a page past the end to the last page', () => {
      const m = renderReport({ ...base, page: 999 }, { pageSize: 25 });
      assert.ok(allText(m.blocks).includes('page 40 of 40'));
      assert.equal(rowLines(m.blocks).length, 25);
    });

    it('uses the query top as page size, at most 50', () => {
      assert.equal(rowLines(renderReport(report(responses, { top: 20 })).blocks).length, 20);
      assert.equal(rowLines(renderReport(base, { pageSize: 500 }).blocks).length, 50);
    });

    it('says when LivePerson has more keys than it would page through', () => {
      const capped = report(
        responses.map((p) => ({ ...p, count: 1200 })),
        { truncated: true },
      );
      const text = allText(renderReport(capped).blocks);
      assert.ok(
        text.includes('LivePerson reports 1,200 skills but its paging stops at 1,000; ranked those 1,000.'),
        text,
      );
      // Not truncated: no warning.
      assert.ok(!allText(renderReport(report(responses)).blocks).includes('paging stops'));
    });

    it('shows one page LivePerson sorted and paged: ranks continue from its offset', () => {
      // Page 3 of 25 per page: LivePerson returned keys 51..75 only, and says there are 1,000.
      const page3 = { ...responses[0]!, count: 1000, groups: manyGroups(25) };
      const r = report(page3, { top: 25, page: 3, rowsOffset: 50 });
      const lines = rowLines(renderReport(r).blocks);
      assert.equal(lines.length, 25);
      assert.match(lines[0]!, /^51\. /);
      assert.match(lines[24]!, /^75\. /);
      const text = allText(renderReport(r).blocks);
      assert.ok(text.includes('Showing 51–75 of 1,000 skills'), text);
      assert.ok(text.includes('page 3 of 40'));
    });

    it('a sorted ranking over more than 1000 keys pages through the 1000 LivePerson reaches', () => {
      const first = { ...responses[0]!, count: 1500, groups: manyGroups(10) };
      const r = report(first, { top: 10, rowsOffset: 0, truncated: true });
      const text = allText(renderReport(r).blocks);
      assert.ok(
        text.includes('Showing 1–10 of 1,000 groups') || text.includes('Showing 1–10 of 1,000 skills'),
        text,
      );
      assert.ok(text.includes('page 1 of 100'), text);
      assert.ok(text.includes('its paging stops at 1,000'), text);
      assert.ok(buttons(renderReport(r).blocks).some((b) => b.action_id === 'qp:page:next'));
    });
  });

  it('fits 50 rows of 300-character hostile names and a maximal chart on every page', () => {
    const groups = manyGroups(1000, (i) => `${HOSTILE_NAME.slice(0, 290)} ${i}`);
    const base = report(pages(groups), { top: 50 });
    const chart = {
      imageUrl: `https://quickchart.io/chart?c=${'x'.repeat(2960)}`,
      alt: `Ranking of ${HOSTILE_NAME}`.repeat(10),
      title: HOSTILE_NAME,
    };
    for (const page of [1, 2, 10, 20]) {
      const m = renderRanking({ ...base, page }, { chart });
      assert.deepEqual(checkMessage(m), [], `page ${page}`);
      assert.equal(rowLines(m.blocks).length, 50);
      const everything = allText(m.blocks) + m.text;
      assert.ok(!everything.includes('<!channel>'));
      assert.ok(m.blocks.some((b) => b.type === 'image'));
    }
  });
});

describe('ranking view size budget', () => {
  // Quotes and backslashes double in JSON, so 60-character names can outgrow the budget.
  const groups = manyGroups(50, (i) => `${'"\\'.repeat(150)} ${i}`);
  const base = report(pages(groups), { top: 50 });
  const nameWidth = (line: string): number => line.slice(line.indexOf('*') + 1, line.lastIndexOf('*')).length;

  it('keeps names at full width while they fit', () => {
    const m = renderRanking(base);
    assert.equal(nameWidth(rowLines(m.blocks)[0]!), 60);
    assert.deepEqual(checkMessage(m), []);
  });

  it('narrows names rather than break the budget when a big chart joins them', () => {
    const chart = {
      imageUrl: `https://q/${'x'.repeat(2990)}`,
      alt: '"'.repeat(1000),
      title: '"'.repeat(200),
    };
    const m = renderRanking(base, { chart });
    assert.ok(nameWidth(rowLines(m.blocks)[0]!) < 60);
    assert.equal(rowLines(m.blocks).length, 50);
    assert.deepEqual(checkMessage(m), []);
  });
});

describe('pageInfo', () => {
  it('computes bounds and clamps', () => {
    assert.deepEqual(pageInfo(1000, 1, 25), { page: 1, pages: 40, start: 0, end: 25, total: 1000 });
    assert.deepEqual(pageInfo(1000, 40, 25), { page: 40, pages: 40, start: 975, end: 1000, total: 1000 });
    assert.deepEqual(pageInfo(1001, 41, 25), { page: 41, pages: 41, start: 1000, end: 1001, total: 1001 });
    assert.deepEqual(pageInfo(0, 3, 25), { page: 1, pages: 1, start: 0, end: 0, total: 0 });
    assert.deepEqual(pageInfo(10, -2, 0), { page: 1, pages: 10, start: 0, end: 1, total: 10 });
  });
});
