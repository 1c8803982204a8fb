import { strict as assert } from 'node:assert';
import { checkMessage } from '../../../src/slack/views/limits';
import { renderFetching } from '../../../src/slack/views/fetching';
import { groupQuery, HOSTILE_NAME, overviewQuery, rankingQuery, skillQuery } from '../../fixtures/reports';

describe('renderFetching', () => {
  it('names what is being fetched', () => {
    assert.equal(renderFetching(skillQuery('Billing')).text, ':hourglass_flowing_sand: Fetching *Billing*…');
    assert.equal(
      renderFetching(groupQuery('Tier 1')).text,
      ':hourglass_flowing_sand: Fetching group *Tier 1*…',
    );
    assert.equal(
      renderFetching(overviewQuery()).text,
      ':hourglass_flowing_sand: Fetching the queue overview…',
    );
    assert.equal(
      renderFetching(rankingQuery('load', 'groups')).text,
      ':hourglass_flowing_sand: Fetching agent groups by human load…',
    );
  });

  it('escapes the typed name and answers where the report will', () => {
    const m = renderFetching(skillQuery('Loyalty <Gold> & <!channel>'));
    assert.equal(m.text, ':hourglass_flowing_sand: Fetching *Loyalty &lt;Gold&gt; &amp; &lt;!channel&gt;*…');
    assert.equal(m.response_type, 'ephemeral');
    assert.equal(renderFetching(groupQuery()).response_type, 'in_channel');
  });

  it('stays within limits for a 300-character name', () => {
    const m = renderFetching(skillQuery(HOSTILE_NAME));
    assert.deepEqual(checkMessage(m), []);
    assert.ok(!m.text.includes('<!channel>'));
  });
});
