import { strict as assert } from 'node:assert';
import type { KnownBlock } from '@slack/types';
import {
  ACTION_STATE_CODEC,
  actionId,
  decodeActionValue,
  dropUnsealed,
  encodeActionValue,
  kindOfActionId,
  needsSealing,
  parseActionRef,
  sealActionValues,
  type ActionRef,
  type StoredState,
} from '../../src/slack/action-ref';
import { MemoryRepository } from '../fixtures/memory-store';
import { groupQuery, rankingQuery, skillQuery } from '../fixtures/reports';
import { agentsQuery } from '../fixtures/agents';

const repo = () => new MemoryRepository<StoredState>(ACTION_STATE_CODEC);

const REFS: ActionRef[] = [
  { kind: 'pick', query: skillQuery('Returns & Exchanges "quoted" <Gold>'), id: '1005' },
  { kind: 'pick', query: { ...groupQuery('Tier 1'), audience: 'humans' }, id: '502' },
  {
    kind: 'pick',
    query: skillQuery('since', { kind: 'since', hour: 8, minute: 30, day: 'yesterday' }),
    id: '1',
  },
  { kind: 'pick', query: skillQuery('today', { kind: 'today' }), id: '1' },
  { kind: 'page', query: rankingQuery('csat', 'groups', 50), page: 3 },
  {
    kind: 'page',
    query: { ...rankingQuery('wait'), window: { kind: 'yesterday' }, audience: 'bots' },
    page: 1,
  },
  { kind: 'page', query: agentsQuery({ name: 'Returns & Exchanges <Gold>' }), page: 2 },
  {
    kind: 'page',
    query: agentsQuery({ of: 'group', name: 'Tier 1', audience: 'humans', public: true }),
    page: 1,
  },
  { kind: 'pick', query: agentsQuery({ of: 'group', name: 'tier' }), id: '502' },
];

function button(value: string, id = 'qp:pick:0'): KnownBlock {
  return {
    type: 'actions',
    block_id: 'b',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: id, value }],
  };
}
const valueOf = (blocks: KnownBlock[]) => (blocks[0] as { elements: { value: string }[] }).elements[0]!.value;

