/**
 * Every finding on the pristine corpus, listed in a reviewed golden file. Drift findings
 * (FG101–FG103) must carry a comment that explains why the real export really drifts.
 * UPDATE_GOLDEN=1 rewrites the entries and keeps the comments of entries that remain.
 */
import { expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/engine.js';
import { CORPUS, describeCorpus, PROJECT_ROOT } from '../helpers/corpus.js';

const GOLDEN = join(PROJECT_ROOT, '__tests__/rules/golden/corpus-findings.txt');
const DRIFT = /^FG10[123]$/;

interface Entry {
  line: string;
  fingerprint: string;
  comments: string[];
}

/** Fingerprint, rule, severity and solution path: twins in two layouts share a fingerprint. */
const keyOf = (line: string): string => line.split(' | ')[0] as string;

function parseGolden(text: string): Entry[] {
  const entries: Entry[] = [];
  let comments: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) comments.push(line);
    else if (line.trim() !== '') {
      entries.push({ line, fingerprint: keyOf(line), comments });
      comments = [];
    }
  }
  return entries;
}

describeCorpus('pristine corpus findings match the reviewed golden file', () => {
  it('lists every finding, and explains every drift finding', async () => {
    const { report } = await analyze({ cwd: CORPUS, paths: ['.'] });
    const lines = report.findings.map(
      (f) => `${f.fingerprint} ${f.ruleId} ${f.severity} ${f.solution.path} | ${f.app?.name ?? '-'} | ${f.flow?.name ?? '-'} | ${f.message}`,
    );
    const old = existsSync(GOLDEN) ? parseGolden(readFileSync(GOLDEN, 'utf8')) : [];
    if (process.env.UPDATE_GOLDEN === '1') {
      const keep = new Map(old.map((e) => [e.fingerprint, e.comments]));
      const header = old.length > 0 && old[0] ? [] : ['# Findings on the pristine corpus (../shared/corpus). Reviewed: each drift finding says why.'];
      writeFileSync(GOLDEN, [...header, ...lines.flatMap((l) => [...(keep.get(keyOf(l)) ?? []), l])].join('\n') + '\n');
    }
    const golden = parseGolden(readFileSync(GOLDEN, 'utf8'));
    expect(lines).toEqual(golden.map((e) => e.line));
    const unexplained = golden.filter((e) => DRIFT.test(e.line.split(' ')[1] as string) && !e.comments.some((c) => c.startsWith('# why:')));
    expect(unexplained.map((e) => e.line)).toEqual([]);
    // Nothing in the corpus redacts itself: no callback signature may reach a message.
    expect(lines.join('\n')).not.toMatch(/sig=(?!REDACTED)[A-Za-z0-9%_-]{6,}/);
  });
});
