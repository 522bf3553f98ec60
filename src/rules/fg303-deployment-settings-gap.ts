import type { DeploymentSettingsFile, Solution } from '../model/types.js';
import { makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG303',
  name: 'deployment-settings-gap',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.MissingConnectionReference],
  summary: "A deployment settings file does not match its solution's connection references and environment variables.",
  impact:
    'An import driven by a settings file (pac solution import --settings-file, pipelines) leaves a connection reference without a connection when its entry is missing or empty: its flows stay off and apps calling them fail. A ConnectorId that differs from the solution\'s makes the import fail; a missing environment variable keeps its default or none.',
  brief: 'deployment settings do not match the solution',
};

const PLACEHOLDER = /^(#\{.*\}#|\$\{.*\}|\$\(.*\)|<.*>|__.*__|\{\{.*\}\})$/;

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const file of ctx.workspace.deploymentSettings) {
    const solutions = solutionsFor(file, ctx.workspace.solutions);
    for (const solution of solutions) out.push(...checkEntries(file, solution));
    if (solutions[0]) out.push(...checkStale(file, solutions));
  }
  return out;
}

/**
 * A settings file belongs to the solutions whose connection references or environment
 * variables it names; a file naming none belongs to the solutions nearest to it in the
 * folder tree (`config/test/deploymentSettings.json` next to `src/`), or to the only one.
 */
function solutionsFor(file: DeploymentSettingsFile, solutions: Solution[]): Solution[] {
  const names = new Set([...file.connectionReferences.map((c) => c.logicalName.toLowerCase()), ...file.environmentVariables.map((e) => e.schemaName.toLowerCase())]);
  const overlapping = solutions.filter(
    (s) => s.connectionReferences.some((c) => names.has(c.logicalName.toLowerCase())) || s.environmentVariables.some((e) => names.has(e.schemaName.toLowerCase())),
  );
  if (overlapping.length > 0) return overlapping;
  const eligible = solutions.filter((s) => s.layout !== 'legacy-package' && (s.connectionReferences.length > 0 || s.environmentVariables.length > 0));
  if (eligible.length === 1) return eligible;
  const dir = file.path.split('/').slice(0, -1);
  const shared = (s: Solution): number => {
    const parts = s.path.split('/');
    let n = 0;
    while (n < dir.length && n < parts.length && dir[n] === parts[n]) n++;
    return n;
  };
  const best = Math.max(0, ...eligible.map(shared));
  return best === 0 ? [] : eligible.filter((s) => shared(s) === best);
}

/** One kind of gap: every entry it concerns is listed in one finding per settings file. */
interface Gap {
  noun: string;
  severity: Finding['severity'];
  codes?: string[];
  /** What is wrong with the listed names. */
  what: (names: string) => string;
  fix: (names: string) => string;
}

const CR = 'connection reference';
const EV = 'environment variable';

/** `what` and `fix` get the listed names with their noun: "connection references 'a' (…), 'b' (…)". */
const GAPS = {
  'cr-missing': { noun: CR, severity: 'error', what: (n) => `no entry for ${n}: imported without a connection.`, fix: (n) => `Add a ConnectionReferences entry {"LogicalName", "ConnectionId", "ConnectorId"} for ${n}.` },
  'cr-empty': { noun: CR, severity: 'error', what: (n) => `an empty ConnectionId for ${n}: imported without a connection.`, fix: (n) => `Set the ConnectionId for ${n} to the id of a connection in the target environment.` },
  'cr-placeholder': { noun: CR, severity: 'note', codes: [], what: (n) => `placeholder ConnectionIds for ${n}; the pipeline must replace them before import.`, fix: (n) => `Make sure the pipeline defines a value for each placeholder (${n}) in every target environment.` },
  'cr-connector': { noun: CR, severity: 'error', what: (n) => `a ConnectorId that differs from the solution's for ${n}.`, fix: (n) => `Set the ConnectorId for ${n} to the solution's connector id.` },
  'ev-missing': { noun: EV, severity: 'warning', codes: [], what: (n) => `no entry, and no default value, for ${n}.`, fix: (n) => `Add EnvironmentVariables entries {"SchemaName", "Value"} for ${n}.` },
  'ev-default': { noun: EV, severity: 'note', codes: [], what: (n) => `no entry for ${n}; the default values will be used.`, fix: (n) => `Add EnvironmentVariables entries for ${n} if the defaults do not fit the target.` },
  'cr-stale': { noun: CR, severity: 'warning', codes: [], what: (n) => `entries for ${n}, which the solution does not have (renamed or removed).`, fix: (n) => `Remove or rename the entries for ${n}.` },
  'ev-stale': { noun: EV, severity: 'warning', codes: [], what: (n) => `entries for ${n}, which the solution does not have.`, fix: (n) => `Remove or rename the entries for ${n}.` },
} satisfies Record<string, Gap>;

