import { describe, expect, it } from '@jest/globals';
import {
  COMMENT_BODY_LIMIT,
  fitBytes,
  fitBytesDetailed,
  fitMarkdown,
  fitMarkdownDetailed,
  scanMarkdown,
  utf8Length,
} from '../../src/report/fit.js';

/** An independent check: fences and <details> balanced at the end of the text. */
function unbalanced(text: string): string | undefined {
  let fence: string | undefined;
  let details = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (fence) {
      const ch = fence[0] === '`' ? '`' : '~';
      if (new RegExp(`^\\${ch}{${fence.length},}$`).test(t)) fence = undefined;
      continue;
    }
    const m = /^(`{3,}|~{3,})/.exec(t);
    if (m) {
      fence = m[1]!;
      continue;
    }
    const noCode = t.replace(/`[^`]*`/g, '');
    details += (noCode.match(/<details>/g) ?? []).length - (noCode.match(/<\/details>/g) ?? []).length;
    if (details < 0) return 'a </details> without <details>';
  }
  if (fence) return `open fence ${fence}`;
  if (details > 0) return `${details} open <details>`;
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function section(title: string, size: number): string {
  return `## ${title}\n\n${'word '.repeat(Math.ceil(size / 5)).slice(0, size)}\n\n`;
}

describe('fitMarkdown', () => {
  it('returns a body under (or exactly at) the limit unchanged', () => {
    const body = '# Report\n\n<details>\n\n```\nunclosed on purpose';
    expect(fitMarkdown(body, body.length, 'N')).toBe(body);
    expect(fitMarkdown(body, 100_000)).toBe(body);
    expect(fitMarkdownDetailed(body, body.length).truncated).toBe(false);
  });

  it('keeps whole sections from the top and says how many were left out', () => {
    const parts = ['<!-- flowguard:report -->\n# FlowGuard\n\n', section('A', 300), section('B', 300), section('C', 300), section('D', 300)];
    const body = parts.join('');
    const limit = parts[0]!.length + parts[1]!.length + parts[2]!.length + 120;
    const r = fitMarkdownDetailed(body, limit);
    expect(r.truncated).toBe(true);
    // the marker line before the first heading is a section of its own
    expect(r.totalSections).toBe(6);
    expect(r.keptSections).toBe(4);
    expect(r.omittedSections).toBe(2);
    expect(r.text.startsWith(parts[0]! + parts[1]! + parts[2]!)).toBe(true);
    expect(r.text).not.toContain('## C');
    expect(r.text).toContain('… 2 more sections are in the job summary');
    expect(r.text.length).toBeLessThanOrEqual(limit);
  });

  it('uses a custom notice with {n} or a function', () => {
    const body = section('A', 100) + section('B', 100) + section('C', 100);
    expect(fitMarkdown(body, 150, 'see summary ({n} more)').endsWith('see summary (2 more)')).toBe(true);
    expect(fitMarkdown(body, 150, (n) => `+${n}`).endsWith('\n+2')).toBe(true);
  });

  it('never cuts a <details> block in half, even at a heading inside it', () => {
    const details = `## Flows\n\n<details><summary>12 flows</summary>\n\n### Flow 1\n\n${'x'.repeat(400)}\n\n### Flow 2\n\n${'y'.repeat(400)}\n\n</details>\n\n`;
    const body = `# Report\n\nintro\n\n${details}## Apps\n\nsmall\n`;
    const r = fitMarkdownDetailed(body, 600, 'NOTICE');
    expect(r.text).toBe('# Report\n\nintro\n\n\nNOTICE');
    expect(unbalanced(r.text)).toBeUndefined();
    const wider = fitMarkdownDetailed(body, body.length - 5, 'NOTICE');
    expect(wider.text).toContain('</details>');
    expect(wider.text).toContain('### Flow 2');
    expect(wider.text).not.toContain('## Apps');
  });

  it('does not treat a heading inside a code fence as a section start', () => {
    const fenced = '## Config\n\n```yaml\n# not a heading\n' + 'k: v\n'.repeat(100) + '```\n\n';
    const body = `# Top\n\n${fenced}## Next\n\n${'z'.repeat(500)}\n`;
    const r = fitMarkdownDetailed(body, body.length - 100, 'N');
    expect(r.keptSections).toBe(2);
    expect(r.text).toContain('k: v\n```\n');
    expect(unbalanced(r.text)).toBeUndefined();
  });

  it('cuts an oversized first section at a line boundary and closes the open fence and details', () => {
    const body = `# Huge\n\n<details>\n\n\`\`\`text\n${'line of log output\n'.repeat(2000)}\`\`\`\n\n</details>\n`;
    const r = fitMarkdownDetailed(body, 5000, 'NOTICE');
    expect(r.cutInsideSection).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(5000);
    expect(r.text.length).toBeGreaterThan(4800);
    expect(r.text).toMatch(/line of log output\n```\n<\/details>\n\nNOTICE$/);
    expect(unbalanced(r.text)).toBeUndefined();
  });

  it('cuts a single huge line without splitting a surrogate pair', () => {
    const body = `${'😀'.repeat(10_000)}\n\n## Next\n`;
    for (const limit of [101, 102, 103, 1000, 1001]) {
      const r = fitMarkdown(body, limit, 'N');
      expect(r.length).toBeLessThanOrEqual(limit);
      expect(LONE_SURROGATE.test(r)).toBe(false);
      expect(r.endsWith('\nN')).toBe(true);
    }
  });

  it('returns only what fits for absurd limits', () => {
    const body = section('A', 500);
    expect(fitMarkdown(body, 0, 'NOTICE')).toBe('');
    expect(fitMarkdown(body, 6, 'NOTICE').length).toBeLessThanOrEqual(6);
  });

  it('handles CRLF input', () => {
    const body = `# A\r\n\r\n${'a'.repeat(100)}\r\n## B\r\n\r\n${'b'.repeat(100)}\r\n`;
    const r = fitMarkdownDetailed(body, 150, 'N');
    expect(r.keptSections).toBe(1);
    expect(r.text.startsWith(`# A\r\n\r\n${'a'.repeat(100)}\r\n`)).toBe(true);
  });

  it('property: never exceeds the limit, never leaves a fence or <details> open, keeps a section-boundary prefix', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const words = ['flow', 'app', 'connector', 'ünïcødé', '😀 emoji', '`code`', '| a | b |', '<b>x</b>', '`<details>`'];
    const para = (): string => Array.from({ length: 1 + Math.floor(rand() * 40) }, () => pick(words)).join(' ');
    const block = (depth: number): string => {
      const r = rand();
      if (r < 0.5 || depth > 2) return `${para()}\n\n`;
      if (r < 0.7) {
        const f = pick(['```', '````', '~~~']);
        return `${f}json\n# inside fence\n<details>\n${para()}\n${f}\n\n`;
      }
      if (r < 0.9) return `<details><summary>${para()}</summary>\n\n### inner heading\n\n${block(depth + 1)}${block(depth + 1)}</details>\n\n`;
      return `${'x'.repeat(Math.floor(rand() * 3000))}\n\n`;
    };
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const sections = Array.from({ length: 1 + Math.floor(rand() * 12) }, (_, j) => {
        const h = `${'#'.repeat(1 + Math.floor(rand() * 3))} Section ${j}\n\n`;
        return h + Array.from({ length: 1 + Math.floor(rand() * 5) }, () => block(0)).join('');
      });
      const body = (rand() < 0.3 ? 'preamble\n\n' : '') + sections.join('');
      expect(unbalanced(body)).toBeUndefined();
      const limit = Math.floor(rand() * body.length * 1.2);
      const r = fitMarkdownDetailed(body, limit, 'NOTICE {n}');
      const context = `case ${i}, limit ${limit}, length ${body.length}`;
      expect([context, r.text.length <= limit]).toEqual([context, true]);
      expect([context, unbalanced(r.text)]).toEqual([context, undefined]);
      expect([context, LONE_SURROGATE.test(r.text)]).toEqual([context, false]);
      if (body.length <= limit) {
        expect(r.text).toBe(body);
        continue;
      }
      if (r.keptSections > 0) {
        const notice = `\nNOTICE ${r.omittedSections}`;
        expect(r.text.endsWith(notice)).toBe(true);
        const kept = r.text.slice(0, -notice.length);
        expect(body.startsWith(kept)).toBe(true);
        expect(/^ {0,3}#/.test(body.slice(kept.length))).toBe(true);
        expect(r.keptSections + r.omittedSections).toBe(r.totalSections);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('fitBytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    const body = `# A\n\n${'é'.repeat(300)}\n\n## B\n\n${'ü'.repeat(300)}\n`;
    expect(body.length).toBeLessThan(1000);
    expect(utf8Length(body)).toBeGreaterThan(1000);
    const r = fitBytesDetailed(body, 1000, 'N');
    expect(r.truncated).toBe(true);
    expect(r.keptSections).toBe(1);
    expect(Buffer.byteLength(r.text, 'utf8')).toBeLessThanOrEqual(1000);
  });

  it('defaults to 1 MiB and leaves a smaller summary alone', () => {
    const small = '# Summary\n\nok\n';
    expect(fitBytes(small)).toBe(small);
    const big = Array.from({ length: 40 }, (_, i) => section(`S${i}`, 40_000)).join('');
    const out = fitBytes(big);
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(out).toContain('more sections were left out');
  });

  it('property: multi-byte text never exceeds the byte budget', () => {
    const chars = ['a', 'é', '€', '😀', '\n', '# ', '```\n'];
    let seed = 99;
    const rand = (): number => {
      seed = (seed * 48271) % 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let i = 0; i < 200; i++) {
      const body = Array.from({ length: 50 + Math.floor(rand() * 2000) }, () => chars[Math.floor(rand() * chars.length)]).join('');
      const limit = Math.floor(rand() * utf8Length(body));
      const out = fitBytes(body, limit, 'N');
      expect(utf8Length(out)).toBeLessThanOrEqual(limit);
      expect(LONE_SURROGATE.test(out)).toBe(false);
      expect(scanMarkdown(out).openFence).toBeNull();
    }
  });
});

describe('limits', () => {
  it('exports the comment limit', () => {
    expect(COMMENT_BODY_LIMIT).toBe(65536);
  });
});
