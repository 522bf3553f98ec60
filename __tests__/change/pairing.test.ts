import { afterEach, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { analyzeChange } from '../../src/engine.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

describeCorpus('pairing base and head solutions', () => {
  it('pairs versioned file names as one solution; a renamed managed export that became unmanaged is one solution with a managed change', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write({
      'out/HackathonProject_1_0_0_1_managed.zip': { from: join(CORPUS, 'pnp-hackathonproject-managed/HackathonProject_1_0_0_1_managed.zip') },
      'out/AIBuilder_managed.zip': { from: join(CORPUS, 'mspas-ai-invoice-processing-managed/AIBuilderInvoiceProcessingAutomation.zip') },
    });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write({
      'out/HackathonProject_1_0_0_1_managed.zip': null,
      'out/HackathonProject_1_0_0_3_managed.zip': { from: join(CORPUS, 'pnp-hackathonproject-managed/HackathonProject_1_0_0_1_managed.zip') },
      'out/AIBuilder_managed.zip': null,
      'out/AIBuilder_unmanaged.zip': { from: join(CORPUS, 'mspas-ai-invoice-processing-unmanaged/AIBuilderInvoiceProcessingAutomationSK_1_0_0_12.zip') },
    });
    repo.commit('head');
    const r = await analyzeChange({ cwd: repo.dir, paths: ['out'], base: { ref: 'main' } });
    const byHead = Object.fromEntries(r.pairs.map((p) => [p.head?.path ?? `(deleted) ${p.base?.path}`, p.pairedBy ?? 'unpaired']));
    expect(byHead).toEqual({
      'out/HackathonProject_1_0_0_3_managed.zip': expect.stringMatching(/^(rename|unique-name)$/),
      'out/AIBuilder_unmanaged.zip': 'rename',
    });
    const solutionChanges = (r.report.changes ?? []).filter((c) => c.kind === 'solution').map((c) => `${c.change} ${c.solution} ${c.details.join()}`);
    expect(solutionChanges).toEqual(['managed out/AIBuilder_unmanaged.zip managed → unmanaged']);
    // The upgraded managed solution carries the same findings: all existing.
    const hack = r.findings.filter((f) => f.solution.path === 'out/HackathonProject_1_0_0_3_managed.zip');
    expect(hack.length).toBeGreaterThan(0);
    expect(hack.every((f) => f.status === 'existing')).toBe(true);
  });
});

describeCorpus('pairing without a rename', () => {
  it('keeps a managed and an unmanaged export of one solution apart when both are new files', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write({ 'a/AIBuilder_managed.zip': { from: join(CORPUS, 'mspas-ai-invoice-processing-managed/AIBuilderInvoiceProcessingAutomation.zip') } });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write({ 'b/AIBuilder_unmanaged.zip': { from: join(CORPUS, 'mspas-ai-invoice-processing-unmanaged/AIBuilderInvoiceProcessingAutomationSK_1_0_0_12.zip') } });
    repo.commit('head adds the unmanaged twin');
    const r = await analyzeChange({ cwd: repo.dir, paths: ['.'], base: { ref: 'main' } });
    const pairs = r.pairs.map((p) => `${p.base?.path ?? '-'} → ${p.head?.path ?? '-'} ${p.pairedBy ?? 'unpaired'}`).sort();
    expect(pairs).toEqual(['- → b/AIBuilder_unmanaged.zip unpaired', 'a/AIBuilder_managed.zip → a/AIBuilder_managed.zip path']);
  });
});
