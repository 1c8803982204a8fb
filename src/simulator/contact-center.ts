/**
 * The synthetic account's configuration: skills, agent groups and agents.
 * The roster is fixed (independent of the seed) so other code and tests can rely on ids and
 * names; the seed drives only traffic and the day-to-day jitter of shifts.
 */

export type AgentType = 'HUMAN' | 'BOT';
export type AgentState = 'ONLINE' | 'AWAY' | 'BACK_SOON' | 'OFFLINE';

export interface Skill {
  id: string;
  name: string;
  deleted: boolean;
  /** Service level: a consumer waiting longer than this (queue or reply) is overdue. */
  slaMs: number;
  /** Conversations on an ordinary weekday. */
  dailyVolume: number;
  /** Share of the skill's conversations routed to bots (1 for the bot-only skill). */
  botShare: number;
}

export interface AgentGroup {
  id: string;
  name: string;
  /** Absent for the root group. */
  parentGroupId?: string;
  deleted: boolean;
}

/** A daily shift in UTC; bots have none (always online). */
export interface Shift {
  startMinute: number;
  lengthMinutes: number;
}

export interface Agent {
  id: string;
  name: string;
  nickname: string;
  loginName: string;
  type: AgentType;
  groupId: string;
  skillIds: string[];
  maxSlots: number;
  shift?: Shift;
}

/** The synthetic model: the account's configuration as Account Config would list it. */
export interface ContactCenter {
  accountId: string;
  /** Includes deleted skills (deleted: true), as Account Config does. */
  skills: Skill[];
  /** Includes deleted groups (deleted: true). */
  agentGroups: AgentGroup[];
  agents: Agent[];
}

/** LivePerson's id for "no skill"; KMM names it "NA". */
export const NO_SKILL_ID = '-1';
export const NO_SKILL_NAME = 'NA';
/** Conversations per weekday that arrive without a skill. */
export const NO_SKILL_DAILY_VOLUME = 24;
export const NO_SKILL_SLA_MS = 120_000;

const S = 1000;
const BASE_SKILLS: Skill[] = [
  { id: '1001', name: 'Billing', slaMs: 90 * S, dailyVolume: 760, botShare: 0 },
  { id: '1002', name: 'Sales', slaMs: 60 * S, dailyVolume: 420, botShare: 0.12 },
  { id: '1003', name: 'Tech Support - Hardware', slaMs: 180 * S, dailyVolume: 200, botShare: 0 },
  { id: '1004', name: 'Tech Support - Software', slaMs: 180 * S, dailyVolume: 300, botShare: 0 },
  { id: '1005', name: 'Returns & Exchanges', slaMs: 120 * S, dailyVolume: 240, botShare: 0 },
  { id: '1006', name: 'VIP', slaMs: 30 * S, dailyVolume: 90, botShare: 0 },
  { id: '1007', name: 'Loyalty <Gold>', slaMs: 60 * S, dailyVolume: 60, botShare: 0 },
  { id: '1008', name: 'Billing Disputes', slaMs: 240 * S, dailyVolume: 110, botShare: 0 },
  { id: '1009', name: 'Onboarding', slaMs: 120 * S, dailyVolume: 120, botShare: 0.2 },
  { id: '1010', name: 'Bot Triage', slaMs: 15 * S, dailyVolume: 700, botShare: 1 },
  { id: '1099', name: 'Legacy Billing', slaMs: 90 * S, dailyVolume: 0, botShare: 0, deleted: true },
].map((s) => ({ deleted: false, ...s }));

const GROUPS: AgentGroup[] = [
  // LivePerson's Main Group is always id -1, the root; its direct children name -1 as parent.
  { id: '-1', name: 'Main Group', deleted: false },
  { id: '502', name: 'Tier 1', parentGroupId: '-1', deleted: false },
  { id: '503', name: 'Tier 2', parentGroupId: '-1', deleted: false },
  { id: '504', name: 'Tier 1 Night', parentGroupId: '502', deleted: false },
  { id: '505', name: 'Billing Team', parentGroupId: '502', deleted: false },
  { id: '506', name: 'VIP Desk', parentGroupId: '503', deleted: false },
  { id: '507', name: 'Bots', parentGroupId: '-1', deleted: false },
  { id: '599', name: 'Old Team', deleted: true },
];

