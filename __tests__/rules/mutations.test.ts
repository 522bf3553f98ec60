/**
 * Mutation tests on real data: for every app → flow call in the corpus that resolves inside its
 * solution, copy the solution in memory, apply one change to the flow, and check that the
 * matching rule reports that app and that flow — for zips, unpacked and extracted trees alike.
 */
import { beforeAll, expect, it } from '@jest/globals';
import { runRules } from '../../src/engine.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import { describeCorpus } from '../helpers/corpus.js';
import { corpusTargets, matches, mutatedTree, MUTATIONS, type Mutation, type Target } from '../helpers/mutations.js';

describeCorpus('rules catch each flow change on real exports (mutation tests)', () => {
  let targets: Target[] = [];

  beforeAll(async () => {
    targets = await corpusTargets();
  });

  it('finds the resolved calls of every layout in the corpus', () => {
    expect(targets.length).toBeGreaterThanOrEqual(25);
    expect(new Set(targets.map((t) => t.solution.layout))).toEqual(new Set(['zip', 'unpacked', 'extracted-zip', 'legacy-package']));
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as [string, Mutation]))('%s', async (_name, m) => {
    const cases = targets.filter((t) => m.applies(t));
    expect(cases.length).toBeGreaterThan(0);
    const misses: string[] = [];
    for (const t of cases) {
      const { tree, expect: word } = await mutatedTree(t, m);
      const findings = runRules(await loadWorkspace(tree), { release: false });
      if (!findings.some((f) => matches(f, t, m, word))) {
        misses.push(`${t.solution.path} ${t.app} → ${t.flow.name}: ${findings.filter((f) => f.ruleId === m.rule).map((f) => f.message).join(' | ') || 'no finding'}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
