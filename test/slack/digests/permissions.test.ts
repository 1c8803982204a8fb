import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { createLogger } from '../../../src/shared/logger';
import { directRight, manageRight } from '../../../src/slack/digests/permissions';
import { createWorkspaceAdmins } from '../../../src/slack/workspace-admins';

const DIGEST = { createdBy: 'U0OWNER', teamId: 'T1' };
const admins = new Set(['U0ADMIN']);
const quiet = createLogger({ level: 'error', destination: { write: () => undefined } });

describe('digest permissions', () => {
  it('the creator and DIGEST_ADMINS need no lookup; others do; another workspace never', () => {
    assert.equal(directRight(DIGEST, { teamId: 'T1', userId: 'U0OWNER' }, admins), 'creator');
    assert.equal(directRight(DIGEST, { teamId: 'T1', userId: 'U0ADMIN' }, admins), 'digest-admin');
    assert.equal(directRight(DIGEST, { teamId: 'T1', userId: 'U0OTHER' }, admins), undefined);
    assert.equal(directRight(DIGEST, { teamId: 'T2', userId: 'U0OWNER' }, admins), undefined);
  });

  it('asks Slack only when the rule did not decide; a workspace admin may, anyone else may not', async () => {
    const isAdmin = sinon
      .stub<[string], Promise<boolean>>()
      .callsFake((u) => Promise.resolve(u === 'U0BOSS'));
    const managers = { digestAdmins: admins, workspaceAdmins: { isAdmin } };
    assert.equal(await manageRight(DIGEST, { teamId: 'T1', userId: 'U0OWNER' }, managers), 'creator');
    assert.equal(isAdmin.callCount, 0);
    assert.equal(await manageRight(DIGEST, { teamId: 'T1', userId: 'U0BOSS' }, managers), 'workspace-admin');
    assert.equal(await manageRight(DIGEST, { teamId: 'T1', userId: 'U0OTHER' }, managers), undefined);
    assert.equal(await manageRight(DIGEST, { teamId: 'T2', userId: 'U0BOSS' }, managers), undefined);
  });

  it('users.info: is_admin or is_owner grants, cached; a failed lookup never grants', async () => {
    const info = sinon.stub();
    info.withArgs({ user: 'U0OWN' }).resolves({ user: { is_owner: true } });
    info.withArgs({ user: 'U0ADM' }).resolves({ user: { is_admin: true } });
    info.withArgs({ user: 'U0LEE' }).resolves({ user: { is_admin: false } });
    info.withArgs({ user: 'U0ERR' }).rejects(new Error('missing_scope'));
    const lookup = createWorkspaceAdmins({ client: { users: { info } } as never, log: quiet });
    assert.equal(await lookup.isAdmin('U0OWN'), true);
    assert.equal(await lookup.isAdmin('U0ADM'), true);
    assert.equal(await lookup.isAdmin('U0LEE'), false);
    assert.equal(await lookup.isAdmin('U0ERR'), false);
    await lookup.isAdmin('U0ADM');
    assert.equal(info.withArgs({ user: 'U0ADM' }).callCount, 1);
  });
});
