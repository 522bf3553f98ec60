import { describe, expect, it } from '@jest/globals';
import { loadWorkspace } from '../../src/model/workspace.js';
import { memoryTree, msapp, unpackedTree, zipOf } from '../helpers/solution-builder.js';
import { ordersSpec } from './fixtures.js';

describe('exports FlowGuard finds but does not analyse', () => {
  it('notes canvas apps outside any solution, and nothing inside one (a YAML root included); a YAML solution is read, not noted', async () => {
    const app = await msapp({ dataSources: [], localConnectionReferences: {} });
    const ws = await loadWorkspace(
      memoryTree({
        'dataverse/solutions/Core/solution.yml': 'SolutionManifest:\n  UniqueName: Core\n',
        'dataverse/canvasapps/cts_core_1a2b3/cts_core_1a2b3.msapp': app,
        'apps/Standalone.msapp': app,
        'apps/unpacked/CanvasManifest.json': '{}',
        ...unpackedTree(await ordersSpec(), 'src/Orders'),
      }),
    );
    expect(ws.solutions.map((s) => [s.path, s.layout])).toEqual([
      ['dataverse/solutions/Core', 'yaml'],
      ['src/Orders', 'unpacked'],
    ]);
    expect(ws.diagnostics.map((d) => [d.file, d.severity])).toEqual([
      ['apps/Standalone.msapp', 'note'],
      ['apps/unpacked/CanvasManifest.json', 'note'],
    ]);
    expect(ws.diagnostics.filter((d) => /not analysed yet/.test(d.message))).toEqual([]);
  });
});

describe('a zip with parts of a solution', () => {
  it('is reported, not skipped as an unrelated zip; an unrelated zip stays silent', async () => {
    const partial = await zipOf([
      ['customizations.xml', '<ImportExportXml/>'],
      ['Workflows/A-00000000-0000-0000-0000-000000000001.json', '{}'],
    ]);
    const unrelated = await zipOf([['images/logo.png', 'png']]);
    const ws = await loadWorkspace(memoryTree({ 'exports/Partial.zip': partial, 'assets/images.zip': unrelated }));
    expect(ws.solutions).toEqual([]);
    expect(ws.diagnostics.map((d) => [d.file, d.message])).toEqual([
      ['exports/Partial.zip', 'has customizations.xml, Workflows/ but no solution.xml: not a complete solution export, so it was not analysed'],
    ]);
  });
});
