/**
 * The whole JSON report of the pristine corpus, byte for byte, against a reviewed golden file: every
 * solution, flow, app, call, call site, output read, finding (with its mitigation) and diagnostic.
 * It pins what the readers produce, so that a faster reader cannot change a single byte unnoticed.
 * The tool's version is left out (it changes with releases, not with readers).
 * UPDATE_GOLDEN=1 rewrites the file; read its diff before committing it.
 */
import { expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/engine.js';
import { renderJson } from '../../src/report/json.js';
import { CORPUS, describeCorpus, PROJECT_ROOT } from '../helpers/corpus.js';

const GOLDEN = join(PROJECT_ROOT, '__tests__/rules/golden/corpus-report.json');

describeCorpus('the JSON report of the pristine corpus matches the reviewed golden file', () => {
  it('is byte-identical to the golden report', async () => {
    const { report } = await analyze({ cwd: CORPUS, paths: ['.'] });
    const text = renderJson({ ...report, tool: { ...report.tool, version: '(any)' } });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    expect(existsSync(GOLDEN)).toBe(true);
    // Line by line, so that a difference shows where it is.
    expect(text.split('\n')).toEqual(readFileSync(GOLDEN, 'utf8').split('\n'));
    expect(text).toMatch(/"callSites": \[\n/);
    expect(text).not.toMatch(/sig=(?!REDACTED)[A-Za-z0-9%_-]{6,}/);
  });
});
