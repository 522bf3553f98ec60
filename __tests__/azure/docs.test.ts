/** The Azure Pipelines example and page stay true to what `flowguard ci` accepts. */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CI_USAGE, parseCiArgs } from '../../src/azure/args.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';

interface Step {
  script?: string;
  displayName?: string;
  condition?: string;
  env?: Record<string, string>;
}

const pipeline = parseYaml(readFileSync(join(PROJECT_ROOT, 'examples', 'azure-pipelines.yml'), 'utf8')) as { steps: Step[]; trigger: unknown; schedules: unknown[] };
const page = readFileSync(join(PROJECT_ROOT, 'docs', 'azure-pipelines.md'), 'utf8');
const flowguardSteps = pipeline.steps.filter((s) => /^flowguard ci\b/.test(s.script ?? ''));

/** The words of a one-line script after `flowguard ci`, quotes and macros as the shell would leave them. */
function argsOf(script: string): string[] {
  return (script.match(/"[^"]*"|\S+/g) ?? []).slice(2).map((w) => w.replace(/^"|"$/g, ''));
}

describe('examples/azure-pipelines.yml', () => {
  test('has the three uses: pull request, release gate, weekly audit', () => {
    expect(flowguardSteps.map((s) => s.displayName)).toEqual(['FlowGuard (pull request)', 'FlowGuard (release gate)', 'FlowGuard (weekly audit)']);
    expect(pipeline.schedules).toHaveLength(1);
    expect(JSON.stringify(pipeline.trigger)).toContain('release/*');
  });

  test('every FlowGuard step parses, and the pull-request step maps the token', () => {
    for (const s of flowguardSteps) expect(() => parseCiArgs(argsOf(s.script!))).not.toThrow();
    const [pr, gate, audit] = flowguardSteps.map((s) => parseCiArgs(argsOf(s.script!)));
    expect(pr).toMatchObject({ failOn: 'error' });
    expect(gate).toMatchObject({ release: true, failOnScope: 'all' });
    expect(audit).toMatchObject({ failOn: 'never' });
    expect(flowguardSteps[0]!.env).toEqual({ SYSTEM_ACCESSTOKEN: '$(System.AccessToken)' });
  });
});

describe('docs/azure-pipelines.md', () => {
  test('documents every option of flowguard ci', () => {
    const options = [...CI_USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThan(10);
    for (const o of options) expect(page).toContain(o);
  });

  test('names the permission and the policies', () => {
    for (const s of ["Contribute to pull requests", 'Build validation', 'Status checks', 'flowguard/flowguard', 'SYSTEM_ACCESSTOKEN: $(System.AccessToken)']) expect(page).toContain(s);
  });
});
