/**
 * The parts of README.md that are generated from the code: the PR comment the Action posts for the
 * bundled example pull request (examples/base → examples/contoso-requests), the Action's inputs and
 * outputs (from action.yml) and the rules (from the registry). `npm run docs` rewrites them;
 * `__tests__/docs/readme.test.ts` fails when they are out of date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeChange, loadConfig } from '../../src/engine.js';
import { renderCommentBody } from '../../src/github/comment.js';
import { renderContext } from '../../src/report/context.js';
import { ALL_RULE_META } from '../../src/rules/registry.js';
import type { RuleMeta } from '../../src/rules/types.js';
import { PROJECT_ROOT } from './corpus.js';

export interface Section {
  name: string;
  start: string;
  end: string;
  render(): Promise<string>;
}

const marker = (name: string, edge: 'start' | 'end'): string => `<!-- ${name}:${edge} -->`;

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

interface ActionSpec {
  inputs: Record<string, { description?: string; default?: unknown }>;
  outputs: Record<string, { description?: string }>;
}

function actionSpec(root: string): ActionSpec {
  return parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionSpec;
}

export function renderInputsTable(spec: ActionSpec): string {
  const rows = Object.entries(spec.inputs).map(([name, i]) => {
    const d = i.default === undefined || i.default === '' ? '—' : `\`${String(i.default)}\``;
    return `| \`${name}\` | ${cell(d)} | ${cell(i.description ?? '')} |`;
  });
  return ['| input | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

export function renderOutputsTable(spec: ActionSpec): string {
  const rows = Object.entries(spec.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description ?? '')} |`);
  return ['| output | meaning |', '|---|---|', ...rows].join('\n');
}

export function renderRulesTable(metas: readonly RuleMeta[]): string {
  const rows = [...metas]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => `| [${m.id}](docs/rules/${m.id}-${m.name}.md) | ${m.name} | ${m.defaultSeverity} | ${cell(m.summary)} |`);
  return ['| rule | name | default severity | what it finds |', '|---|---|---|---|', ...rows].join('\n');
}

/** What the Action posts on the example pull request: the same analysis and the same comment renderer. */
export async function renderExampleComment(root: string = PROJECT_ROOT): Promise<string> {
  const config = await loadConfig(root, undefined);
  const { report } = await analyzeChange({
    cwd: root,
    paths: ['examples/contoso-requests'],
    config,
    release: false,
    base: { path: 'examples/base/contoso-requests' },
  });
  return renderCommentBody(report, renderContext(true)).replace(/\n*$/, '\n');
}

export function readmeSections(root: string = PROJECT_ROOT): Section[] {
  const section = (name: string, render: () => Promise<string>): Section => ({ name, start: marker(name, 'start'), end: marker(name, 'end'), render });
  return [
    section('example-comment', () => renderExampleComment(root)),
    section('inputs', async () => renderInputsTable(actionSpec(root))),
    section('outputs', async () => renderOutputsTable(actionSpec(root))),
    section('rules', async () => renderRulesTable(ALL_RULE_META)),
  ];
}

/** The README with every generated section rendered anew (markers kept). */
export async function regenerateReadme(readme: string, sections: Section[]): Promise<string> {
  let out = readme;
  for (const s of sections) {
    const i = out.indexOf(s.start);
    const j = out.indexOf(s.end, i + s.start.length);
    if (i < 0 || j < 0) throw new Error(`README.md lacks the markers ${s.start} … ${s.end}`);
    const body = (await s.render()).replace(/\n*$/, '');
    out = `${out.slice(0, i + s.start.length)}\n${body}\n${out.slice(j)}`;
  }
  return out;
}
