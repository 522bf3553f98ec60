/**
 * A clean target environment built from an export, as Dataverse holds it when the release before this
 * one was a managed import of the same components: the solution one version lower (`1.2.0.0` → `1.1.0.0`),
 * every flow on with the export's definition as `clientdata`, the apps, every connection reference bound,
 * and one managed layer per component.
 * Tests then change one fact (an Active layer, a flow off, an edited definition …) to show one rule.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Workspace } from '../../src/model/types.js';
import { workingTree } from '../../src/source/folder.js';
import { ZipArchive } from '../../src/source/zip.js';
import type { FakeTables, Row } from './fake-dataverse.js';

export const PUBLISHER = 'Contoso';

/** A stable GUID from a text (canvas app and connection reference ids are not in the export). */
export function guidOf(text: string): string {
  let h = 2166136261;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/** The version before `v`: its last non-zero part less one (`1.2.0.0` → `1.1.0.0`). */
export function previousVersion(v: string): string {
  const parts = v.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (typeof p === 'number' && p > 0) {
      parts[i] = p - 1;
      return parts.join('.');
    }
  }
  return v;
}

/** The raw text of a flow's definition file, wherever the export keeps it. */
async function flowText(root: string, file: string, inner: string | undefined): Promise<string> {
  if (!inner) return readFile(join(root, file), 'utf8');
  const zip = await ZipArchive.open(await readFile(join(root, file)));
  return Buffer.from(await zip.read(inner)).toString('utf8');
}

export interface CleanTarget {
  tables: Required<Pick<FakeTables, 'solutions' | 'workflows' | 'canvasapps' | 'connectionreferences' | 'msdyn_componentlayers'>>;
  workspace: Workspace;
}

/** The clean target of the exports under `paths` (relative to `root`). */
export async function cleanTargetOf(root: string, paths: string[]): Promise<CleanTarget> {
  const workspace = await loadWorkspace(await workingTree(root, paths));
  const tables: CleanTarget['tables'] = { solutions: [], workflows: [], canvasapps: [], connectionreferences: [], msdyn_componentlayers: [] };
  const layer = (componentId: string, type: string, solution: string, order = 1): Row => ({
    msdyn_componentlayerid: guidOf(`${componentId}:${type}:${solution}:${order}`),
    msdyn_componentid: componentId,
    msdyn_solutioncomponentname: type,
    msdyn_solutionname: solution,
    msdyn_order: order,
    msdyn_name: type,
    msdyn_publishername: PUBLISHER,
    msdyn_overwritetime: '2026-11-30T10:00:00Z',
    msdyn_componentjson: JSON.stringify({ Attributes: [{ Key: 'name', Value: type }] }),
  });
  for (const s of workspace.solutions) {
    tables.solutions.push({ solutionid: guidOf(`solution:${s.uniqueName}`), uniquename: s.uniqueName, friendlyname: s.displayName, version: previousVersion(s.version), ismanaged: true, installedon: '2026-11-30T10:00:00Z' });
    for (const f of s.flows) {
      tables.workflows.push({
        workflowid: f.id,
        name: f.name,
        category: 5,
        statecode: 1,
        statuscode: 2,
        clientdata: await flowText(root, f.origin.file, f.origin.inner),
        ismanaged: true,
        type: 1,
        workflowidunique: guidOf(`unique:${f.id}`),
        modifiedon: '2026-11-30T10:00:00Z',
      });
      tables.msdyn_componentlayers.push(layer(f.id, 'Workflow', s.uniqueName));
    }
    for (const a of s.apps) {
      const id = guidOf(`app:${a.name}`);
      tables.canvasapps.push({ canvasappid: id, name: a.name, displayname: a.displayName, ismanaged: true, appversion: '2026-11-30T10:00:00Z' });
      tables.msdyn_componentlayers.push(layer(id, 'CanvasApp', s.uniqueName));
    }
    const refs = new Map(s.connectionReferences.map((c) => [c.logicalName.toLowerCase(), { logical: c.logicalName, connector: c.connectorId }]));
    for (const f of s.flows) for (const c of f.connections) if (c.connectionReference && !refs.has(c.connectionReference.toLowerCase())) refs.set(c.connectionReference.toLowerCase(), { logical: c.connectionReference, connector: `/providers/Microsoft.PowerApps/apis/${c.api}` });
    for (const { logical, connector } of refs.values()) {
      const id = guidOf(`ref:${logical}`);
      tables.connectionreferences.push({ connectionreferenceid: id, connectionreferencelogicalname: logical, connectorid: connector, connectionid: guidOf(`connection:${logical}`).replace(/-/g, ''), statecode: 0, ismanaged: true });
      tables.msdyn_componentlayers.push(layer(id, 'connectionreference', s.uniqueName));
    }
  }
  return { tables, workspace };
}

/** Adds an unmanaged (Active) layer above the managed one of a component. */
export function addActiveLayer(tables: CleanTarget['tables'], componentId: string, type: string): void {
  tables.msdyn_componentlayers.push({
    msdyn_componentlayerid: guidOf(`${componentId}:${type}:Active`),
    msdyn_componentid: componentId,
    msdyn_solutioncomponentname: type,
    msdyn_solutionname: 'Active',
    msdyn_order: 2,
    msdyn_name: type,
    msdyn_publishername: 'Default Publisher',
    msdyn_overwritetime: '2026-12-01T08:30:00Z',
    msdyn_componentjson: '{}',
  });
}
