/**
 * The first table of the pull-request comment fits GitHub's comment column: rendered as GitHub renders
 * it (GFM, GitHub's table CSS, headless Chromium at {@link COMMENT_WIDTH} px), it does not scroll sideways.
 * Needs Chromium (`apt-get install chromium`; `.ci/run` installs it). Without it the suite is skipped
 * locally, loudly, and fails under CI=true. FLOWGUARD_SCREENSHOTS=<dir> saves what it rendered as PNGs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { analyzeChange } from '../../src/engine.js';
import { renderCommentBody } from '../../src/github/comment.js';
import { renderContext } from '../../src/report/context.js';
import { CORPUS, corpusAvailable } from '../helpers/corpus.js';
import { COMMENT_WIDTH, CommentBrowser, chromiumPath } from '../helpers/github-comment.js';
import { renderExampleComment } from '../helpers/readme-sections.js';

const CHROMIUM = chromiumPath();
const SHOTS = process.env.FLOWGUARD_SCREENSHOTS ? resolve(process.env.FLOWGUARD_SCREENSHOTS) : undefined;
const FIRST_TABLE = /^App → flow/;

/** The comment on a real pull request of the largest export in the corpus (SharePoint Site Assistant, 3.6 MiB). */
async function realPullRequestComment(): Promise<string> {
  const { report } = await analyzeChange({
    cwd: CORPUS,
    paths: ['pnp-sharepoint-site-assistant-src'],
    base: { path: 'pnp-sharepoint-site-assistant-src@2a2154b' },
  });
  return renderCommentBody(report, renderContext(true));
}

if (!CHROMIUM && process.env.CI !== 'true') {
  process.stderr.write('\n*** SKIPPED the comment width test: no Chromium (apt-get install chromium, or set CHROMIUM_PATH). ***\n\n');
  describe('the first table fits GitHub\'s comment column', () => it.skip('needs Chromium', () => undefined));
} else {
  describe(`the first table fits GitHub's comment column (${COMMENT_WIDTH} px)`, () => {
    let browser: CommentBrowser;
    beforeAll(async () => {
      if (!CHROMIUM) throw new Error('CI=true and no Chromium: .ci/run installs it with apt-get (chromium); set CHROMIUM_PATH if it is elsewhere');
      browser = await CommentBrowser.launch(CHROMIUM);
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    const firstTable = async (markdown: string, shot: string) => {
      const tables = await browser.tables(markdown, SHOTS && join(SHOTS, shot));
      const first = tables.find((t) => FIRST_TABLE.test(t.header));
      expect(first).toBeDefined();
      return first!;
    };

    it('for the bundled example pull request (the README comment)', async () => {
      const md = await renderExampleComment();
      const t = await firstTable(md, 'example-comment.png');
      expect(t.clientWidth).toBeGreaterThan(0);
      expect(t.scrollWidth).toBeLessThanOrEqual(t.clientWidth);
      expect(t.clientWidth).toBeLessThanOrEqual(COMMENT_WIDTH);
      expect(await browser.brokenAnchors(md)).toEqual([]);
    });

    (corpusAvailable ? it : it.skip)('for a real pull request on the largest export of the corpus', async () => {
      const md = await realPullRequestComment();
      const t = await firstTable(md, 'site-assistant-comment.png');
      expect(t.scrollWidth).toBeLessThanOrEqual(t.clientWidth);
      expect(await browser.brokenAnchors(md)).toEqual([]);
    });

    it('can fail: a table wider than the column is measured as such', async () => {
      const wide = `| App → flow | What breaks |\n|---|---|\n| ${'x'.repeat(60)} | ${'y'.repeat(80)} |\n`;
      const t = await firstTable(wide, 'too-wide.png');
      expect(t.clientWidth).toBeLessThanOrEqual(COMMENT_WIDTH);
      expect(t.scrollWidth).toBeGreaterThan(t.clientWidth);
    });
  });
}