// prettier-ignore
const FIRST = [
  'Maya', 'Liam', 'Aisha', 'Noah', 'Sofia', 'Ethan', 'Priya', 'Lucas', 'Chloe', 'Mateo', 'Hana', 'Oliver',
  'Zara', 'Daniel', 'Amara', 'Leo', 'Ingrid', 'Samuel', 'Yuki', 'Omar', 'Elena', 'Jonas', 'Fatima', 'Ravi',
  'Grace', 'Tomás', 'Nadia', 'Felix', 'Leila', 'Marcus', 'Iris', 'Kofi', 'Clara', 'Diego', 'Mei', 'Hugo',
  'Anya', 'Tariq', 'Lena', 'Victor', 'Sara', 'Andre', 'Keiko', 'Pablo', 'Nora', 'Emeka', 'Julia', 'Arjun',
  'Rosa', 'Stefan', 'Layla', 'Theo', 'Bianca', 'Malik',
];
// prettier-ignore
const LAST = [
  'Chen', 'Okafor', 'Novak', 'Silva', 'Kowalski', 'Haddad', 'Tanaka', 'Müller', 'Rossi', 'Nguyen', 'Patel',
  'García', 'Johansson', 'Mensah', 'Dubois', 'Kim', 'Ali', 'Fischer', 'Santos', "O'Brien", 'Ivanova',
  'Moreau', 'Yilmaz', 'Larsen', 'Costa', 'Nakamura', 'Brennan', 'Adeyemi', 'Petrov', 'Lindqvist', 'Reyes',
  'Sato', 'Kaur', 'Weber', 'Bianchi', 'Hoang', 'Abebe', 'Svensson', 'Romero', 'Park', 'Farah', 'Horvat',
  'Mendes', 'Ito', 'Walsh', 'Schmidt', 'Osei', 'Lopez', 'Berg', 'Demir', 'Castro', 'Quinn', 'Varga',
  'Holm',
];
const BOT_NICKNAMES = ['Ava', 'Max', 'Iris', 'Otto', 'Pixel', 'Echo', 'Nova', 'Sage'];

interface Team {
  groupId: string;
  size: number;
  maxSlots: number;
  /** Shift start hours (UTC), cycled through the team. */
  starts: number[];
  skills: (i: number) => string[];
}

// Staffing follows the arrival curve: day teams cover 06:00–22:30 UTC, the night team the rest, so
// the core skills (Billing, Sales, Tech Support, Returns) always have someone logged in.
const TEAMS: Team[] = [
  { groupId: '-1', size: 2, maxSlots: 1, starts: [8, 11], skills: () => ['1001', '1002', '1006'] },
  {
    groupId: '502',
    size: 16,
    maxSlots: 3,
    starts: [6, 7, 8, 9, 10, 11, 12, 13],
    skills: (i) => [
      '1002',
      '1005',
      ...(i % 2 === 0 ? ['1001'] : []),
      ...(i % 2 === 1 ? ['1009'] : []),
      ...(i % 4 === 1 ? ['1004'] : []),
    ],
  },
  {
    groupId: '503',
    size: 10,
    maxSlots: 2,
    starts: [8, 9, 10, 11, 12],
    skills: (i) => ['1003', '1004', ...(i % 3 === 0 ? ['1008'] : [])],
  },
  {
    groupId: '504',
    size: 8,
    maxSlots: 3,
    starts: [21, 22, 23, 0],
    skills: (i) => [
      '1001',
      '1002',
      '1004',
      ...(i % 2 === 0 ? ['1005'] : []),
      ...(i % 4 === 1 ? ['1003'] : []),
    ],
  },
  {
    groupId: '505',
    size: 12,
    maxSlots: 1,
    starts: [7, 12, 8, 13, 12, 14, 13, 12, 7, 14, 13, 12],
    skills: (i) => ['1001', ...(i % 2 === 0 ? ['1008'] : [])],
  },
  {
    groupId: '506',
    size: 6,
    maxSlots: 2,
    starts: [8, 10, 12],
    skills: (i) => ['1006', '1007', ...(i % 2 === 0 ? ['1001'] : [])],
  },
];
const SHIFT_MINUTES = 8.5 * 60;
const BOT_COUNT = 8;
const BOT_SLOTS = 20;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function asciiLogin(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.');
}

