/**
 * Acceptance of the target check (issue 17, point 2): each FG6xx rule fires on a fake target built to
 * show it, and stays silent on a clean target built from the same export. Everything runs through the
 * CLI (in process) against the loopback Dataverse fake over real HTTP.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/report/types.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { APP, BASE, closeFake, FLOW, HEAD, runAgainst } from '../helpers/target-cli.js';
import { addActiveLayer, cleanTargetOf, guidOf, type CleanTarget } from '../helpers/target-from-export.js';

afterEach(async () => {
  await closeFake();
});

const target = (r: Report) => r.findings.filter((f) => f.ruleId.startsWith('FG6'));
const rules = (r: Report) => target(r).map((f) => `${f.ruleId} ${f.severity}`).sort();

/** Edits the clientdata of a flow row. */
function editFlow(tables: CleanTarget['tables'], id: string, edit: (json: Record<string, any>) => void): void {
  const row = tables.workflows.find((w) => w.workflowid === id);
  if (!row) throw new Error(`no flow ${id}`);
  const json = JSON.parse(String(row.clientdata).replace(/^\uFEFF/, ''));
  edit(json);
  row.clientdata = JSON.stringify(json);
}

describe('a clean target built from the export', () => {
  it('gives no target finding and reads everything (audit)', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    const { report, fake: f } = await runAgainst(tables, [HEAD]);
    expect(target(report)).toEqual([]);
    expect(report.target?.status).toBe('checked');
    expect(report.target?.solutions).toEqual([{ uniqueName: 'ContosoRequests', installed: true, version: '1.1.0.0', managed: true, exportedVersion: '1.2.0.0', exportedManaged: 'both' }]);
    expect(report.target?.coverage).toEqual({ solutions: true, flows: true, apps: true, connectionReferences: true, layers: true });
    expect(report.diagnostics.filter((d) => d.file.startsWith('http'))).toEqual([]);
    // One flow, one app, two connection references: one layer query each.
    expect(report.target?.checked).toMatchObject({ flows: 1, apps: 1, connectionReferences: 2, layerQueries: 4 });
    expect(f.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('gives no target finding in pull-request mode when the target holds the base', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [BASE]);
    const { report } = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    expect(target(report)).toEqual([]);
    expect(report.target?.status).toBe('checked');
  });
});

describe('target-unmanaged-layer (FG601)', () => {
  it('is an error for a flow this change modifies', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [BASE]);
    addActiveLayer(tables, FLOW, 'Workflow');
    const { report } = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    expect(rules(report)).toEqual(['FG601 error']);
    const f = target(report)[0]!;
    expect(f.flow).toEqual({ id: FLOW, name: 'Submit Request' });
    expect(f.status).toBe('new');
    expect(f.message).toContain('127.0.0.1');
    expect(f.message).toContain('this change modifies it');
  });

  it('is a warning for a component the change does not modify, or without a base', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    addActiveLayer(tables, guidOf(`app:${APP}`), 'CanvasApp');
    addActiveLayer(tables, FLOW, 'Workflow');
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual(['FG601 warning', 'FG601 warning']);
    expect(target(report).find((f) => f.app)?.app?.name).toBe(APP);
  });

  it('does not count an unmanaged-only component (the solution is unmanaged there)', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    const layer = tables.msdyn_componentlayers.find((l) => l.msdyn_componentid === FLOW);
    layer!.msdyn_solutionname = 'Active';
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual([]);
  });
});

describe('target-flow-drift (FG602)', () => {
  const addInput = (json: Record<string, any>): void => {
    const schema = json.properties.definition.triggers.manual.inputs.schema;
    schema.properties.text_9 = { title: 'Added in production', type: 'string', 'x-ms-content-hint': 'TEXT' };
    schema.required.push('text_9');
  };

  it('is a warning predicting MissingConnectionReference when the target flow was edited and an app calls it', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    editFlow(tables, FLOW, addInput);
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual(['FG602 warning']);
    const f = target(report)[0]!;
    expect(f.errorCodes).toEqual(['MissingConnectionReference']);
    expect(f.message).toContain("input 'text_9'");
  });

  it('is an error when an Active layer keeps the edit through the import', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    editFlow(tables, FLOW, addInput);
    addActiveLayer(tables, FLOW, 'Workflow');
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual(['FG601 warning', 'FG602 error']);
  });

  it('compares with the base in pull-request mode: the change itself is no drift', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [BASE]);
    editFlow(tables, FLOW, (json) => delete json.properties.connectionReferences.shared_sharepointonline);
    const { report } = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    expect(rules(report)).toEqual(['FG602 warning']);
    expect(target(report)[0]!.message).toContain('last released export (the base)');
    expect(target(report)[0]!.message).toContain("connection 'shared_sharepointonline'");
  });

  it('makes an unreadable target definition a diagnostic, not a finding', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    tables.workflows[0]!.clientdata = '{"properties": {';
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual([]);
    expect(report.diagnostics.map((d) => d.message).join('\n')).toMatch(/Submit Request.*not JSON/);
  });
});

