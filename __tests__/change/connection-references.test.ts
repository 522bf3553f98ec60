/** Connection references are part of what a pull request changed: added, removed, renamed, and what every target then needs. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeChange } from '../../src/engine.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { renderContext } from '../../src/report/context.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';

const EXAMPLE = join(PROJECT_ROOT, 'examples/contoso-requests');
const FLOW = 'Workflows/SubmitRequest-6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11.json';
const CUSTOMIZATIONS = 'Other/Customizations.xml';
const SP = 'cr_sharedsharepointonline_5f1e2';
const O365 = 'cr_sharedoffice365_7c3d4';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Base and head copies of the example; `edit` changes the head's customizations and flow definition. */
async function change(edit: (customizations: string, flow: Record<string, any>) => string) {
  const d = mkdtempSync(join(tmpdir(), 'fg-cr-'));
  dirs.push(d);
  cpSync(EXAMPLE, join(d, 'base'), { recursive: true });
  cpSync(EXAMPLE, join(d, 'head'), { recursive: true });
  const flowPath = join(d, 'head', FLOW);
  const flow = JSON.parse(readFileSync(flowPath, 'utf8'));
  const custPath = join(d, 'head', CUSTOMIZATIONS);
  writeFileSync(custPath, edit(readFileSync(custPath, 'utf8'), flow));
  writeFileSync(flowPath, JSON.stringify(flow));
  return analyzeChange({ cwd: d, paths: ['head'], base: { path: 'base' } });
}

/** Renames a connection reference the way the maker's tools do: a new logical name, and the flow's key moves with it. */
function rename(customizations: string, flow: Record<string, any>, from: string, to: string, key: string, newKey: string): string {
  const refs = flow.properties.connectionReferences;
  refs[newKey] = { ...refs[key], connection: { connectionReferenceLogicalName: to } };
  delete refs[key];
  return customizations.replace(`connectionreferencelogicalname="${from}"`, `connectionreferencelogicalname="${to}"`);
}

const refChanges = (r: Awaited<ReturnType<typeof change>>) => (r.report.changes ?? []).filter((c) => c.kind === 'connectionReference');

describe('connection references in what changed', () => {
  it('reports a rename with the flow keys that moved and what every target needs', async () => {
    const r = await change((c, f) => rename(rename(c, f, SP, 'cr_sp_renamed', 'shared_sharepointonline', 'shared_sharepointonline_1'), f, O365, 'cr_o365_renamed', 'shared_office365', 'shared_office365_1'));
    const changes = refChanges(r);
    expect(changes.map((c) => [c.change, c.previousName, c.name])).toEqual([
      ['renamed', O365, 'cr_o365_renamed'],
      ['renamed', SP, 'cr_sp_renamed'],
    ]);
    const sp = changes[1]!;
    expect(sp.details).toEqual([`'${SP}' → 'cr_sp_renamed' (shared_sharepointonline)`, "flow 'Submit Request': connection 'shared_sharepointonline' → 'shared_sharepointonline_1'"]);
    expect(sp.targetNeeds?.join(' ')).toContain("a shared_sharepointonline connection for 'cr_sp_renamed'");
    expect(sp.targetNeeds?.join(' ')).toContain(`a deployment-settings entry for 'cr_sp_renamed'`);

    const ctx = renderContext(true);
    const md = renderMarkdown(r.report, ctx);
    expect(md).toContain('Connection reference **cr\\_sp\\_renamed**');
    expect(md).toMatch(/renamed from \*\*cr\\_sharedsharepointonline\\_5f1e2\*\*/);
    expect(md).toContain('Every target environment needs:');
    const text = renderText(r.report, ctx);
    expect(text).toContain(`connection reference 'cr_sp_renamed' in head: renamed from '${SP}'`);
    expect(text).toContain("every target environment needs: a shared_sharepointonline connection for 'cr_sp_renamed'");
  });

  it('reports an added and a removed reference on different connectors as such, not as a rename', async () => {
    const r = await change((c, f) => {
      const refs = f.properties.connectionReferences;
      refs.shared_teams = { runtimeSource: 'embedded', connection: { connectionReferenceLogicalName: 'cr_teams_1' }, api: { name: 'shared_teams' } };
      delete refs.shared_office365;
      return c.replace(`connectionreferencelogicalname="${O365}"`, 'connectionreferencelogicalname="cr_teams_1"').replace('apis/shared_office365<', 'apis/shared_teams<');
    });
    const changes = refChanges(r);
    expect(changes.map((c) => [c.change, c.name])).toEqual([
      ['added', 'cr_teams_1'],
      ['removed', O365],
    ]);
    expect(changes[0]?.details).toEqual(["on shared_teams, used by flow 'Submit Request'"]);
    expect(changes[0]?.targetNeeds).toHaveLength(2);
    expect(changes[1]?.targetNeeds?.[0]).toMatch(/^nothing new/);
  });

  it('takes the only removed and added pair on one connector for a rename even when no flow uses the new name', async () => {
    const r = await change((c, f) => {
      delete f.properties.connectionReferences.shared_office365;
      return c.replace(`connectionreferencelogicalname="${O365}"`, 'connectionreferencelogicalname="cr_o365_spare"');
    });
    const changes = refChanges(r);
    expect(changes.map((c) => [c.change, c.previousName, c.name, c.details.length])).toEqual([['renamed', O365, 'cr_o365_spare', 1]]);
  });

  it('lists nothing when the references are the same', async () => {
    const r = await change((c) => c);
    expect(refChanges(r)).toEqual([]);
  });
});