type GapKind = keyof typeof GAPS;

/** Collects the names per kind of gap and emits one finding per kind. */
function gaps(file: DeploymentSettingsFile, solution: Solution): { add(kind: GapKind, name: string, detail?: string): void; findings(): Finding[] } {
  const found = new Map<GapKind, string[]>();
  return {
    add(kind, name, detail) {
      const list = found.get(kind) ?? [];
      list.push(`'${name}'${detail ? ` (${detail})` : ''}`);
      found.set(kind, list);
    },
    findings() {
      return [...found.entries()].map(([kind, names]) => {
        const gap: Gap = GAPS[kind];
        const listed = `${gap.noun}${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
        return makeFinding(meta, {
          severity: gap.severity,
          ...(gap.codes ? { errorCodes: gap.codes } : {}),
          solution,
          location: { file: file.path },
          message: `${file.path} (for '${solution.uniqueName}') has ${gap.what(listed)}`,
          mitigation: [gap.fix(listed), `Regenerate a complete file with pac solution create-settings --solution-zip <export> --settings-file ${file.path} and fill in the values.`, `Background: ${KB_LINKS.deploymentSettings}`],
          identity: [file.path, kind],
        });
      });
    },
  };
}

function checkEntries(file: DeploymentSettingsFile, solution: Solution): Finding[] {
  const g = gaps(file, solution);
  const entries = new Map(file.connectionReferences.map((c) => [c.logicalName.toLowerCase(), c]));
  for (const cr of solution.connectionReferences) {
    const entry = entries.get(cr.logicalName.toLowerCase());
    if (!entry) {
      g.add('cr-missing', cr.logicalName, cr.api);
      continue;
    }
    if (entry.connectionId.trim() === '') g.add('cr-empty', cr.logicalName, cr.api);
    else if (PLACEHOLDER.test(entry.connectionId.trim())) g.add('cr-placeholder', cr.logicalName, entry.connectionId);
    if (entry.connectorId && entry.connectorId.toLowerCase() !== cr.connectorId.toLowerCase()) g.add('cr-connector', cr.logicalName, `${entry.connectorId}, not ${cr.connectorId}`);
  }
  const vars = new Set(file.environmentVariables.map((e) => e.schemaName.toLowerCase()));
  for (const ev of solution.environmentVariables) {
    if (!vars.has(ev.schemaName.toLowerCase())) g.add(ev.hasDefault ? 'ev-default' : 'ev-missing', ev.schemaName);
  }
  return g.findings();
}

/** Entries no solution of the file has: checked once per file, against all the solutions it serves. */
function checkStale(file: DeploymentSettingsFile, solutions: Solution[]): Finding[] {
  const g = gaps(file, solutions[0] as Solution);
  const crs = new Set(solutions.flatMap((s) => s.connectionReferences.map((c) => c.logicalName.toLowerCase())));
  for (const entry of file.connectionReferences) if (!crs.has(entry.logicalName.toLowerCase())) g.add('cr-stale', entry.logicalName);
  const evs = new Set(solutions.flatMap((s) => s.environmentVariables.map((e) => e.schemaName.toLowerCase())));
  for (const e of file.environmentVariables) if (!evs.has(e.schemaName.toLowerCase())) g.add('ev-stale', e.schemaName);
  return g.findings();
}

export const deploymentSettingsGap: Rule = { meta, check };
