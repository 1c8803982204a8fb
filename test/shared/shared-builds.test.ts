import { strict as assert } from 'node:assert';
import { SharedBuilds } from '../../src/shared/shared-builds';

/** A build the test drives: `arrive()` says its data is in, `finish(v)` ends it; `started` counts runs. */
function controlledBuild() {
  const c = {
    started: 0,
    arrive: (): void => assert.fail('the build has not started'),
    finish: (_v: string): void => assert.fail('the build has not started'),
    build: (fetched: () => void) => {
      c.started++;
      c.arrive = fetched;
      return new Promise<string>((resolve) => (c.finish = resolve));
    },
  };
  return c;
}

describe('SharedBuilds', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('joiners share the build and hear when its data arrived, before the build ends', async () => {
    const builds = new SharedBuilds<string>();
    const heard: string[] = [];
    const c = controlledBuild();
    const first = builds.run('k', c.build, () => heard.push('first'));
    await tick();
    const joiner = builds.run('k', c.build, () => heard.push('joiner'));
    assert.equal(c.started, 1);
    c.arrive();
    await tick();
    assert.deepEqual(heard.sort(), ['first', 'joiner'], 'both told while the build is still running');
    c.finish('answer');
    assert.deepEqual(await Promise.all([first, joiner]), ['answer', 'answer']);
    assert.equal(builds.size, 0);
  });

  it('a build that fails before its data arrived still ends every wait, and is not replayed', async () => {
    const builds = new SharedBuilds<string>();
    const heard: string[] = [];
    const failing = builds.run(
      'k',
      () => Promise.reject(new Error('LivePerson down')),
      () => heard.push('a'),
    );
    const joiner = builds.run(
      'k',
      () => Promise.resolve('never'),
      () => heard.push('b'),
    );
    await assert.rejects(failing, /LivePerson down/);
    await assert.rejects(joiner, /LivePerson down/);
    await tick();
    assert.deepEqual(heard.sort(), ['a', 'b']);
    assert.equal(
      await builds.run(
        'k',
        () => Promise.resolve('again'),
        () => undefined,
      ),
      'again',
    );
  });

  it('a joiner that comes after the data arrived, while the build still runs, hears at once', async () => {
    const builds = new SharedBuilds<string>();
    const c = controlledBuild();
    const first = builds.run('k', c.build, () => undefined);
    await tick();
    c.arrive();
    let heard = false;
    const late = builds.run(
      'k',
      () => Promise.resolve('never'),
      () => (heard = true),
    );
    await tick();
    assert.equal(heard, true);
    c.finish('answer');
    assert.deepEqual(await Promise.all([first, late]), ['answer', 'answer']);
  });

  it('the next build of a key has a signal of its own', async () => {
    const builds = new SharedBuilds<string>();
    await builds.run(
      'k',
      () => Promise.resolve('one'),
      () => undefined,
    );
    const c = controlledBuild();
    const second = builds.run('k', c.build, () => undefined);
    await tick();
    let heard = false;
    const joiner = builds.run(
      'k',
      () => Promise.resolve('never'),
      () => (heard = true),
    );
    await tick();
    assert.equal(heard, false, 'told only once this build has its data');
    c.arrive();
    await tick();
    assert.equal(heard, true);
    c.finish('two');
    assert.deepEqual(await Promise.all([second, joiner]), ['two', 'two']);
  });

  it('a signal that throws does not break the build', async () => {
    const builds = new SharedBuilds<string>();
    const answer = await builds.run(
      'k',
      (fetched) => {
        fetched();
        return Promise.resolve('fine');
      },
      () => {
        throw new Error('listener bug');
      },
    );
    assert.equal(answer, 'fine');
  });

  it('another key is built on its own', async () => {
    const builds = new SharedBuilds<string>();
    const [a, b] = await Promise.all([
      builds.run(
        'a',
        () => Promise.resolve('A'),
        () => undefined,
      ),
      builds.run(
        'b',
        () => Promise.resolve('B'),
        () => undefined,
      ),
    ]);
    assert.deepEqual([a, b], ['A', 'B']);
  });
});
