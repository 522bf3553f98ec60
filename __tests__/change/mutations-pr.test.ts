/**
 * Pull-request mode with the rules issue's mutations: a head commit that changes a flow reports the
 * matching finding as new; when the base already had the same change, the finding is existing.
 * One target per layout (zip, unpacked, extracted zip, legacy package) for each mutation.
 */
import { afterEach, beforeAll, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeChange } from '../../src/engine.js';
import { isNew } from '../../src/report/sort.js';
import type { Finding } from '../../src/rules/types.js';
import { listWorkingTree } from '../../src/source/folder.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';
import { corpusTargets, matches, withEvidence, mutatedFiles, MUTATIONS, type Mutation, type Target } from '../helpers/mutations.js';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

async function pristine(t: Target): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const f of await listWorkingTree(CORPUS, [t.solution.path])) files.set(f.path, readFileSync(join(CORPUS, f.path)));
  return files;
}

/** The same files with a change of no meaning (the zip re-packed, a newline in the manifest): the PR touches the solution. */
async function touched(files: Map<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const out = new Map(files);
  for (const [path, bytes] of files) {
    if (/\.zip$/i.test(path)) {
      const zip = await JSZip.loadAsync(bytes);
      out.set(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 }, comment: 'touched' }));
    } else if (/(^|\/)(Other\/)?solution\.xml$/i.test(path)) {
      out.set(path, Buffer.concat([Buffer.from(bytes), Buffer.from('\n')]));
    }
  }
  return out;
}

/** Commits `base` on main and `head` on a branch (each a map of repository path → bytes), then compares. */
async function compare(base: Map<string, Uint8Array>, head: Map<string, Uint8Array>) {
  const repo = new TestRepo();
  repos.push(repo);
  repo.write(Object.fromEntries(base));
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'pr');
  repo.write(Object.fromEntries([...base.keys()].map((k) => [k, null])));
  repo.write(Object.fromEntries(head));
  repo.commit('head');
  return analyzeChange({ cwd: repo.dir, paths: ['.'], base: { ref: 'main' } });
}

describeCorpus('pull-request mode: each mutation is new in the head, existing when the base had it', () => {
  let targets: Target[] = [];
  beforeAll(async () => {
    targets = await corpusTargets();
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as [string, Mutation]))('%s', async (_name, m) => {
    const layouts = new Map<string, Target>();
    for (const t of targets) if (m.applies(t) && !layouts.has(t.solution.layout)) layouts.set(t.solution.layout, t);
    expect(layouts.size).toBeGreaterThan(0);
    for (const t of layouts.values()) {
      const { files: mutated, expect: word } = await mutatedFiles(t, m);
      const introduced = await compare(await pristine(t), mutated);
      const hit = withEvidence(introduced.findings).filter((f) => matches(f, t, m, word));
      // New, or changed from a finding of the same rule on the same app and flow the base had (another identity): the change's doing.
      const introducedBy = (f: Finding) => (f.status === 'new' || (f.status === 'changed' && isNew(f)) ? 'this change' : f.status);
      expect({ target: `${t.solution.path} ${m.name}`, statuses: hit.map(introducedBy) }).toEqual({ target: `${t.solution.path} ${m.name}`, statuses: hit.map(() => 'this change') });
      expect(hit.length).toBeGreaterThan(0);

      const again = await compare(mutated, await touched(mutated));
      const kept = withEvidence(again.findings).filter((f) => matches(f, t, m, word));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((f) => f.status === 'existing')).toBe(true);
    }
  });
});
