import { strict as assert } from 'node:assert';
import type { ReportQuery } from '../../../src/domain/query';
import { decodeButtonValue, encodeButtonValue } from '../../../src/slack/views/button-value';
import { groupQuery, lastHours, overviewQuery, rankingQuery, skillQuery } from '../../fixtures/reports';

describe('button values', () => {
  const queries: ReportQuery[] = [
    overviewQuery(),
    skillQuery('Returns & Exchanges "quoted" <Gold>'),
    groupQuery(),
    rankingQuery('csat', 'groups', 50),
    { ...skillQuery('vip', lastHours(24)), audience: 'humans' },
    skillQuery('since', { kind: 'since', hour: 8, minute: 30, day: 'yesterday' }),
    skillQuery('today', { kind: 'today' }),
    overviewQuery(),
    { ...overviewQuery(), window: { kind: 'yesterday' } },
  ];

  it('round-trips every kind of query with a page or an id', () => {
    for (const q of queries) {
      for (const extra of [{}, { p: 3 }, { id: '1005' }, { p: 1, id: '502' }]) {
        const value = { q, ...extra };
        const encoded = encodeButtonValue(value);
        assert.ok(encoded.length <= 2000);
        assert.deepEqual(decodeButtonValue(encoded), value);
      }
    }
  });

  it('is compact JSON', () => {
    const encoded = encodeButtonValue({ q: rankingQuery('queue'), p: 2 });
    assert.ok(encoded.length < 200, encoded);
    assert.deepEqual(Object.keys(JSON.parse(encoded)), ['q', 'p']);
  });

  it('shortens the typed name to stay within 2000 characters, keeping ids and the window', () => {
    const q = skillQuery('b'.repeat(5000));
    const encoded = encodeButtonValue({ q, id: '1001' });
    assert.ok(encoded.length <= 2000, String(encoded.length));
    const back = decodeButtonValue(encoded)!;
    assert.equal(back.id, '1001');
    assert.deepEqual(back.q.window, q.window);
    assert.ok(back.q.kind === 'skill' && back.q.name.length < 2000 && back.q.name.startsWith('bbb'));
    assert.equal(q.name.length, 5000, "the caller's query is not modified");
  });

  it('counts JSON escaping when it shortens', () => {
    const encoded = encodeButtonValue({ q: skillQuery('"\\'.repeat(1500)) });
    assert.ok(encoded.length <= 2000);
    assert.ok(decodeButtonValue(encoded));
  });

  it('shortens to a smaller budget when the view asks for one', () => {
    const q = skillQuery('c'.repeat(900));
    assert.ok(encodeButtonValue({ q, id: '1' }).length > 900);
    const small = encodeButtonValue({ q, id: '1' }, 500);
    assert.ok(small.length <= 500);
    assert.equal(decodeButtonValue(small)?.id, '1');
    assert.throws(() => encodeButtonValue({ q: overviewQuery() }, 20), RangeError);
  });

  it('never carries raw < > & (they travel as JSON unicode escapes)', () => {
    const q = skillQuery('<!channel> & <Gold>');
    const encoded = encodeButtonValue({ q });
    assert.ok(!/[<>&]/.test(encoded), encoded);
    assert.deepEqual(decodeButtonValue(encoded), { q });
  });

  it('refuses ids and pages that cannot be valid', () => {
    assert.throws(() => encodeButtonValue({ q: overviewQuery(), id: 'x'.repeat(101) }), RangeError);
    assert.throws(() => encodeButtonValue({ q: overviewQuery(), p: 0 }), RangeError);
    assert.throws(() => encodeButtonValue({ q: overviewQuery(), p: 1.5 }), RangeError);
  });

  describe('decoding garbage gives undefined', () => {
    interface Raw {
      q: Record<string, unknown> & { window?: Record<string, unknown> };
      p?: unknown;
      id?: unknown;
    }
    const good = encodeButtonValue({ q: rankingQuery('wait'), p: 2 });
    const mutate = (f: (v: Raw) => void): string => {
      const v = JSON.parse(good) as Raw;
      f(v);
      return JSON.stringify(v);
    };
    const cases: [string, unknown][] = [
      ['undefined', undefined],
      ['a number', 42],
      ['empty', ''],
      ['not JSON', '{q:'],
      ['JSON null', 'null'],
      ['an array', '[1,2]'],
      ['too long', 'x'.repeat(2001)],
      ['no query', '{"p":1}'],
      ['unknown kind', mutate((v) => (v.q.kind = 'agents'))],
      ['bad dimension', mutate((v) => (v.q.dimension = 'agents'))],
      ['bad metric', mutate((v) => (v.q.by = 'speed'))],
      ['top too big', mutate((v) => (v.q.top = 51))],
      ['top zero', mutate((v) => (v.q.top = 0))],
      ['page zero', mutate((v) => (v.p = 0))],
      ['page text', mutate((v) => (v.p = '2'))],
      ['window missing', mutate((v) => delete v.q.window)],
      ['window of an unknown kind', mutate((v) => (v.q.window = { kind: 'forever' }))],
      ['window in instants (an older button)', mutate((v) => (v.q.window = { from: 1, to: 2, label: 'x' }))],
      ['window length in text', mutate((v) => (v.q.window!.ms = '4h'))],
      ['window over 24 h', mutate((v) => (v.q.window!.ms = 25 * 3_600_000))],
      ['since hour 24', mutate((v) => (v.q.window = { kind: 'since', hour: 24, minute: 0, day: 'auto' }))],
      [
        'since day unknown',
        mutate((v) => (v.q.window = { kind: 'since', hour: 8, minute: 0, day: 'monday' })),
      ],
      ['public missing', mutate((v) => delete v.q.public)],
      ['audience unknown', mutate((v) => (v.q.audience = 'robots'))],
      ['id empty', mutate((v) => (v.id = ''))],
      ['id number', mutate((v) => (v.id = 1001))],
      ['skill without name', JSON.stringify({ q: { ...skillQuery(), name: undefined } })],
    ];
    for (const [what, raw] of cases) {
      it(what, () => assert.equal(decodeButtonValue(raw), undefined));
    }
  });

  it('drops unknown keys instead of passing them on', () => {
    const raw = JSON.stringify({ q: { ...overviewQuery(), evil: '<!channel>' }, extra: 1 });
    assert.deepEqual(decodeButtonValue(raw), { q: overviewQuery() });
  });
});
