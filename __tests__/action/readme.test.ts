/**
 * The usage snippet in README.md (between `<!-- usage:start -->` and `<!-- usage:end -->`) is a valid
 * workflow (or list of workflow steps) whose FlowGuard step passes declared inputs only, and says exactly
 * what the documented pull-request workflow (docs/workflows/pull-request.yml) says, so the two cannot drift apart.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { readActionYml } from './run-action.js';
import { extractUsageSnippet, flowGuardSteps, loadWorkflows, outputReferences, parseUsageSnippet, USAGE_END, USAGE_START } from './workflow-helpers.js';

const README = join(PROJECT_ROOT, 'README.md');
const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
const snippet = extractUsageSnippet(readme);

if (snippet === undefined) {
  process.stderr.write(
    `\n*** SKIPPED 'README usage snippet': ${existsSync(README) ? 'README.md has no' : 'there is no README.md with'} ${USAGE_START} … ${USAGE_END} markers yet. ***\n\n`,
  );
}

(snippet === undefined ? describe.skip : describe)('README usage snippet', () => {
  const text = snippet ?? '';
  const action = readActionYml();

  test('parses as a workflow (or workflow steps) with exactly one FlowGuard step after a checkout', () => {
    const { workflow, kind } = parseUsageSnippet(text);
    const steps = flowGuardSteps(workflow);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.step.uses).toMatch(/^flowguard\/flowguard@v\d+$/);
    expect(steps[0]!.job.steps!.slice(0, steps[0]!.index).some((s) => /^actions\/checkout@/.test(s.uses ?? ''))).toBe(true);
    // A complete workflow shows its job-level permissions; a steps-only snippet must name them in the README.
    if (kind === 'workflow') expect(steps[0]!.job.permissions).toBeDefined();
    else expect(readme).toMatch(/pull-requests: write/);
  });

  test('passes only inputs declared in action.yml and reads only declared outputs', () => {
    const [fg] = flowGuardSteps(parseUsageSnippet(text).workflow);
    expect(Object.keys(fg!.step.with ?? {}).filter((k) => !(k in action.inputs))).toEqual([]);
    const refs = outputReferences(fg!.job).filter((r) => r.stepId === fg!.step.id);
    expect(refs.map((r) => r.output).filter((o) => !(o in action.outputs))).toEqual([]);
  });

  test('has the same FlowGuard `uses:` and `with:` block as docs/workflows/pull-request.yml', () => {
    const [doc] = loadWorkflows('docs/workflows').filter((w) => w.path.endsWith('/pull-request.yml'));
    expect(doc).toBeDefined();
    const [docStep] = flowGuardSteps(doc!.workflow);
    const [readmeStep] = flowGuardSteps(parseUsageSnippet(text).workflow);
    // Same keys, same order, same values.
    expect(Object.entries(readmeStep!.step.with ?? {})).toEqual(Object.entries(docStep!.step.with ?? {}));
    expect(readmeStep!.step.uses).toBe(docStep!.step.uses);
  });
});