describe('action refs (button state)', () => {
  it('round-trips every kind of ref inline, versioned and compact', async () => {
    for (const ref of REFS) {
      const value = encodeActionValue(ref);
      assert.match(value, /^1\|/);
      assert.ok(value.length < 400, `${value.length} characters`);
      assert.deepEqual(await decodeActionValue(value, repo()), ref);
    }
  });

  it('never carries raw < > & in a value', () => {
    const value = encodeActionValue(REFS[0]!);
    assert.ok(!/[<>&]/.test(value), value);
  });

  it('state too big for its button goes to the store behind a short key, and comes back', async () => {
    const big: ActionRef = { kind: 'pick', query: skillQuery('b'.repeat(480)), id: '1001' };
    const marked = encodeActionValue(big, 300);
    assert.ok(needsSealing([button(marked)]));
    const store = repo();
    const blocks = [button(marked)];
    const sealed = await sealActionValues(blocks, store);
    const value = valueOf(sealed);
    assert.match(value, /^1@[\w-]{22}$/);
    assert.equal(valueOf(blocks), marked, 'the input blocks are not modified');
    assert.ok(!needsSealing(sealed));
    assert.deepEqual(await decodeActionValue(value, store), big);
    const ttl = [...store.data.values()][0]!.expiresAt! - Date.now();
    assert.ok(ttl > 13 * 24 * 3_600_000, 'kept about as long as LivePerson keeps the data');
  });

  it('identical state is one record: a burst of the same answer writes it once, other state gets its own', async () => {
    const big = (name: string): ActionRef => ({
      kind: 'pick',
      query: skillQuery(name.repeat(480)),
      id: '1001',
    });
    const store = repo();
    let writes = 0;
    const set = store.set.bind(store);
    store.set = (...args) => {
      writes++;
      return set(...args);
    };
    const sealOne = async (ref: ActionRef) =>
      valueOf(await sealActionValues([button(encodeActionValue(ref, 300))], store));
    const same = await Promise.all(Array.from({ length: 20 }, () => sealOne(big('b'))));
    assert.equal(new Set(same).size, 1, 'one key for one state');
    assert.equal(writes, 1, 'written once for the burst');
    const other = await sealOne(big('c'));
    assert.notEqual(other, same[0]);
    assert.equal(writes, 2);
    assert.deepEqual(await decodeActionValue(same[0], store), big('b'));
    assert.deepEqual(await decodeActionValue(other, store), big('c'));
  });

  it('a write that failed is not remembered: the next seal of that state writes it', async () => {
    const ref: ActionRef = { kind: 'pick', query: skillQuery('f'.repeat(480)), id: '1001' };
    const store = repo();
    const set = store.set.bind(store);
    store.set = () => Promise.reject(new Error('store is down'));
    await assert.rejects(sealActionValues([button(encodeActionValue(ref, 300))], store), /store is down/);
    store.set = set;
    const value = valueOf(await sealActionValues([button(encodeActionValue(ref, 300))], store));
    assert.deepEqual(await decodeActionValue(value, store), ref);
  });

  it('dropUnsealed leaves out only the buttons that needed the store, accessory ones too', () => {
    const marked = encodeActionValue({ kind: 'pick', query: skillQuery('b'.repeat(480)), id: '1' }, 300);
    const inline = encodeActionValue(REFS[0]!);
    const blocks: KnownBlock[] = [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Billing' },
        accessory: {
          type: 'button',
          text: { type: 'plain_text', text: 'x' },
          action_id: 'qp:pick:1',
          value: marked,
        },
      },
      button(marked),
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'a' }, action_id: 'qp:pick:2', value: inline },
          { type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: 'qp:pick:3', value: marked },
        ],
      },
    ];
    const kept = dropUnsealed(blocks);
    assert.deepEqual(
      kept.map((b) => b.type),
      ['section', 'actions'],
    );
    assert.equal((kept[0] as { accessory?: unknown }).accessory, undefined);
    assert.equal(valueOf(kept.slice(1)), inline);
    assert.equal((kept[1] as { elements: unknown[] }).elements.length, 1);
    assert.ok(!needsSealing(kept));
    assert.ok(needsSealing(blocks), 'the input is not modified');
  });

  it('leaves inline values alone when sealing', async () => {
    const value = encodeActionValue(REFS[4]!);
    const store = repo();
    assert.equal(valueOf(await sealActionValues([button(value)], store)), value);
    assert.equal(store.data.size, 0);
  });

  describe('anything that is not a current ref decodes to undefined', () => {
    const good = encodeActionValue(REFS[4]!);
    interface Raw {
      kind: unknown;
      page?: unknown;
      query: Record<string, unknown>;
    }
    const mutate = (f: (v: Raw) => void) => {
      const v = JSON.parse(good.slice(2)) as Raw;
      f(v);
      return `1|${JSON.stringify(v)}`;
    };
    const cases: [string, unknown][] = [
      ['undefined', undefined],
      ['a number', 42],
      ['empty', ''],
      ['over 2000 characters', `1|${'x'.repeat(2001)}`],
      ['not JSON', '1|{kind:'],
      ['no version', good.slice(2)],
      ['another version', `2|${good.slice(2)}`],
      ['the first bot version', JSON.stringify({ q: rankingQuery('wait'), p: 2 })],
      ['unknown kind', mutate((v) => (v.kind = 'delete-everything'))],
      ['page zero', mutate((v) => (v.page = 0))],
      ['page as text', mutate((v) => (v.page = '2'))],
      ['bad metric', mutate((v) => (v.query.by = 'speed'))],
      ['top 51', mutate((v) => (v.query.top = 51))],
      ['window in instants', mutate((v) => (v.query.window = { from: 1, to: 2, label: 'x' }))],
      ['window over 24 h', mutate((v) => (v.query.window = { kind: 'last', ms: 25 * 3_600_000 }))],
      [
        'since hour 24',
        mutate((v) => (v.query.window = { kind: 'since', hour: 24, minute: 0, day: 'auto' })),
      ],
      ['audience unknown', mutate((v) => (v.query.audience = 'robots'))],
      ['public missing', mutate((v) => delete v.query.public)],
      ['pick without id', `1|${JSON.stringify({ kind: 'pick', query: skillQuery('x') })}`],
      ['pick with an empty name', `1|${JSON.stringify({ kind: 'pick', query: skillQuery(''), id: '1' })}`],
      ['a zone that is not one', mutate((v) => Object.assign(v, { zone: 'Not/AZone' }))],
      [
        'a shift over 24 h',
        `1|${JSON.stringify({ kind: 'pick', query: skillQuery('x', { kind: 'shift', ms: 25 * 3_600_000, hour: 17, minute: 0 }), id: '1' })}`,
      ],
      [
        'agents of a team',
        `1|${JSON.stringify({ kind: 'page', query: agentsQuery({ of: 'team' as 'group' }), page: 2 })}`,
      ],
      [
        'agents of nobody',
        `1|${JSON.stringify({ kind: 'page', query: agentsQuery({ name: '' }), page: 2 })}`,
      ],
      [
        'agents without whose',
        `1|${JSON.stringify({ kind: 'page', query: { ...agentsQuery(), of: undefined }, page: 2 })}`,
      ],
      [
        'a page of a skill report',
        `1|${JSON.stringify({ kind: 'page', query: skillQuery('billing'), page: 2 })}`,
      ],
      ['a stored key that is not there', '1@abcdefghijklmnop'],
      ['a stored key of odd characters', '1@../../etc/passwd'],
    ];
    for (const [what, raw] of cases) {
      it(what, async () => assert.equal(await decodeActionValue(raw, repo()), undefined));
    }
  });

  it('drops unknown fields instead of passing them on', () => {
    const ref = REFS[4] as Extract<ActionRef, { kind: 'page' }>;
    const raw = { ...ref, evil: '<!channel>', query: { ...ref.query, extra: 1 } };
    assert.deepEqual(parseActionRef(raw), REFS[4]);
  });

  it('names its action ids qp:<kind>[:n] and reads the kind back', () => {
    assert.equal(actionId('pick', 3), 'qp:pick:3');
    assert.equal(actionId('page', 'next'), 'qp:page:next');
    assert.equal(kindOfActionId('qp:pick:3'), 'pick');
    assert.equal(kindOfActionId('qp:page'), 'page');
    for (const id of ['page_next', 'pick_skill_0', 'qp:nope:1', 'qp:', 'qp:pick:' + 'x'.repeat(60)]) {
      assert.equal(kindOfActionId(id), undefined, id);
    }
  });
});
