import type { DeploymentSettingsFile, Solution } from '../model/types.js';
import { dirname } from '../source/paths.js';
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
  const dir = dirname(file.path).split('/');
  const shared = (s: Solution): number => {
    const parts = s.path.split('/');
    let n = 0;
    while (n < dir.length && n < parts.length && dir[n] === parts[n]) n++;
    return n;
  };
  const best = Math.max(0, ...eligible.map(shared));
  return best === 0 ? [] : eligible.filter((s) => shared(s) === best);
}

type Add = (severity: Finding['severity'], identity: string, message: string, fix: string, codes?: string[]) => void;

function adder(out: Finding[], file: DeploymentSettingsFile, solution: Solution): Add {
  return (severity, identity, message, fix, codes) => {
    out.push(
      makeFinding(meta, {
        severity,
        ...(codes ? { errorCodes: codes } : {}),
        solution,
        location: { file: file.path },
        message: `${file.path} (for '${solution.uniqueName}'): ${message}`,
        mitigation: [fix, `Regenerate a complete file with pac solution create-settings --solution-zip <export> --settings-file ${file.path} and fill in the values.`, `Background: ${KB_LINKS.deploymentSettings}`],
        identity: [file.path, identity],
      }),
    );
  };
}

function checkEntries(file: DeploymentSettingsFile, solution: Solution): Finding[] {
  const out: Finding[] = [];
  const add = adder(out, file, solution);
  const entries = new Map(file.connectionReferences.map((c) => [c.logicalName.toLowerCase(), c]));
  for (const cr of solution.connectionReferences) {
    const entry = entries.get(cr.logicalName.toLowerCase());
    if (!entry) {
      add('error', `cr-missing:${cr.logicalName}`, `connection reference '${cr.logicalName}' (${cr.api}) has no entry, so it is imported without a connection.`, `Add {"LogicalName": "${cr.logicalName}", "ConnectionId": "<connection id>", "ConnectorId": "${cr.connectorId}"} to ConnectionReferences.`);
      continue;
    }
    if (entry.connectionId.trim() === '') {
      add('error', `cr-empty:${cr.logicalName}`, `connection reference '${cr.logicalName}' has an empty ConnectionId, so it is imported without a connection.`, `Set ConnectionId of '${cr.logicalName}' to the id of a ${cr.api} connection in the target environment.`);
    } else if (PLACEHOLDER.test(entry.connectionId.trim())) {
      add('note', `cr-placeholder:${cr.logicalName}`, `connection reference '${cr.logicalName}' has the placeholder ConnectionId '${entry.connectionId}'; the pipeline must replace it before import.`, `Make sure the pipeline defines a value for '${entry.connectionId}' in every target environment.`);
    }
    if (entry.connectorId && entry.connectorId.toLowerCase() !== cr.connectorId.toLowerCase()) {
      add('error', `cr-connector:${cr.logicalName}`, `connection reference '${cr.logicalName}' has ConnectorId ${entry.connectorId}, but the solution's reference uses ${cr.connectorId}.`, `Set ConnectorId of '${cr.logicalName}' to ${cr.connectorId}.`);
    }
  }
  const vars = new Set(file.environmentVariables.map((e) => e.schemaName.toLowerCase()));
  for (const ev of solution.environmentVariables) {
    if (!vars.has(ev.schemaName.toLowerCase())) {
      add(ev.hasDefault ? 'note' : 'warning', `ev-missing:${ev.schemaName}`, `environment variable '${ev.schemaName}' has no entry${ev.hasDefault ? '; the default value will be used' : ' and no default value'}.`, `Add {"SchemaName": "${ev.schemaName}", "Value": "<value>"} to EnvironmentVariables.`, []);
    }
  }
  return out;
}

/** Entries no solution of the file has: checked once per file, against all the solutions it serves. */
function checkStale(file: DeploymentSettingsFile, solutions: Solution[]): Finding[] {
  const out: Finding[] = [];
  const add = adder(out, file, solutions[0] as Solution);
  const crs = new Set(solutions.flatMap((s) => s.connectionReferences.map((c) => c.logicalName.toLowerCase())));
  for (const entry of file.connectionReferences) {
    if (!crs.has(entry.logicalName.toLowerCase())) add('warning', `cr-stale:${entry.logicalName}`, `entry '${entry.logicalName}' names a connection reference the solution does not have (renamed or removed).`, `Remove the entry '${entry.logicalName}' or rename it to the solution's current connection reference.`, []);
  }
  const evs = new Set(solutions.flatMap((s) => s.environmentVariables.map((e) => e.schemaName.toLowerCase())));
  for (const e of file.environmentVariables) {
    if (!evs.has(e.schemaName.toLowerCase())) add('warning', `ev-stale:${e.schemaName}`, `entry '${e.schemaName}' names an environment variable the solution does not have.`, `Remove the entry '${e.schemaName}' or rename it.`, []);
  }
  return out;
}

export const deploymentSettingsGap: Rule = { meta, check };