describe('target-flow-off (FG603)', () => {
  it.each([0, 2])('fires for statecode %i of a flow the app calls', async (statecode) => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    tables.workflows[0]!.statecode = statecode;
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual(['FG603 warning']);
    expect(target(report)[0]!.app?.name).toBe(APP);
    expect(target(report)[0]!.errorCodes).toEqual(['WorkflowTriggerIsNotEnabled']);
  });
});

describe('target-connection-unbound (FG604)', () => {
  it('fires for a reference without a connection, and names it', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    tables.connectionreferences.find((c) => c.connectionreferencelogicalname === 'cr_sharedoffice365_7c3d4')!.connectionid = null;
    const { report } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual(['FG604 error']);
    expect(target(report)[0]!.message).toContain("'cr_sharedoffice365_7c3d4'");
    expect(target(report)[0]!.errorCodes).toEqual(['XrmConnectionReferenceMissingConnection']);
  });

  it('stays silent when the deployment settings for the environment provide the connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-settings-'));
    try {
      const file = join(dir, 'prod.deploymentSettings.json');
      writeFileSync(file, JSON.stringify({ EnvironmentVariables: [], ConnectionReferences: [{ LogicalName: 'cr_sharedoffice365_7c3d4', ConnectionId: '4f1e0c2a9b8d', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_office365' }] }));
      const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
      tables.connectionreferences.find((c) => c.connectionreferencelogicalname === 'cr_sharedoffice365_7c3d4')!.connectionid = null;
      const { report } = await runAgainst(tables, [HEAD, '--deployment-settings', file]);
      expect(rules(report)).toEqual([]);
      // A settings file with an empty ConnectionId provides nothing.
      const { report: empty } = await runAgainst(tables, [HEAD, '--deployment-settings', 'examples/config/test/deploymentSettings.json']);
      expect(rules(empty)).toEqual(['FG604 error']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('target-solution-unmanaged (FG605)', () => {
  it('fires when the target has it unmanaged and this export ships it managed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-managed-'));
    try {
      cpSync(join(PROJECT_ROOT, HEAD), join(dir, 'contoso'), { recursive: true });
      const xml = join(dir, 'contoso', 'Other', 'Solution.xml');
      writeFileSync(xml, readFileSync(xml, 'utf8').replace('<Managed>2</Managed>', '<Managed>1</Managed>'));
      const { tables } = await cleanTargetOf(dir, ['contoso']);
      const clean = await runAgainst(tables, ['contoso'], { cwd: dir });
      expect(rules(clean.report).filter((r) => r.startsWith('FG605'))).toEqual([]);
      tables.solutions[0]!.ismanaged = false;
      const { report } = await runAgainst(tables, ['contoso'], { cwd: dir });
      expect(rules(report)).toContain('FG605 error');
      expect(report.target?.solutions[0]).toMatchObject({ installed: true, managed: false, exportedManaged: 'managed' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('target-version (FG606)', () => {
  it.each([
    ['1.2.0.0', 'the same as'],
    ['1.10.0.0', 'higher than'],
  ])('fires when the target has %s', async (version, words) => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [BASE]);
    tables.solutions[0]!.version = version;
    const { report } = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    expect(rules(report)).toEqual(['FG606 warning']);
    expect(target(report)[0]!.message).toContain(words);
  });

  it('stays silent for an older installed version (numbers compare as numbers)', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [BASE]);
    tables.solutions[0]!.version = '1.1.9.9';
    const { report } = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    expect(rules(report)).toEqual([]);
  });
});

describe('a solution the target does not have', () => {
  it('is reported as not installed, and nothing else is looked up', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
    tables.solutions = [];
    const { report, fake: f } = await runAgainst(tables, [HEAD]);
    expect(rules(report)).toEqual([]);
    expect(report.target?.solutions[0]?.installed).toBe(false);
    expect(f.requests.map((r) => new URL(r.url, 'http://x').pathname.split('/').pop())).toEqual(['WhoAmI', 'solutions']);
  });
});
