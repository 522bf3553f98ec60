import { describe, expect, it } from '@jest/globals';
import {
  codePoints,
  escapeCell,
  escapeHtml,
  escapeHtmlAttr,
  escapeMarkdown,
  inlineCode,
  neutralizeMentions,
  plainText,
  redactSecrets,
  stripControl,
  truncate,
} from '../../src/report/escape.js';
import { CALLBACK_URL, RESOURCE_ID, SECRET_SIG, SUBSCRIPTION_ID } from './fixtures.js';

describe('redactSecrets', () => {
  it('replaces the sig parameter of a callback URL and keeps the rest', () => {
    const out = redactSecrets(`URL: ${CALLBACK_URL} end`);
    expect(out).not.toContain(SECRET_SIG);
    expect(out).toContain('&sv=1.0&sig=REDACTED end');
    expect(out).toContain('api-version=2016-06-01');
  });
  it('stops the value at the next parameter and handles ?sig=, upper case, encoded and JSON-escaped forms', () => {
    expect(redactSecrets('https://x/y?sig=AbC%2Bd%3D&se=2030')).toBe('https://x/y?sig=REDACTED&se=2030');
    expect(redactSecrets('…&SIG=topsecret"')).toBe('…&SIG=REDACTED"');
    expect(redactSecrets('a%26sig%3Dtopsecret')).toBe('a%26sig%3DREDACTED');
    expect(redactSecrets('"x\\u0026sig=topsecret\\u0026sp=1"')).toBe('"x\\u0026sig=REDACTED\\u0026sp=1"');
  });
  it('does not touch words that merely end in sig', () => {
    expect(redactSecrets('config=1 designsig=2')).toBe('config=1 designsig=2');
  });
  it('redacts the subscription id and resource group of Azure resource ids', () => {
    const out = redactSecrets(`see ${RESOURCE_ID}.`);
    expect(out).toBe('see /subscriptions/REDACTED/resourceGroups/REDACTED/providers/Microsoft.Logic/workflows/wf1.');
    expect(redactSecrets(`/subscriptions/${SUBSCRIPTION_ID.toUpperCase()}/resourcegroups/RG1`)).toBe(
      '/subscriptions/REDACTED/resourcegroups/REDACTED',
    );
    expect(redactSecrets(`/subscriptions/${SUBSCRIPTION_ID}`)).toBe('/subscriptions/REDACTED');
  });
  it('is idempotent', () => {
    const once = redactSecrets(`${CALLBACK_URL} ${RESOURCE_ID}`);
    expect(redactSecrets(once)).toBe(once);
  });
});

describe('stripControl / truncate / plainText', () => {
  it('turns newlines and tabs into single spaces and drops control and bidi characters', () => {
    expect(stripControl('a\r\nb\tc\u0000d\u001b[31me\u202eF\u2066')).toBe('a b cd[31meF');
    expect(stripControl('  x \n\n y ')).toBe('x y');
  });
  it('cuts on code points, not UTF-16 units', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('abc', 3)).toBe('abc');
  });
  it('plainText redacts before it cuts, so a cut cannot reveal part of a secret', () => {
    const out = plainText(`x sig=${SECRET_SIG}${'y'.repeat(50)}`, 12);
    expect(out).toBe('x sig=REDAC…');
    expect(out).not.toContain('abc');
  });
});

