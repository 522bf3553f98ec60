import { describe, expect, it } from '@jest/globals';
import { escapeMarkdownWithLinks } from '../../src/report/escape.js';

describe('escapeMarkdownWithLinks', () => {
  it('keeps Microsoft Learn links clickable and escapes the text around them', () => {
    const out = escapeMarkdownWithLinks('See *this*: https://learn.microsoft.com/power-platform/alm/solution-layers-alm#a_b. Done');
    expect(out).toBe('See \\*this\\*: <https://learn.microsoft.com/power-platform/alm/solution-layers-alm#a_b>\\. Done');
  });
  it('does not link other hosts, and neutralises markup in names', () => {
    const out = escapeMarkdownWithLinks("Open 'https://evil.example/x' and <img src=x> @octocat");
    expect(out).not.toContain('<https://evil');
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/(^|[^\u200b])@octocat/);
  });
});
