import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import { startSimulator, type Simulator } from '../../src/simulator';
import { ROUTING_DELAY_MS, routingDayOf, routingDayStart } from '../../src/simulator/routing';
import { ONLINE } from '../../src/simulator/shifts';
import { Simulation } from '../../src/simulator/simulation';
import { BUSY, NIGHT, allGroups, everything, http, type Group } from './helpers';

/** Human conversations waiting longer than the routing delay while an eligible human has a free slot. */
function violations(sim: Simulation, now: number): string[] {
  const snap = sim.snapshot(now);
  const { traffic, center } = sim;
  const out: string[] = [];
  traffic.routes.forEach((r, route) => {
    const free = r.humans.filter((a) => {
      const held = snap.agents[a]!;
      return held.state === ONLINE && held.assigned < center.agents[a]!.maxSlots;
    });
    if (free.length === 0) return;
    for (const o of snap.open) {
      if (o.c.route !== route || o.c.userType !== 'HUMAN' || o.agent >= 0) continue;
      const waited = now - o.queueSince;
      if (waited > ROUTING_DELAY_MS) {
        out.push(`${new Date(now).toISOString()} ${r.name}: waited ${waited} ms, agent ${free[0]} free`);
      }
    }
  });
  return out;
}

function humanBySkill(sim: Simulator, now: number): Promise<Group[]> {
  sim.setNow(now);
  return allGroups(http(sim), everything(now, { groupBy: 'skillId' }, { userTypes: ['HUMAN'] }));
}

describe('simulator: routing', () => {
  it('never keeps a human waiting while a human with the skill is online with a free slot (a whole day)', () => {
    const sim = new Simulation({ accountId: '13350576', seed: 42 });
    const day = Date.UTC(2026, 10, 25);
    const found: string[] = [];
    let waited = 0;
    // Every 2 minutes of the day, plus every 10 s around the 04:00 seam between routing days.
    const instants: number[] = [];
    for (let t = day; t < day + DAY_MS; t += 2 * MINUTE_MS) instants.push(t + 17_000);
    const seam = routingDayStart(routingDayOf(day + 12 * HOUR_MS));
    for (let t = seam - 10 * MINUTE_MS; t < seam + 10 * MINUTE_MS; t += 10_000) instants.push(t);
    for (const t of instants) {
      found.push(...violations(sim, t));
      waited += sim.snapshot(t).open.filter((o) => o.agent < 0 && o.c.userType === 'HUMAN').length;
    }
    assert.deepEqual(found.slice(0, 5), []);
    assert.ok(waited > 50, `the day has queues to check (${waited} waiting conversations seen)`);
  });

  it('holds over HTTP too: a skill with free human slots has nobody waiting beyond the routing delay', async () => {
    const sim = await startSimulator({ now: BUSY });
    try {
      for (let t = Date.UTC(2026, 10, 25, 6, 7); t < Date.UTC(2026, 10, 25, 22); t += 20 * MINUTE_MS) {
        for (const g of await humanBySkill(sim, t)) {
          const m = g.metrics;
          if (m.availableSlots! > 0 && m.unassignedConversations! > 0) {
            assert.ok(
              m.queueWaitTime90thPercentile! <= ROUTING_DELAY_MS,
              `${new Date(t).toISOString()} ${g.keyDescription}: ${m.unassignedConversations} waiting, ` +
                `p90 ${m.queueWaitTime90thPercentile} ms, ${m.availableSlots} free slots`,
            );
          }
        }
      }
    } finally {
      await sim.close();
    }
  });

  it('at the 11:00 peak one skill breaches its SLA with no free slot while another has free slots', async () => {
    const sim = await startSimulator({ now: BUSY });
    try {
      const groups = await humanBySkill(sim, BUSY);
      const sla = (key: string) => sim.center.skills.find((s) => s.id === key)?.slaMs ?? Infinity;
      const breached = groups.filter(
        (g) =>
          g.metrics.queueWaitTime90thPercentile! > Math.max(sla(g.key), 2 * MINUTE_MS) &&
          g.metrics.overdueConversationsInQueue! > 0 &&
          g.metrics.availableSlots === 0,
      );
      const healthy = groups.filter(
        (g) =>
          g.metrics.onlineAgents! > 0 &&
          g.metrics.availableSlots! > 0 &&
          g.metrics.queueWaitTime90thPercentile! <= ROUTING_DELAY_MS,
      );
      const show = groups.map(
        (g) =>
          `${g.keyDescription}: ${g.metrics.unassignedConversations} waiting, p90 ` +
          `${g.metrics.queueWaitTime90thPercentile}, ${g.metrics.availableSlots} free`,
      );
      assert.ok(breached.length >= 1, show.join('; '));
      assert.ok(healthy.length >= 1, show.join('; '));
      assert.ok(
        breached.some((g) => g.keyDescription === 'Billing'),
        'Billing is the understaffed skill',
      );
    } finally {
      await sim.close();
    }
  });

  it('at the quiet hour (03:00 UTC) only skills with nobody online have anyone waiting', async () => {
    const sim = await startSimulator({ now: NIGHT });
    try {
      for (let t = NIGHT - 30 * MINUTE_MS; t <= NIGHT + 30 * MINUTE_MS; t += 5 * MINUTE_MS) {
        const groups = await humanBySkill(sim, t);
        const staffed = groups.filter((g) => g.metrics.onlineAgents! > 0);
        assert.ok(staffed.length >= 4, 'the night team covers the core skills');
        for (const g of staffed) {
          assert.ok(
            g.metrics.unassignedConversations === 0 ||
              g.metrics.queueWaitTime90thPercentile! <= ROUTING_DELAY_MS,
            `${new Date(t).toISOString()} ${g.keyDescription}: ${g.metrics.unassignedConversations} waiting`,
          );
        }
        // The unstaffed ones (VIP, Billing Disputes, Onboarding at night) hold a few until patience runs out.
        const waiting = groups.reduce((a, g) => a + g.metrics.unassignedConversations!, 0);
        assert.ok(waiting <= 6, `${waiting} waiting at ${new Date(t).toISOString()}`);
      }
    } finally {
      await sim.close();
    }
  });

  it('joins routing days seamlessly: the lead-in replays the previous day as that day had it', () => {
    for (const seed of [42, 7]) {
      const sim = new Simulation({ accountId: '13350576', seed });
      const first = routingDayOf(Date.UTC(2026, 10, 16));
      let compared = 0;
      for (let day = first; day < first + 10; day++) {
        const own = new Map<string, string>();
        for (const list of sim.traffic.routedDay(day - 1).buckets.values()) {
          for (const c of list) own.set(`${c.route}:${c.start}`, JSON.stringify(c));
        }
        for (const c of sim.traffic.routedDay(day).leadIn) {
          // Only what is still open at the seam shares agents with the new day.
          if (c.closedAt <= routingDayStart(day)) continue;
          assert.equal(JSON.stringify(c), own.get(`${c.route}:${c.start}`), `seed ${seed}, day ${day}`);
          compared++;
        }
      }
      assert.ok(compared > 10, `${compared} conversations open across seams`);
    }
  });
});