describe('escapeMarkdown', () => {
  it('encodes HTML so tags are shown, not rendered', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('a & b')).toBe('a &amp; b');
  });
  it('backslash-escapes Markdown punctuation, including table pipes', () => {
    expect(escapeMarkdown('**bold** _i_ [l](u) `c` | ~s~ # ! + - .')).toBe(
      '\\*\\*bold\\*\\* \\_i\\_ \\[l\\]\\(u\\) \\`c\\` \\| \\~s\\~ \\# \\! \\+ \\- \\.',
    );
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });
  it('neutralises mentions and issue references with a zero-width space', () => {
    expect(escapeMarkdown('@octocat and @org/team')).toBe('@\u200boctocat and @\u200borg/team');
    expect(escapeMarkdown('fixes #123 and GH-4')).toBe('fixes \\#\u200b123 and GH\\-\u200b4');
    expect(escapeMarkdown('mail a@b')).toBe('mail a@\u200bb');
  });
  it('puts everything on one line and caps the length', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three');
    const long = escapeMarkdown('x'.repeat(500), 10);
    expect(long).toBe(`${'x'.repeat(9)}…`);
    expect(escapeMarkdown('x'.repeat(500)).length).toBe(200);
  });
  it('redacts secrets itself', () => {
    expect(escapeMarkdown(CALLBACK_URL, 1000)).not.toContain(SECRET_SIG);
  });
});

describe('inlineCode', () => {
  it('wraps plain text in single backticks', () => {
    expect(inlineCode('solutions/a.zip')).toBe('`solutions/a.zip`');
  });
  it('uses a longer fence than any backtick run inside, padding when the text starts or ends with one', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('a``b`')).toBe('``` a``b` ```');
    expect(inlineCode('`x')).toBe('`` `x ``');
  });
  it('escapes pipes only for table cells, and strips newlines', () => {
    expect(inlineCode('a|b')).toBe('`a|b`');
    expect(inlineCode('a|b', { table: true })).toBe('`a\\|b`');
    expect(inlineCode('a\nb')).toBe('`a b`');
  });
  it('never returns an empty code span', () => {
    expect(inlineCode('')).toBe('` `');
    expect(inlineCode('\n\t')).toBe('` `');
  });
  it('redacts secrets', () => {
    expect(inlineCode(CALLBACK_URL, { maxLength: 1000 })).toContain('sig=REDACTED');
  });
});

describe('escapeHtml / escapeHtmlAttr / neutralizeMentions', () => {
  it('escapes attribute delimiters', () => {
    expect(escapeHtmlAttr(`"><script>'x'\``)).toBe('&quot;&gt;&lt;script&gt;&#39;x&#39;&#96;');
  });
  it('escapes element text without Markdown backslashes', () => {
    expect(escapeHtml('<b>*x*</b> @me')).toBe('&lt;b&gt;*x*&lt;/b&gt; @\u200bme');
  });
  it('leaves e-mail-free text alone', () => {
    expect(neutralizeMentions('no mention # here')).toBe('no mention # here');
  });
});

describe('escapeCell', () => {
  it('keeps a short text as escapeMarkdown gives it', () => {
    expect(escapeCell("input 'text_2' added (required)")).toBe(escapeMarkdown("input 'text_2' added (required)"));
  });

  it('cuts at a word boundary with an ellipsis, within the limit of escaped characters', () => {
    const out = escapeCell('alpha beta gamma delta epsilon', 20);
    expect(out).toBe('alpha beta gamma…');
    expect(codePoints(out)).toBeLessThanOrEqual(20);
  });

  it.each([
    ['escapes', '_*[]()#+-.!|~`\\'.repeat(30)],
    ['entities', '<&>'.repeat(60)],
    ['mentions', '@octocat #12 '.repeat(20)],
    ['astral', '😀a'.repeat(100)],
  ])('never cuts inside an escape sequence, an entity or a surrogate pair (%s)', (_name, text) => {
    for (const max of [7, 20, 57, 120]) {
      const out = escapeCell(text, max);
      expect(codePoints(out)).toBeLessThanOrEqual(max);
      expect(out.endsWith('…')).toBe(true);
      const head = out.slice(0, -1);
      // What precedes the ellipsis is the escaping of a prefix of the text: re-escaping is not needed to check it,
      // an odd run of trailing backslashes or an unfinished entity would show a cut inside one.
      expect((/\\+$/.exec(head)?.[0].length ?? 0) % 2).toBe(0);
      expect(head).not.toMatch(/&[a-z]*$/);
      expect(head).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });
});
