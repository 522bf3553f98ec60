/**
 * Reading GitHub workflow files for tests: the FlowGuard steps in them, the `with:` inputs those steps
 * pass, the `steps.<id>.outputs.<name>` expressions that read FlowGuard's outputs, and the README's
 * usage snippet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../helpers/corpus.js';

export const USAGE_START = '<!-- usage:start -->';
export const USAGE_END = '<!-- usage:end -->';

/**
 * The YAML between `<!-- usage:start -->` and `<!-- usage:end -->` in a README: the content of the
 * fenced code block there (```yaml … ```), or the text itself when it has no fence.
 * Undefined when the markers are missing or out of order.
 */
export function extractUsageSnippet(readme: string): string | undefined {
  const start = readme.indexOf(USAGE_START);
  if (start < 0) return undefined;
  const end = readme.indexOf(USAGE_END, start + USAGE_START.length);
  if (end < 0) return undefined;
  const between = readme.slice(start + USAGE_START.length, end).replace(/\r\n/g, '\n');
  const fence = /^[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/m.exec(between);
  const yaml = fence ? fence[2]! : between;
  return yaml.replace(/^\n+/, '').replace(/\s+$/, '\n');
}

export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string;
  [key: string]: unknown;
}

export interface WorkflowJob {
  'runs-on'?: unknown;
  permissions?: Record<string, string> | string;
  steps?: WorkflowStep[];
  [key: string]: unknown;
}

export interface Workflow {
  name?: string;
  on?: unknown;
  permissions?: Record<string, string> | string;
  jobs: Record<string, WorkflowJob>;
  [key: string]: unknown;
}

export interface WorkflowFile {
  /** Path relative to the project root. */
  path: string;
  text: string;
  workflow: Workflow;
}

/** Parses a workflow; YAML errors (and duplicate keys) throw. */
export function parseWorkflow(text: string, path = '<workflow>'): Workflow {
  const doc = parseYaml(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`${path}: not a YAML mapping`);
  const wf = doc as Workflow;
  if (typeof wf.jobs !== 'object' || wf.jobs === null) throw new Error(`${path}: no jobs`);
  return wf;
}

/**
 * A usage snippet as a workflow: a complete workflow as is, or a list of steps (what a README often
 * shows) wrapped in one `pull_request` job named `usage` without permissions.
 */
export function parseUsageSnippet(text: string): { workflow: Workflow; kind: 'workflow' | 'steps' } {
  const doc = parseYaml(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  if (Array.isArray(doc)) {
    if (!doc.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s))) throw new Error('usage snippet: a list, but not of steps');
    return { workflow: { on: 'pull_request', jobs: { usage: { 'runs-on': 'ubuntu-latest', steps: doc as WorkflowStep[] } } }, kind: 'steps' };
  }
  return { workflow: parseWorkflow(text, 'usage snippet'), kind: 'workflow' };
}

/** Every `*.yml`/`*.yaml` file in these folders (relative to the project root), parsed. */
export function loadWorkflows(...dirs: string[]): WorkflowFile[] {
  const out: WorkflowFile[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(join(PROJECT_ROOT, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const path = `${dir}/${name}`;
      const text = readFileSync(join(PROJECT_ROOT, path), 'utf8');
      out.push({ path, text, workflow: parseWorkflow(text, path) });
    }
  }
  return out;
}

/** `uses:` of FlowGuard: the published action at any ref, or the repository itself (`./`). */
export function isFlowGuard(uses: string | undefined): boolean {
  if (typeof uses !== 'string') return false;
  const u = uses.trim();
  return /^flowguard\/flowguard@\S+$/i.test(u) || u === './' || u === '.';
}

export interface FlowGuardStep {
  jobId: string;
  job: WorkflowJob;
  index: number;
  step: WorkflowStep;
}

export function flowGuardSteps(wf: Workflow): FlowGuardStep[] {
  const out: FlowGuardStep[] = [];
  for (const [jobId, job] of Object.entries(wf.jobs)) {
    (job.steps ?? []).forEach((step, index) => {
      if (isFlowGuard(step.uses)) out.push({ jobId, job, index, step });
    });
  }
  return out;
}

export interface OutputReference {
  stepId: string;
  output: string;
  /** The expression text it was found in. */
  in: string;
}

/** `steps.<id>.outputs.<name>` references inside `${{ … }}` expressions anywhere in a value. */
export function outputReferences(value: unknown): OutputReference[] {
  const out: OutputReference[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const expr of v.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
        for (const m of expr[1]!.matchAll(/\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
          out.push({ stepId: m[1]!, output: m[2]!, in: expr[0] });
        }
        for (const m of expr[1]!.matchAll(/\bsteps\[['"]([^'"]+)['"]\]\.outputs\[['"]([^'"]+)['"]\]/g)) {
          out.push({ stepId: m[1]!, output: m[2]!, in: expr[0] });
        }
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

/** The permissions a job runs with: its own block, else the workflow's. */
export function effectivePermissions(wf: Workflow, job: WorkflowJob): Record<string, string> | string | undefined {
  return job.permissions ?? wf.permissions;
}

/** Whether a permissions block grants `scope: write` (or everything). */
export function grantsWrite(perms: Record<string, string> | string | undefined, scope: string): boolean {
  if (perms === undefined) return false;
  if (typeof perms === 'string') return perms === 'write-all';
  return perms[scope] === 'write';
}

/**
 * Replaces `${{ steps.<id>.outputs.<name> }}` (alone in an expression) with values; other expressions
 * are left as they are. For replaying a workflow's shell steps in tests.
 */
export function substituteOutputs(text: string, outputs: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*steps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g, (all, id: string, name: string) =>
    outputs[id] !== undefined ? (outputs[id]![name] ?? '') : all,
  );
}