/**
 * Names to use instead of the roster's own, by id: hostile-input tests seed skills, groups and
 * agents called `<!channel>` or 300 characters long without changing anything else of the model.
 */
export interface RosterNames {
  skills?: Readonly<Record<string, string>>;
  agentGroups?: Readonly<Record<string, string>>;
  agents?: Readonly<Record<string, string>>;
}

function renamed<T extends { id: string; name: string }>(
  items: T[],
  names: Readonly<Record<string, string>> | undefined,
  what: string,
): T[] {
  if (!names) return items;
  for (const id of Object.keys(names))
    if (!items.some((i) => i.id === id)) throw new Error(`No ${what} with id ${id} to rename.`);
  return items.map((i) => (names[i.id] === undefined ? i : { ...i, name: names[i.id]! }));
}

/**
 * Builds the roster; `extraSkills` adds small "Campaign NNN" skills (ids 2001…) for paging tests,
 * `names` renames skills, groups or agents by id.
 */
export function buildContactCenter(opts: {
  accountId: string;
  extraSkills?: number;
  names?: RosterNames;
}): ContactCenter {
  const extra = Math.max(0, Math.floor(opts.extraSkills ?? 0));
  const skills: Skill[] = BASE_SKILLS.map((s) => ({ ...s }));
  for (let k = 1; k <= extra; k++) {
    skills.push({
      id: String(2000 + k),
      name: `Campaign ${pad(k, 3)}`,
      deleted: false,
      slaMs: 120 * S,
      dailyVolume: 6,
      botShare: 0,
    });
  }

  const agents: Agent[] = [];
  let human = 0;
  for (const team of TEAMS) {
    for (let i = 0; i < team.size; i++, human++) {
      const first = FIRST[human % FIRST.length]!;
      const last = LAST[(human * 7) % LAST.length]!;
      const name = `${first} ${last}`;
      agents.push({
        id: String(7001 + agents.length),
        name,
        nickname: first,
        loginName: `${asciiLogin(name)}@example.com`,
        type: 'HUMAN',
        groupId: team.groupId,
        skillIds: team.skills(i),
        maxSlots: team.maxSlots,
        shift: { startMinute: team.starts[i % team.starts.length]! * 60, lengthMinutes: SHIFT_MINUTES },
      });
    }
  }
  for (let b = 0; b < BOT_COUNT; b++) {
    agents.push({
      id: String(7001 + agents.length),
      name: `Triage Bot ${pad(b + 1, 2)}`,
      nickname: BOT_NICKNAMES[b]!,
      loginName: `triage-bot-${pad(b + 1, 2)}@bots.example.com`,
      type: 'BOT',
      groupId: '507',
      skillIds: ['1010', b < BOT_COUNT / 2 ? '1002' : '1009'],
      maxSlots: BOT_SLOTS,
    });
  }

  // Campaign skills go to two Tier 1 agents each, spread round-robin.
  const tier1 = agents.filter((a) => a.groupId === '502');
  for (let k = 1; k <= extra; k++) {
    const id = String(2000 + k);
    tier1[(k - 1) % tier1.length]!.skillIds.push(id);
    tier1[(k + 4) % tier1.length]!.skillIds.push(id);
  }

  return {
    accountId: opts.accountId,
    skills: renamed(skills, opts.names?.skills, 'skill'),
    agentGroups: renamed(
      GROUPS.map((g) => ({ ...g })),
      opts.names?.agentGroups,
      'agent group',
    ),
    agents: renamed(agents, opts.names?.agents, 'agent'),
  };
}

/** The group and all its live descendants. */
export function groupWithDescendants(center: ContactCenter, groupId: string): string[] {
  const out = [groupId];
  for (let i = 0; i < out.length; i++) {
    for (const g of center.agentGroups) {
      if (!g.deleted && g.parentGroupId === out[i] && !out.includes(g.id)) out.push(g.id);
    }
  }
  return out;
}

/** The group and its ancestors, nearest first. */
export function groupWithAncestors(center: ContactCenter, groupId: string): string[] {
  const out = [groupId];
  let parent = center.agentGroups.find((g) => g.id === groupId)?.parentGroupId;
  while (parent !== undefined && !out.includes(parent)) {
    out.push(parent);
    parent = center.agentGroups.find((g) => g.id === parent)?.parentGroupId;
  }
  return out;
}
