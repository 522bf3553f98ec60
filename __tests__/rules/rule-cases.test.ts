/** Rule behaviour on small variations of the bundled example (text files copied into a temp folder). */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyze, analyzeChange } from '../../src/engine.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';

const EXAMPLE = join(PROJECT_ROOT, 'examples/contoso-requests');
const DATA_XML = 'Workflows/SubmitRequest-6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11.json.data.xml';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'fg-rules-'));
  dirs.push(d);
  return d;
}
function copyExample(to: string, edit: (path: string, text: string) => string = (_p, t) => t): void {
  cpSync(EXAMPLE, to, { recursive: true });
  for (const rel of ['Other/Solution.xml', 'Other/Customizations.xml', DATA_XML, 'CanvasApps/cr_requestsapp_1a2b3.meta.xml']) {
    const p = join(to, rel);
    writeFileSync(p, edit(rel, readFileSync(p, 'utf8')));
  }
}
function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('flow-changed-app-unchanged (FG105)', () => {
  it('does not ask to re-bind an app when a flow is only turned on; the change and the fixed FG201 are reported', async () => {
    const d = workspace();
    copyExample(join(d, 'base'), (p, t) => (p === DATA_XML ? t.replace('<StateCode>1</StateCode>', '<StateCode>0</StateCode>').replace('<StatusCode>2</StatusCode>', '<StatusCode>1</StatusCode>') : t));
    copyExample(join(d, 'head'));
    const r = await analyzeChange({ cwd: d, paths: ['head'], base: { path: 'base' } });
    expect(r.findings.filter((f) => f.ruleId === 'FG105')).toEqual([]);
    expect(r.report.fixed?.map((f) => f.ruleId)).toContain('FG201');
    expect(r.report.changes?.find((c) => c.kind === 'flow')?.details).toEqual(['state off → on']);
  });
});

describe('deployment-settings-gap (FG303)', () => {
  const second = (_p: string, t: string): string => t.replace(/ContosoRequests/g, 'ContosoPortal').replace(/cr_shared(sharepointonline|office365)_\w+/g, (m) => `${m}_portal`);

  it('a settings file shared by two solutions reports no stale entries for either', async () => {
    const d = workspace();
    copyExample(join(d, 'solutions/requests'));
    copyExample(join(d, 'solutions/portal'), second);
    const entry = (name: string, api: string) => ({ LogicalName: name, ConnectionId: '0a1b2c3d4e5f', ConnectorId: `/providers/Microsoft.PowerApps/apis/${api}` });
    write(
      join(d, 'config/prod/deploymentSettings.json'),
      JSON.stringify({
        EnvironmentVariables: [],
        ConnectionReferences: [
          entry('cr_sharedsharepointonline_5f1e2', 'shared_sharepointonline'),
          entry('cr_sharedoffice365_7c3d4', 'shared_office365'),
          entry('cr_sharedsharepointonline_5f1e2_portal', 'shared_sharepointonline'),
          entry('cr_sharedoffice365_7c3d4_portal', 'shared_office365'),
        ],
      }),
    );
    const { report } = await analyze({ cwd: d, paths: ['.'] });
    expect(report.solutions.map((s) => s.uniqueName).sort()).toEqual(['ContosoPortal', 'ContosoRequests']);
    expect(report.findings.filter((f) => f.ruleId === 'FG303')).toEqual([]);
  });

  it('a file naming nothing applies to the nearest solution only, and a stale entry is reported once', async () => {
    const d = workspace();
    copyExample(join(d, 'team-a/src/requests'));
    copyExample(join(d, 'team-b/src/portal'), second);
    write(join(d, 'team-a/config/test/deploymentSettings.json'), JSON.stringify({ EnvironmentVariables: [], ConnectionReferences: [{ LogicalName: 'cr_old_reference', ConnectionId: 'x', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sql' }] }));
    const { report } = await analyze({ cwd: d, paths: ['.'] });
    const gaps = report.findings.filter((f) => f.ruleId === 'FG303');
    expect([...new Set(gaps.map((f) => f.solution.uniqueName))]).toEqual(['ContosoRequests']);
    expect(gaps.filter((f) => f.message.includes("entries for connection reference 'cr_old_reference'"))).toHaveLength(1);
    // One cause, one entry: both references without an entry are listed in one error.
    const missing = gaps.filter((f) => f.message.includes('has no entry for connection references'));
    expect(missing.map((f) => f.severity)).toEqual(['error']);
    expect(missing[0]?.message).toMatch(/connection references '[^']+' \([^)]+\), '[^']+' \(/);
  });
});

describe('mitigations fit the situation', () => {
  it('a development branch gets the remove-and-re-add route; a release branch the Save As copy route', async () => {
    const d = workspace();
    copyExample(join(d, 'solution'));
    const dev = await analyze({ cwd: d, paths: ['.'] });
    const rel = await analyze({ cwd: d, paths: ['.'], release: true });
    const steps = (r: typeof dev) => r.findings.find((f) => f.ruleId === 'FG101')?.mitigation.join('\n') ?? '';
    expect(steps(dev)).toMatch(/remove 'Submit Request' from the app, then add it again/);
    expect(steps(dev)).not.toMatch(/Save As/);
    expect(steps(rel)).toMatch(/Save As to make a copy/);
    expect(steps(rel)).toMatch(/only after every user runs the new app version/);
  });

  it('a managed export is treated as live even off a release branch', async () => {
    const d = workspace();
    copyExample(join(d, 'solution'), (p, t) => (p === 'Other/Solution.xml' ? t.replace('<Managed>2</Managed>', '<Managed>1</Managed>') : t));
    const r = await analyze({ cwd: d, paths: ['.'] });
    expect(r.findings.find((f) => f.ruleId === 'FG101')?.mitigation[0]).toMatch(/This app is live \(managed export\)/);
    expect(r.findings.some((f) => f.ruleId === 'FG402')).toBe(true);
  });
});

describe('connection-mode (FG301) across a change', () => {
  const FLOW = 'Workflows/SubmitRequest-6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11.json';
  const setMode = (d: string, key: string, mode: 'invoker' | 'embedded'): void => {
    const p = join(d, FLOW);
    const def = JSON.parse(readFileSync(p, 'utf8'));
    def.properties.connectionReferences[key].runtimeSource = mode;
    writeFileSync(p, JSON.stringify(def));
  };
  const fg301 = async (d: string) => (await analyzeChange({ cwd: d, paths: ['head'], base: { path: 'base' } })).findings.filter((f) => f.ruleId === 'FG301').map((f) => f.status);

  it('stays "existing" when only an embedded connection changes: users need nothing new', async () => {
    const d = workspace();
    copyExample(join(d, 'base'));
    copyExample(join(d, 'head'));
    const p = join(d, 'base', FLOW);
    const def = JSON.parse(readFileSync(p, 'utf8'));
    delete def.properties.connectionReferences.shared_office365; // the embedded Office 365 connection is new in head
    writeFileSync(p, JSON.stringify(def));
    expect(await fg301(d)).toEqual(['existing']);
  });

  it('is "changed" (the change\'s doing, not "existing") when a connection becomes the run-only user\'s own, since every user then needs access to it', async () => {
    const d = workspace();
    copyExample(join(d, 'base'));
    copyExample(join(d, 'head'));
    setMode(join(d, 'head'), 'shared_office365', 'invoker');
    expect(await fg301(d)).toEqual(['changed']);
  });
});
