import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

// Slack's schema (MIT, slackapi/manifest-schema), vendored so the test runs in any clone.
const schemaDir = join(__dirname, 'fixtures', 'slack-manifest-schema');
const manifest = parse(readFileSync(join(__dirname, '..', 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  const v1 = JSON.parse(readFileSync(join(schemaDir, 'manifest.schema.1.0.0.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(v1);

  it("validates against Slack's official manifest schema", () => {
    assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  });

  it('the schema check can fail: an over-long command is refused', () => {
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0].command = `/${'q'.repeat(40)}`;
    assert.equal(validate(broken), false);
  });

  it('declares /queue, the scopes the bot uses, interactivity and app_home_opened', () => {
    const cmd = manifest.features.slash_commands.find((c: { command: string }) => c.command === '/queue');
    assert.ok(cmd && cmd.description && cmd.usage_hint && cmd.url.endsWith('/slack/events'));
    assert.ok(cmd.command.length <= 32);
    assert.ok(manifest.display_information.name.length <= 35);
    assert.deepEqual([...manifest.oauth_config.scopes.bot].sort(), [
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'users:read',
    ]);
    assert.equal(manifest.settings.interactivity.is_enabled, true);
    assert.ok(manifest.settings.event_subscriptions.bot_events.includes('app_home_opened'));
    assert.equal(manifest.features.app_home.home_tab_enabled, true);
  });
});
