import { strict as assert } from 'node:assert';
import { redact, redactPatterns, scrubKnown, secretForms } from '../../src/shared/redact';

/** Each [input, expected] through redactPatterns, with the input named on failure. */
function expectAll(cases: readonly (readonly [string, string])[]): void {
  for (const [input, expected] of cases) assert.equal(redactPatterns(input), expected, input);
}

describe('redact: known secret values', () => {
  it('scrubs each value as is, URL-encoded and JSON-escaped', () => {
    const s = 'p@ss w/rd"q"';
    const text = `raw ${s} url ${encodeURIComponent(s)} json ${JSON.stringify(s).slice(1, -1)}`;
    assert.equal(redact(text, [s]), 'raw [redacted] url [redacted] json [redacted]');
  });

  it('skips values shorter than 6 characters and empty ones', () => {
    assert.deepEqual(secretForms(['', 'a', 'abcde']), []);
    assert.equal(redact('abcde abcdef', ['abcde', 'abcdef']), 'abcde [redacted]');
  });

  it('replaces a secret that contains another one whole (longest first)', () => {
    const forms = secretForms(['secret-1', 'secret-1-and-more']);
    assert.equal(scrubKnown('x secret-1-and-more y secret-1', forms), 'x [redacted] y [redacted]');
  });
});

describe('redact: credential-looking text', () => {
  it('Slack tokens of every kind, anywhere in the text', () => {
    expectAll([
      ['bot xoxb-2211-3344-AbCdEfGh1234 end', 'bot [redacted] end'],
      ['user xoxp-5566-7788-9900-ZyXwVu987.', 'user [redacted].'],
      ['legacy xoxa-1-2 xoxo-3 xoxs-4-5 xoxr-6', 'legacy [redacted] [redacted] [redacted] [redacted]'],
      [
        'refresh xoxe-1-My0xLTE2MzQ1Njc4, rotated xoxe.xoxb-1-MS0y',
        'refresh [redacted], rotated xoxe.[redacted]',
      ],
      ['app xapp-1-A0123BCD-4455-0a1b2c3d4e5f', 'app [redacted]'],
      ['?token=xoxb-1-2-abc&x=1', '?token=[redacted]&x=1'],
      ['{"t":"xoxp-1-2-abc"}', '{"t":"[redacted]"}'],
      ['tokenxoxb-1-2-abc', 'token[redacted]'],
    ]);
  });

  it('leaves the bare prefixes that messages name (xoxb-, xapp-…)', () => {
    expectAll([
      ['a bot token starting with xoxb-.', 'a bot token starting with xoxb-.'],
      ['the app-level token (xapp-…)', 'the app-level token (xapp-…)'],
      ['xoxz-1-2 is not a Slack token kind', 'xoxz-1-2 is not a Slack token kind'],
    ]);
  });

  it('Bearer tokens in free text, at least 8 characters long', () => {
    expectAll([
      ['sent Bearer abc123def456 and failed', 'sent Bearer [redacted] and failed'],
      ['bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln==.', 'bearer [redacted].'],
      ['BEARER a/b+c~d_e-f.g1', 'BEARER [redacted]'],
      ['the bearer of bad news', 'the bearer of bad news'],
      ['bearer tokens expire', 'bearer tokens expire'],
    ]);
  });

  it('Authorization, Cookie and signature header values, to the end of the line or the quote', () => {
    expectAll([
      ['Authorization: Bearer abc.def.ghi\nnext line', 'Authorization: [redacted]\nnext line'],
      ['authorization="Basic dXNlcjpwYXNz" rest', 'authorization="[redacted]" rest'],
      ['Proxy-Authorization: Basic dXNlcg==', 'Proxy-Authorization: [redacted]'],
      ['Cookie: sid=1; other=2', 'Cookie: [redacted]'],
      ['set-cookie: sid=1; HttpOnly', 'set-cookie: [redacted]'],
      ['X-Slack-Signature: v0=a2114d57b48eac39', 'X-Slack-Signature: [redacted]'],
      // Escaped quotes do not end the value (it may contain some): the rest of the line goes.
      ['{\\"authorization\\":\\"Bearer x\\"} rest', '{\\"authorization\\":\\"[redacted]'],
      ['{"authorization":"Bearer x","accept":"json"}', '{"authorization":"[redacted]","accept":"json"}'],
    ]);
  });

  it('JSON, util.inspect and URL fields named like credentials, in any spelling', () => {
    expectAll([
      ['{"access_token":"at1","expires_in":3600}', '{"access_token":"[redacted]","expires_in":3600}'],
      [
        '{"refreshToken":"rt1","client_secret":"cs1"}',
        '{"refreshToken":"[redacted]","client_secret":"[redacted]"}',
      ],
      ['{\\"accessTokenSecret\\":\\"ats\\"}', '{\\"accessTokenSecret\\":\\"[redacted]\\"}'],
      [
        '{"bearer":"b1","csrf":"c1","password":"p1"}',
        '{"bearer":"[redacted]","csrf":"[redacted]","password":"[redacted]"}',
      ],
      ["{ access_token: 'at1', expires_in: 3600 }", "{ access_token: '[redacted]', expires_in: 3600 }"],
      ["{ 'api-key': 'k1', appSecret: 's1' }", "{ 'api-key': '[redacted]', appSecret: '[redacted]' }"],
      ['https://x.test/cb?access_token=at1&state=s', 'https://x.test/cb?access_token=[redacted]&state=s'],
      ['client_id=1&client_secret=cs1&code=c', 'client_id=1&client_secret=[redacted]&code=c'],
      ['token=abc at the start', 'token=[redacted] at the start'],
      ['oauth_signature="sig%3D", oauth_token="t"', 'oauth_signature="[redacted]", oauth_token="[redacted]"'],
    ]);
  });

  it('leaves fields whose names only contain a credential word', () => {
    const ordinary = [
      '{"tokens":3,"tokenCount":12,"token_type":"bearer","expires_in":3600}',
      "{ tokens: 3, tokenType: 'bearer', secretName: 'lp' }",
      'https://x.test/?tokens=3&mytoken=visible&csrf_ok=1',
      'queue "Sales": 4 waiting; password reset not supported; see the cookie policy',
    ];
    expectAll(ordinary.map((t) => [t, t] as const));
  });

  it('redact runs the known values first, then the patterns', () => {
    assert.equal(
      redact('key my-lp-secret-1 with Bearer abcdefgh12345', ['my-lp-secret-1']),
      'key [redacted] with Bearer [redacted]',
    );
  });
});

describe('redact: hostile input', function () {
  // A hang guard, not a speed target: a quadratic pattern takes minutes on these, linear ones
  // milliseconds (the speed itself is not measured here).
  this.timeout(10_000);

  it('long runs of what the patterns look for do not hang it, and still scrub', () => {
    const n = 200_000;
    const hostile = [
      '\\'.repeat(n),
      '\\'.repeat(n) + '"tok',
      '"'.repeat(n),
      'xoxb-' + 'a-'.repeat(n / 2),
      'Bearer '.repeat(n / 7),
      'authorization: ' + 'x'.repeat(n),
      'token=' + '&token='.repeat(n / 7),
      "'token': '".repeat(n / 10),
    ];
    for (const text of hostile) assert.equal(typeof redactPatterns(text), 'string');
    assert.match(redactPatterns('\\'.repeat(n) + '"token":"abc"'), /"token":"\[redacted\]"$/);
  });
});
