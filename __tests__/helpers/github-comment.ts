/**
 * A pull-request comment rendered the way GitHub shows it: GitHub-flavoured Markdown (marked, GFM tables)
 * in a column of GitHub's comment width, styled with GitHub's own rules for what decides a table's width
 * (github-markdown-css: tables are `display: block; width: max-content; max-width: 100%; overflow: auto`,
 * cells padded 6px 13px, 14px text in Helvetica/Arial, code at 85% in a monospace stack that ends in
 * Liberation Mono), in headless Chromium. A table wider than the column scrolls sideways on GitHub; here
 * its `scrollWidth` exceeds its `clientWidth`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The width of a comment's body on a pull request's Conversation tab, desktop layout: the 1280 px page
 * container less the sidebar, the avatar gutter and the comment box's borders and padding leaves about
 * 780 px (the brief's figure for GitHub's comment column, and what a 1280-px-wide window shows).
 */
export const COMMENT_WIDTH = 780;

const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; padding: 0; color: #1f2328;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.markdown-body h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; margin: 24px 0 16px; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
.markdown-body h4 { font-size: 1em; font-weight: 600; margin: 24px 0 16px; }
.markdown-body p, .markdown-body ul, .markdown-body ol, .markdown-body table, .markdown-body details { margin: 0 0 16px; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; font-variant: tabular-nums; }
.markdown-body table th { font-weight: 600; }
.markdown-body table th, .markdown-body table td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body table tr { background-color: #fff; border-top: 1px solid #d1d9e0b3; }
.markdown-body table tr:nth-child(2n) { background-color: #f6f8fa; }
.markdown-body code { padding: .2em .4em; margin: 0; font-size: 85%; white-space: break-spaces; background-color: #818b981f; border-radius: 6px;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.markdown-body a { color: #0969da; text-decoration: underline; text-underline-offset: .2rem; }
.markdown-body sub { font-size: 75%; }
`;

/** The comment as HTML (GitHub-flavoured Markdown), in a page of GitHub's comment width. */
export function commentPage(markdown: string): string {
  const body = marked.parse(markdown, { gfm: true, async: false }) as string;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><article class="markdown-body">${body}</article></body></html>`;
}

/** Where Chromium is: `CHROMIUM_PATH`, else the Debian package's binary. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

export interface TableWidth {
  /** The table's first header row, to say which table it is. */
  header: string;
  scrollWidth: number;
  clientWidth: number;
}

// Run in the page (the tests are compiled without the DOM's types, so they are given as source text).
const OPEN_DETAILS = `document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))`;
const TABLE_WIDTHS = `[...document.querySelectorAll('table')].map((t) => ({ header: (t.querySelector('tr')?.textContent ?? '').trim(), scrollWidth: t.scrollWidth, clientWidth: t.clientWidth }))`;
// A fragment scrolls to the element with that id, or to the <a> with that name (the HTML standard's rule).
const BROKEN_ANCHORS = `[...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href').slice(1))).filter((id) => !document.getElementById(id) && !document.getElementsByName(id).length)`;

/** A headless Chromium with a fresh profile that talks to nothing. */
export class CommentBrowser {
  private constructor(
    private readonly browser: BrowserContext,
    private readonly profile: string,
  ) {}

  static async launch(executablePath: string): Promise<CommentBrowser> {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'fg-chromium-'));
    // A fresh profile (playwright passes it as --user-data-dir).
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: COMMENT_WIDTH + 40, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    return new CommentBrowser(browser, profile);
  }

  /** Renders the comment; with `screenshot`, saves the whole page as a PNG there. */
  async tables(markdown: string, screenshot?: string): Promise<TableWidth[]> {
    const page: Page = await this.browser.newPage();
    try {
      const file = join(this.profile, 'comment.html');
      writeFileSync(file, commentPage(markdown));
      await page.goto(`file://${file}`);
      // Bring every <details> open: a table inside one is as wide when a reader opens it.
      await page.evaluate(OPEN_DETAILS);
      if (screenshot) {
        await page.screenshot({ path: screenshot, fullPage: true });
        // The top of the comment, what a maker reads first.
        await page.screenshot({ path: screenshot.replace(/\.png$/, '-top.png'), clip: { x: 0, y: 0, width: COMMENT_WIDTH + 40, height: 520 } });
      }
      return (await page.evaluate(TABLE_WIDTHS)) as TableWidth[];
    } finally {
      await page.close();
    }
  }

  /** The `#…` links of the comment that have no element (id, or `<a name>`) to scroll to. */
  async brokenAnchors(markdown: string): Promise<string[]> {
    const page: Page = await this.browser.newPage();
    try {
      await page.setContent(commentPage(markdown));
      return (await page.evaluate(BROKEN_ANCHORS)) as string[];
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}
