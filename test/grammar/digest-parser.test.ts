import { strict as assert } from 'node:assert';
import { parseCommand } from '../../src/grammar/parser';

const BERLIN_WEEKDAYS = {
  kind: 'digest-add',
  channel: { kind: 'id', id: 'C123', name: 'leads' },
  days: { kind: 'weekdays' },
  hour: 17,
  minute: 0,
  zone: { kind: 'zone', zone: 'Europe/Berlin' },
  scope: { kind: 'skills', names: ['billing', 'sales'] },
  windowMs: 8 * 3_600_000,
  chart: true,
};

/** The usage message for `text`, failing when it parses. */
function refusal(text: string): string {
  const r = parseCommand(text);
  assert.equal(r.kind, 'usage', `${text} → ${JSON.stringify(r)}`);
  return (r as { message: string }).message;
}

describe('grammar: /queue digest', () => {
  it('reads the issue’s one-liner, channel escaped as Slack sends it', () => {
    assert.deepEqual(
      parseCommand('digest add <#C123|leads> weekdays 17:00 Europe/Berlin skill billing,sales window 8h'),
      BERLIN_WEEKDAYS,
    );
  });

  it('takes the parts in any order, with filler words and spaces after commas', () => {
    assert.deepEqual(
      parseCommand(
        'digest add skill billing, sales at 17:00 on weekdays in <#C123|leads> Europe/Berlin shift 8 hours',
      ),
      BERLIN_WEEKDAYS,
    );
  });

  it('defaults: current channel, every day, the user’s zone, the account, 8 h, a chart', () => {
    assert.deepEqual(parseCommand('digest add 09:30'), {
      kind: 'digest-add',
      channel: { kind: 'current' },
      days: { kind: 'daily' },
      hour: 9,
      minute: 30,
      zone: { kind: 'user' },
      scope: { kind: 'account' },
      windowMs: 8 * 3_600_000,
      chart: true,
    });
  });

  it('reads days: daily, weekends, mon,wed,fri, mon-fri, a wrapping range, every day', () => {
    const days = (text: string) => (parseCommand(`digest add 08:00 ${text}`) as { days: unknown }).days;
    assert.deepEqual(days('daily'), { kind: 'daily' });
    assert.deepEqual(days('every day'), { kind: 'daily' });
    assert.deepEqual(days('weekends'), { kind: 'weekends' });
    assert.deepEqual(days('mon,wed,fri'), { kind: 'days', days: [1, 3, 5] });
    assert.deepEqual(days('Mon, Wed, Fri'), { kind: 'days', days: [1, 3, 5] });
    assert.deepEqual(days('mon-fri'), { kind: 'weekdays' });
    assert.deepEqual(days('fri-mon'), { kind: 'days', days: [1, 5, 6, 7] });
    assert.deepEqual(days('sat,sun'), { kind: 'weekends' });
  });

  it('accepts 5pm and 5:30 pm as 17:00 and 17:30; channel as #name; zone in any case; chart off; humans', () => {
    const r = parseCommand(
      'digest add #support-leads 5:30 pm europe/berlin chart off humans group "Tier 1",Tier 2',
    );
    assert.deepEqual(r, {
      kind: 'digest-add',
      channel: { kind: 'name', name: 'support-leads' },
      days: { kind: 'daily' },
      hour: 17,
      minute: 30,
      zone: { kind: 'zone', zone: 'Europe/Berlin' },
      scope: { kind: 'groups', names: ['Tier 1', 'Tier 2'] },
      windowMs: 8 * 3_600_000,
      chart: false,
      audience: 'humans',
    });
    assert.equal((parseCommand('digest add 5pm') as { hour: number }).hour, 17);
    assert.deepEqual((parseCommand('digest add 07:00 UTC') as { zone: unknown }).zone, {
      kind: 'zone',
      zone: 'UTC',
    });
  });

  it('`add` alone opens the form; list, edit, remove, help', () => {
    assert.deepEqual(parseCommand('digest add'), { kind: 'digest-add-modal' });
    assert.deepEqual(parseCommand('digest'), { kind: 'digest-list' });
    assert.deepEqual(parseCommand('digest list'), { kind: 'digest-list' });
    assert.deepEqual(parseCommand('/queue digests list'), { kind: 'digest-list' });
    assert.deepEqual(parseCommand('digest remove k3x9q2'), { kind: 'digest-remove', id: 'k3x9q2' });
    assert.deepEqual(parseCommand('digest delete k3x9q2'), { kind: 'digest-remove', id: 'k3x9q2' });
    assert.deepEqual(parseCommand('digest edit k3x9q2'), { kind: 'digest-edit', id: 'k3x9q2' });
    assert.deepEqual(parseCommand('digest help'), { kind: 'digest-help' });
  });

  it('pause and resume one digest by id', () => {
    assert.deepEqual(parseCommand('digest pause k3x9q2'), {
      kind: 'digest-pause',
      id: 'k3x9q2',
      paused: true,
    });
    assert.deepEqual(parseCommand('digest resume k3x9q2'), {
      kind: 'digest-pause',
      id: 'k3x9q2',
      paused: false,
    });
    assert.deepEqual(parseCommand('digest Unpause k3x9q2'), {
      kind: 'digest-pause',
      id: 'k3x9q2',
      paused: false,
    });
    const usageOf = (text: string) => {
      const r = parseCommand(text);
      assert.equal(r.kind, 'usage', text);
      return (r as { message: string }).message;
    };
    assert.match(usageOf('digest pause'), /Which digest\? e\.g\. `\/queue digest pause k3x9q2`/);
    assert.match(usageOf('digest resume'), /`\/queue digest resume k3x9q2`/);
    assert.match(usageOf('digest pause k3x9q2 now'), /`\/queue digest pause k3x9q2` takes nothing after it/);
    assert.match(usageOf('digest pause <!channel>'), /isn't a digest id/);
    assert.match(usageOf('digest paus k3x9q2'), /did you mean `\/queue digest pause`\?/);
  });

  describe('says exactly what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['digest add weekdays 25:00', /“25:00” isn't a time of day: use HH:MM from 00:00 to 23:59/],
      ['digest add weekdays 17:75', /“17:75” isn't a time of day/],
      ['digest add weekdays 24:00', /“24:00” isn't a time of day/],
      ['digest add weekdays 17', /Write the time as HH:MM \(24 h\), e\.g\. `17:00` — not “17”/],
      ['digest add weekdays', /When should it post\? Add a time/],
      [
        'digest add 17:00 Europe/Berln',
        /I don't know the timezone “Europe\/Berln” — did you mean `Europe\/Berlin`\?/,
      ],
      [
        'digest add 17:00 Mars/Olympus_Mons',
        /I don't know the timezone “Mars\/Olympus_Mons”\. Use an IANA name/,
      ],
      ['digest add 17:00 EST', /“EST” is an abbreviation.*`America\/New_York`/],
      ['digest add 17:00 window 30h', /at most 24 h .*; 30 h is longer/],
      ['digest add 17:00 window 5m', /5 min is too short/],
      ['digest add 17:00 window', /How long a shift\?/],
      ['digest add 17:00 mon,wed,fry', /“fry” isn't a day/],
      ['digest add 17:00 mon-frii', /“frii” isn't a day/],
      ['digest add 17:00 weekdayz', /did you mean `weekdays`\?/],
      ['digest add 17:00 skill', /Which skills\?/],
      ['digest add 17:00 skill a group b', /One scope per digest/],
      ['digest add 17:00 18:00', /One time per digest: `17:00` or `18:00`/],
      ['digest add 17:00 UTC Europe/Berlin', /One timezone per digest/],
      ['digest add 17:00 daily weekends', /Name the days once/],
      ['digest add 17:00 <#C1|a> <#C2|b>', /One channel per digest/],
      ['digest add 17:00 <@U1|lee>', /A digest posts to a channel/],
      ['digest add 17:00 chart maybe', /`chart` takes `on` or `off`/],
      ['digest add 17:00 humans bots', /Pick one of `humans` or `bots`/],
      ['digest add 17:00 banana', /I didn't understand “banana” in a digest/],
      ['digest add 17:00 skill a,b,c,d,e,f,g,h,i,j,k', /at most 10 skills or groups \(that's 11\)/],
      ['digest remove', /Which digest\? e\.g\. `\/queue digest remove/],
      ['digest edit', /Which digest\? e\.g\. `\/queue digest edit/],
      ['digest remove k3 x', /takes nothing after it/],
      ['digest remove "a b"', /isn't a digest id/],
      ['digest lst', /I don't know “digest lst” — did you mean `\/queue digest list`\?/],
      ['digest list everything', /`\/queue digest list` takes nothing after it/],
    ];
    for (const [text, want] of cases) {
      it(`${text} → ${want.source.slice(0, 50)}`, () => assert.match(refusal(text), want));
    }
  });

  it('never throws on noise after `digest add`', () => {
    const pieces = [
      '17:00',
      'mon,',
      'skill',
      '"x',
      '<#C1|a>',
      'window',
      '8h',
      'chart',
      ',',
      'Europe/',
      '24:',
      'pm',
    ];
    for (let n = 0; n < 500; n++) {
      const words = Array.from({ length: 1 + (n % 7) }, (_, k) => pieces[(n * 7 + k * 5) % pieces.length]);
      const r = parseCommand(`digest add ${words.join(' ')}`);
      assert.ok(r.kind === 'usage' || r.kind === 'digest-add', `${words.join(' ')} → ${JSON.stringify(r)}`);
    }
  });
});
