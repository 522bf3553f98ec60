/**
 * README.md shows what the code produces: the PR comment the Action posts on the bundled example pull
 * request, the Action's inputs and outputs (action.yml) and the rules (the registry). `npm run docs`
 * regenerates them (UPDATE_DOCS=1); otherwise this test fails when one is out of date.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { readmeSections, regenerateReadme, renderExampleComment } from '../helpers/readme-sections.js';
import { ALL_RULE_META } from '../../src/rules/registry.js';

const README = join(PROJECT_ROOT, 'README.md');
const UPDATE = process.env.UPDATE_DOCS === '1';
const HINT = 'run `npm run docs` to regenerate README.md, then read the diff';

describe('README.md generated sections', () => {
  test('are what the code produces now', async () => {
    const committed = readFileSync(README, 'utf8');
    const fresh = await regenerateReadme(committed, readmeSections());
    if (UPDATE) {
      if (fresh !== committed) writeFileSync(README, fresh, 'utf8');
      return;
    }
    if (fresh !== committed) throw new Error(`README.md is out of date: ${HINT}`);
  });

  test('each section is where a reader finds it, and a stale one is caught', async () => {
    const committed = readFileSync(README, 'utf8');
    for (const s of readmeSections()) {
      expect(committed.split(s.start)).toHaveLength(2);
      expect(committed.split(s.end)).toHaveLength(2);
      // Damage the section: regeneration restores it, so the comparison above would fail.
      const i = committed.indexOf(s.start) + s.start.length;
      const damaged = `${committed.slice(0, i)}\n| stale |${committed.slice(i)}`;
      expect(await regenerateReadme(damaged, readmeSections())).not.toBe(damaged);
    }
  });

  test('the example comment is the pull-request comment: new drift with its evidence, fixes and call sites', async () => {
    const md = await renderExampleComment();
    expect(md.split('\n')[0]).toBe('<!-- flowguard:report -->');
    expect(md).toContain('FG105');
    expect(md).toContain('New Request › btnSubmit\\.OnSelect'); // Markdown-escaped
    expect(md).toContain('ResponseTimeout');
    expect(md).toMatch(/New in this pull request \(2\)/);
  });

  test('the rules table lists every registered rule once', async () => {
    const table = await readmeSections().find((s) => s.name === 'rules')!.render();
    for (const m of ALL_RULE_META) expect(table.split(`[${m.id}]`)).toHaveLength(2);
    expect(table.split('\n')).toHaveLength(ALL_RULE_META.length + 2);
  });
});
